;; category: bignum
;; harmonic: exact harmonic numbers as rationals (bignum gcd on every
;; addition).
(define (harmonic n)
  (let loop ((k 1) (h 0))
    (if (> k n) h (loop (+ k 1) (+ h (/ 1 k))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k)
        r
        (let ((h (harmonic (+ 2500 i))))
          (loop (+ i 1) (+ r (string-length (number->string (numerator h))) (remainder (denominator h) 1000003)))))))

(display "harmonic 2500 x 12 = ")
(display (repeat 12))
(newline)
