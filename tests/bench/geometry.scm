;; category: flonum
;; geometry: a conformation search in the spirit of the nucleic-acid
;; benchmark: a chain of segments is grown in 3-D, each step applying one of
;; several rigid transforms (4x4 flonum matrices built from Pythagorean
;; rotations, so no trigonometry), and branches whose new point comes too
;; close to an earlier one are pruned.  Counts the complete chains.
(define (matrix a b c d e f g h i tx ty tz)
  (vector a b c tx d e f ty g h i tz))

(define (compose m n)
  (let ((r (make-vector 12 0.0)))
    (do ((row 0 (+ row 1))) ((= row 3) r)
      (do ((col 0 (+ col 1))) ((= col 4))
        (let ((base (* row 4)))
          (vector-set! r (+ base col)
                       (+ (* (vector-ref m base) (vector-ref n col))
                          (* (vector-ref m (+ base 1)) (vector-ref n (+ 4 col)))
                          (* (vector-ref m (+ base 2)) (vector-ref n (+ 8 col)))
                          (if (= col 3) (vector-ref m (+ base 3)) 0.0))))))))

(define (apply-point m p)
  (let ((x (vector-ref p 0)) (y (vector-ref p 1)) (z (vector-ref p 2)))
    (vector (+ (* (vector-ref m 0) x) (* (vector-ref m 1) y) (* (vector-ref m 2) z) (vector-ref m 3))
            (+ (* (vector-ref m 4) x) (* (vector-ref m 5) y) (* (vector-ref m 6) z) (vector-ref m 7))
            (+ (* (vector-ref m 8) x) (* (vector-ref m 9) y) (* (vector-ref m 10) z) (vector-ref m 11)))))

(define (dist2 p q)
  (let ((dx (- (vector-ref p 0) (vector-ref q 0)))
        (dy (- (vector-ref p 1) (vector-ref q 1)))
        (dz (- (vector-ref p 2) (vector-ref q 2))))
    (+ (* dx dx) (* dy dy) (* dz dz))))

;; Rotations by the angles of the 3-4-5 and 5-12-13 triangles about z and
;; x, each followed by a unit step along x.
(define steps
  (list (matrix 0.6 -0.8 0.0 0.8 0.6 0.0 0.0 0.0 1.0 1.0 0.0 0.0)
        (matrix 0.6 0.8 0.0 -0.8 0.6 0.0 0.0 0.0 1.0 1.0 0.0 0.0)
        (matrix 1.0 0.0 0.0 0.0 (/ 5.0 13.0) (/ -12.0 13.0) 0.0 (/ 12.0 13.0) (/ 5.0 13.0) 1.0 0.0 0.0)
        (matrix (/ 12.0 13.0) (/ -5.0 13.0) 0.0 (/ 5.0 13.0) (/ 12.0 13.0) 0.0 0.0 0.0 1.0 1.0 0.0 0.0)))

(define origin (vector 0.0 0.0 0.0))
(define anchor (vector 0.0 0.0 0.0))

(define (clash? p points)
  (and (pair? points)
       (or (< (dist2 p (car points)) 3.3)
           (clash? p (cdr points)))))

(define (search frame points depth)
  (if (= depth 0)
      1
      (let loop ((ss steps) (count 0))
        (if (null? ss)
            count
            (let* ((f (compose frame (car ss)))
                   (p (apply-point f anchor)))
              (loop (cdr ss)
                    (if (clash? p (cdr points))
                        count
                        (+ count (search f (cons p points) (- depth 1))))))))))

(define identity (matrix 1.0 0.0 0.0 0.0 1.0 0.0 0.0 0.0 1.0 0.0 0.0 0.0))

(display "geometry 14 = ")
(display (search identity (list origin) 14))
(newline)
