;; category: flonum
;; nbody: a gravitational simulation of five bodies (flonum vectors, no
;; allocation besides boxed flonums); prints the energy before and after,
;; scaled to integers.  The initial state is made up for this benchmark.
(define (make-body x y z vx vy vz m) (vector x y z vx vy vz m))

(define (initial-system)
  (list (make-body 0.0 0.0 0.0 0.0 0.0 0.0 39.47)
        (make-body 5.2 0.3 -0.1 0.01 2.75 0.02 0.037)
        (make-body -9.5 1.2 0.3 -0.02 -2.03 0.01 0.011)
        (make-body 19.1 -2.5 0.2 0.1 1.43 -0.01 0.0017)
        (make-body -0.4 -30.0 0.5 1.14 0.0 0.02 0.002)))

(define (energy bodies)
  (let loop ((bs bodies) (e 0.0))
    (if (null? bs)
        e
        (let* ((b (car bs)) (m (vector-ref b 6))
               (vx (vector-ref b 3)) (vy (vector-ref b 4)) (vz (vector-ref b 5))
               (kinetic (* 0.5 m (+ (* vx vx) (* vy vy) (* vz vz)))))
          (loop (cdr bs)
                (let pot ((os (cdr bs)) (e (+ e kinetic)))
                  (if (null? os)
                      e
                      (let* ((o (car os))
                             (dx (- (vector-ref b 0) (vector-ref o 0)))
                             (dy (- (vector-ref b 1) (vector-ref o 1)))
                             (dz (- (vector-ref b 2) (vector-ref o 2))))
                        (pot (cdr os) (- e (/ (* m (vector-ref o 6)) (sqrt (+ (* dx dx) (* dy dy) (* dz dz))))))))))))))

(define (kick! b o dt)
  (let* ((dx (- (vector-ref b 0) (vector-ref o 0)))
         (dy (- (vector-ref b 1) (vector-ref o 1)))
         (dz (- (vector-ref b 2) (vector-ref o 2)))
         (d2 (+ (* dx dx) (* dy dy) (* dz dz)))
         (mag (/ dt (* d2 (sqrt d2))))
         (mb (* (vector-ref b 6) mag))
         (mo (* (vector-ref o 6) mag)))
    (vector-set! b 3 (- (vector-ref b 3) (* dx mo)))
    (vector-set! b 4 (- (vector-ref b 4) (* dy mo)))
    (vector-set! b 5 (- (vector-ref b 5) (* dz mo)))
    (vector-set! o 3 (+ (vector-ref o 3) (* dx mb)))
    (vector-set! o 4 (+ (vector-ref o 4) (* dy mb)))
    (vector-set! o 5 (+ (vector-ref o 5) (* dz mb)))))

(define (advance! bodies dt)
  (let loop ((bs bodies))
    (if (pair? bs)
        (begin
          (for-each (lambda (o) (kick! (car bs) o dt)) (cdr bs))
          (loop (cdr bs)))))
  (for-each (lambda (b)
              (vector-set! b 0 (+ (vector-ref b 0) (* dt (vector-ref b 3))))
              (vector-set! b 1 (+ (vector-ref b 1) (* dt (vector-ref b 4))))
              (vector-set! b 2 (+ (vector-ref b 2) (* dt (vector-ref b 5)))))
            bodies))

(define (run steps)
  (let* ((bodies (initial-system)) (e0 (energy bodies)))
    (do ((i 0 (+ i 1))) ((= i steps))
      (advance! bodies 0.001))
    (list (exact (round (* 1e9 e0))) (exact (round (* 1e9 (energy bodies)))))))

(display "nbody 60000 = ")
(display (run 60000))
(newline)
