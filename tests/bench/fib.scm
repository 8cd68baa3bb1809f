;; category: call
;; fib: doubly recursive Fibonacci; procedure calls and fixnum arithmetic.
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(display "fib 34 = ")
(display (fib 34))
(newline)
