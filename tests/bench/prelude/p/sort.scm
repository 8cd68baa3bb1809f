(import (scheme base) (scheme write) (srfi 132))
(define bench-list-sort list-sort)
(define bench-vector-sort vector-sort)
