;; category: control
;; values: procedures returning several values, received with
;; call-with-values, let-values and let*-values in hot loops.
(define (div-mod a b) (values (quotient a b) (remainder a b)))

(define (min-max l)
  (let loop ((l (cdr l)) (lo (car l)) (hi (car l)))
    (if (null? l) (values lo hi) (loop (cdr l) (min lo (car l)) (max hi (car l))))))

(define (digits n)
  (let loop ((n n) (count 0) (sum 0))
    (if (= n 0)
        (values count sum)
        (call-with-values (lambda () (div-mod n 10))
          (lambda (q r) (loop q (+ count 1) (+ sum r)))))))

(define (run i)
  (let-values (((c s) (digits (+ i 1000000)))
               ((lo hi) (min-max (list i (- i 5) (+ i 3) 7))))
    (let*-values (((q r) (div-mod (+ c s hi) 3))
                  ((x) (values (+ q r lo))))
      x)))

(define (repeat n)
  (let loop ((i 0) (r 0))
    (if (= i n) r (loop (+ i 1) (+ r (run i))))))

(display "values x 200000 = ")
(display (repeat 200000))
(newline)
