;; category: bignum
;; chudnovsky: pi to thousands of digits by the Chudnovsky series with
;; binary splitting (large bignum products and quotients) and an exact
;; integer square root.
(define c3/24 (quotient (* 640320 640320 640320) 24))

;; Returns (p q t) for the terms a <= k < b.
(define (split a b)
  (if (= (- b a) 1)
      (let ((p (if (= a 0) 1 (* (- (* 6 a) 5) (- (* 2 a) 1) (- (* 6 a) 1))))
            (q (if (= a 0) 1 (* a a a c3/24))))
        (list p q (* (if (odd? a) -1 1) p (+ 13591409 (* 545140134 a)))))
      (let* ((m (quotient (+ a b) 2))
             (l (split a m))
             (r (split m b)))
        (list (* (car l) (car r))
              (* (cadr l) (cadr r))
              (+ (* (caddr l) (cadr r)) (* (car l) (caddr r)))))))

(define (isqrt n) (call-with-values (lambda () (exact-integer-sqrt n)) (lambda (s r) s)))

;; pi times 10^digits, truncated.
(define (pi-digits digits)
  (let* ((guard 10)
         (terms (+ 2 (quotient digits 14)))
         (pqt (split 0 terms))
         (one (expt 10 (+ digits guard)))
         (root (isqrt (* 10005 one one))))
    (quotient (quotient (* 426880 root (cadr pqt)) (caddr pqt)) (expt 10 guard))))

(define (digit-sum x)
  (let loop ((x x) (s 0)) (if (= x 0) s (loop (quotient x 10) (+ s (remainder x 10))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (+ r (remainder (pi-digits 20000) 1000000))))))

(display "chudnovsky 20000 x 12 = ")
(display (repeat 12))
(display " ")
(display (digit-sum (pi-digits 1000)))
(newline)
