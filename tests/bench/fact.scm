;; category: bignum
;; fact: factorials of a few thousand (bignum times fixnum) and their
;; decimal digit sums (bignum to string conversion).
(define (fact n)
  (let loop ((i 2) (acc 1))
    (if (> i n) acc (loop (+ i 1) (* acc i)))))

(define (digit-sum x)
  (let ((s (number->string x)))
    (let loop ((i 0) (sum 0))
      (if (= i (string-length s))
          sum
          (loop (+ i 1) (+ sum (- (char->integer (string-ref s i)) 48)))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (+ r (digit-sum (fact (+ 2000 i))))))))

(display "fact 2000 x 350 = ")
(display (repeat 350))
(newline)
