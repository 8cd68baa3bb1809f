;; Counts "tick 1", "tick 2", ... about three times a second, so that a
;; suspended and resumed guest shows in its output where it carried on.
(import (scheme base) (scheme write) (scheme time))
(define per-ms (quotient (jiffies-per-second) 1000))
(define (spin ms)
  (let ((end (+ (current-jiffy) (* ms per-ms))))
    (let loop () (if (< (current-jiffy) end) (loop)))))
(let loop ((i 1))
  (display "tick ") (display i) (newline) (flush-output-port)
  (spin 300)
  (if (< i 2000) (loop (+ i 1))))
