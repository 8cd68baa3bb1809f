(define bench-list-sort list-sort)
(define bench-vector-sort vector-sort)
