;; category: flonum
;; fpsum: sums of floating-point numbers (boxed flonum arithmetic).
(define (sum-to n)
  (let loop ((i 0) (x 0.0) (s 0.0))
    (if (= i n)
        s
        (loop (+ i 1) (+ x 1.0) (+ s x)))))

(define (sum-halves n)
  (let loop ((i 0) (s 0.0))
    (if (= i n) s (loop (+ i 1) (+ s (* 0.5 (exact->inexact i)))))))

(display "fpsum = ")
(display (inexact->exact (round (sum-to 5000000))))
(display " ")
(display (inexact->exact (round (sum-halves 2000000))))
(newline)
