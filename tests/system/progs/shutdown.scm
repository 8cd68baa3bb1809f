;; Handles a toolstack shutdown request (xl shutdown): cleans up, then
;; ends with its own status.
(import (scheme base) (scheme write) (scheme process-context) (pxen repl))
(display "running")
(newline)
(flush-output-port)
(guard (e ((shutdown-condition? e)
           (display "shutdown heard: cleaning up")
           (newline)
           (exit 5)))
  (let spin ((i 0)) (spin (+ i 1))))
