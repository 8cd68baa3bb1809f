;; category: callcc
;; ctak: Takeuchi's function returning through call/cc continuations.
(define (ctak x y z)
  (call-with-current-continuation
   (lambda (k) (ctak-aux k x y z))))

(define (ctak-aux k x y z)
  (if (not (< y x))
      (k z)
      (call-with-current-continuation
       (lambda (k)
         (ctak-aux
          k
          (call-with-current-continuation (lambda (k) (ctak-aux k (- x 1) y z)))
          (call-with-current-continuation (lambda (k) (ctak-aux k (- y 1) z x)))
          (call-with-current-continuation (lambda (k) (ctak-aux k (- z 1) x y))))))))

(define (repeat n)
  (let loop ((i 0) (r 0))
    (if (= i n) r (loop (+ i 1) (+ r (ctak 18 12 6))))))

(display "ctak 18 12 6 x 40 = ")
(display (repeat 40))
(newline)
