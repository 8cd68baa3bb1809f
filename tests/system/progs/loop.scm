;; Loops until interrupted.
(import (scheme base) (scheme write))
(display "looping")
(newline)
(flush-output-port)
(let loop ((i 0)) (loop (+ i 1)))
