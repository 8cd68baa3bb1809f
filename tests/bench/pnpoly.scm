;; category: flonum
;; pnpoly: counts the points of a grid that fall inside a star-shaped
;; polygon by the crossing-number test: a horizontal ray from the point
;; crosses the polygon's edges an odd number of times exactly when the
;; point is inside.  Vertices are flonums in two vectors.
(define (star n r1 r2)
  ;; 2n vertices alternating between radius r1 and r2, from a rotation
  ;; by the exact angle's cosine and sine (computed by the half-angle
  ;; recurrence, so no transcendental procedure is involved)
  (let ((xs (make-vector (* 2 n))) (ys (make-vector (* 2 n))))
    (let loop ((k 0) (c 1.0) (s 0.0))
      (if (< k (* 2 n))
          (let ((r (if (even? k) r1 r2)))
            (vector-set! xs k (* r c))
            (vector-set! ys k (* r s))
            (loop (+ k 1)
                  (- (* c step-cos) (* s step-sin))
                  (+ (* s step-cos) (* c step-sin))))
          (cons xs ys)))))

;; cos and sin of pi/8 (a 16-pointed step: n = 8 points, 16 vertices)
(define step-cos (sqrt (/ (+ 1.0 (sqrt 0.5)) 2.0)))
(define step-sin (sqrt (/ (- 1.0 (sqrt 0.5)) 2.0)))

(define (inside? xs ys x y)
  (let ((n (vector-length xs)))
    (let loop ((i 0) (j (- n 1)) (c #f))
      (if (= i n)
          c
          (let ((xi (vector-ref xs i)) (yi (vector-ref ys i))
                (xj (vector-ref xs j)) (yj (vector-ref ys j)))
            (loop (+ i 1) i
                  (if (and (not (eq? (> yi y) (> yj y)))
                           (< x (+ (/ (* (- xj xi) (- y yi)) (- yj yi)) xi)))
                      (not c)
                      c)))))))

(define (count-inside poly steps)
  (let ((xs (car poly)) (ys (cdr poly)) (h (/ 4.0 steps)))
    (let rows ((a 0) (total 0))
      (if (= a steps)
          total
          (rows (+ a 1)
                (let cols ((b 0) (total total))
                  (if (= b steps)
                      total
                      (cols (+ b 1)
                            (if (inside? xs ys (- (* a h) 2.0) (- (* b h) 2.0))
                                (+ total 1)
                                total)))))))))

(display "pnpoly 400 = ")
(display (count-inside (star 8 1.8 0.7) 400))
(newline)
