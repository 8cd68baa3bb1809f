;; Reads current-jiffy many times: it must never go back nor leap (each
;; step well under a second), and its total must agree with current-second.
(import (scheme base) (scheme write) (scheme time))
(define n 200000)
(define s0 (current-second))
(define j0 (current-jiffy))
(let loop ((i 0) (prev j0) (back 0) (leap 0))
  (if (< i n)
      (let* ((j (current-jiffy)) (d (- j prev)))
        (loop (+ i 1) j (if (< d 0) (+ back 1) back) (if (> d 1000000000) (+ leap 1) leap)))
      (let ((jd (/ (- prev j0) (jiffies-per-second)))
            (sd (- (current-second) s0)))
        (display (list 'readings n 'back back 'leaps leap))
        (newline)
        (display (if (and (= back 0) (= leap 0) (< (abs (- jd sd)) 1))
                     "clock: monotonic"
                     (list 'clock: 'jiffy-seconds (exact->inexact jd) 'wall-seconds sd)))
        (newline))))
