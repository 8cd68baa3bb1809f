;; Loops until interrupted.
(import (scheme base) (scheme write))
(display "looping")
(newline)
(let loop ((i 0)) (loop (+ i 1)))
