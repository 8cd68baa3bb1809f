;; category: flonum
;; fibfp: doubly recursive Fibonacci on flonums (every sum a flonum).
(define (fibfp n)
  (if (< n 2.0)
      n
      (+ (fibfp (- n 1.0)) (fibfp (- n 2.0)))))

(display "fibfp 33 = ")
(display (exact (fibfp 33.0)))
(newline)
