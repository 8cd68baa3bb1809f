;; category: string
;; numstr: number->string and string->number round trips of integers,
;; flonums and rationals, and string-append of the pieces.
(define (run n)
  (let loop ((i 1) (acc 0) (text ""))
    (if (> i n)
        (+ acc (string-length text))
        (let* ((a (number->string (* i 7919)))
               (b (number->string (/ i 8.0)))
               (c (number->string (/ i 7)))
               (d (number->string i 16))
               (v (+ (string->number a) (exact (round (* 8 (string->number b))))
                     (numerator (string->number c)) (string->number d 16))))
          (loop (+ i 1) (remainder (+ acc v) 1000003)
                (if (= (remainder i 100) 0) "" (string-append text a)))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (+ r (run 10000))))))

(display "numstr 10000 x 30 = ")
(display (repeat 30))
(newline)
