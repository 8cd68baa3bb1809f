;; category: flonum
;; mbrot: iteration counts of the Mandelbrot set over a grid (flonums).
(define (count-iterations cr ci limit)
  (let loop ((zr 0.0) (zi 0.0) (i 0))
    (if (or (= i limit) (> (+ (* zr zr) (* zi zi)) 4.0))
        i
        (loop (+ (- (* zr zr) (* zi zi)) cr)
              (+ (* 2.0 zr zi) ci)
              (+ i 1)))))

(define (grid n limit)
  (let rows ((y 0) (total 0))
    (if (= y n)
        total
        (rows (+ y 1)
              (let cols ((x 0) (total total))
                (if (= x n)
                    total
                    (cols (+ x 1)
                          (+ total (count-iterations
                                    (- (* 3.0 (/ (exact->inexact x) n)) 2.25)
                                    (- (* 3.0 (/ (exact->inexact y) n)) 1.5)
                                    limit)))))))))

(display "mbrot = ")
(display (grid 224 256))
(newline)
