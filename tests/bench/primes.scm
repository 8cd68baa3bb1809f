;; category: call
;; primes: the sieve of Eratosthenes over a vector of booleans.
(define (count-primes n)
  (let ((sieve (make-vector (+ n 1) #t)))
    (let loop ((i 2) (count 0))
      (if (> i n)
          count
          (if (vector-ref sieve i)
              (begin
                (let mark ((j (* i i)))
                  (if (<= j n)
                      (begin (vector-set! sieve j #f) (mark (+ j i)))))
                (loop (+ i 1) (+ count 1)))
              (loop (+ i 1) count))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (count-primes 1000000)))))

(display "primes below 1000000 = ")
(display (repeat 5))
(newline)
