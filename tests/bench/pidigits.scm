;; category: bignum
;; pidigits: digits of pi from Gibbons' unbounded spigot (a stream of
;; linear fractional transformations on growing exact integers).
(define (digit-sum-of-pi count)
  (let loop ((q 1) (r 0) (t 1) (k 1) (n 0) (sum 0) (last 0))
    (if (= n count)
        (list sum last)
        (let ((d (quotient (+ (* 3 q) r) t)))
          (if (= d (quotient (+ (* 4 q) r) t))
              (loop (* 10 q) (* 10 (- r (* d t))) t k (+ n 1) (+ sum d) (remainder (+ (* last 10) d) 100000))
              (let ((l (+ (* 2 k) 1)))
                (loop (* q k) (* (+ (* 2 q) r) l) (* t l) (+ k 1) n sum last)))))))

(display "pidigits 3000 = ")
(display (digit-sum-of-pi 3000))
(newline)
