;; category: bignum
;; bigfib: Fibonacci numbers by iteration to tens of thousands (long bignum
;; additions), reduced modulo a prime.
(define (fib n)
  (let loop ((i 0) (a 0) (b 1))
    (if (= i n) a (loop (+ i 1) b (+ a b)))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (+ r (remainder (fib (+ 30000 i)) 1000000007))))))

(display "bigfib 30000 x 40 = ")
(display (repeat 40))
(newline)
