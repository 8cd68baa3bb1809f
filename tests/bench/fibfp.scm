;; category: flonum
;; fibfp: doubly recursive Fibonacci on flonums (every sum a flonum).
(define (fibfp n)
  (if (< n 2.0)
      n
      (+ (fibfp (- n 1.0)) (fibfp (- n 2.0)))))

(display "fibfp 31 = ")
(display (exact (fibfp 31.0)))
(newline)
