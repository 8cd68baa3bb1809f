;; category: library
;; sort: sorting lists and vectors of pseudo-random fixnums and a list of
;; strings with each implementation's own sort (SRFI 132's list-sort and
;; vector-sort in p); prelude/NAME/sort.scm binds the bench- names, which
;; take the order first as SRFI 132 and R6RS do.
(define (random-list n seed)
  (let loop ((i 0) (x seed) (acc '()))
    (if (= i n)
        acc
        (let ((next (modulo (+ (* x 1103515245) 12345) 2147483648)))
          (loop (+ i 1) next (cons (quotient next 16) acc))))))

(define (sorted? less? l)
  (or (null? l) (null? (cdr l))
      (and (not (less? (cadr l) (car l))) (sorted? less? (cdr l)))))

(define (run n rounds)
  (let ((nums (random-list n 42))
        (words (map (lambda (k) (number->string k 16)) (random-list (quotient n 4) 7))))
    (let loop ((r 0) (acc 0))
      (if (= r rounds)
          acc
          (let* ((l (bench-list-sort < nums))
                 (v (bench-vector-sort > (list->vector nums)))
                 (w (bench-list-sort string<? words)))
            (if (and (sorted? < l) (sorted? string<? w))
                (loop (+ r 1)
                      (+ acc (car l) (vector-ref v 0)
                         (string-length (car w))
                         (string-length (list-ref w (quotient (length w) 2)))))
                'unsorted))))))

(display "sort 100000 x 2 = ")
(display (run 100000 2))
(newline)
