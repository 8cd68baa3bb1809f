;; Prints the heap limit the collector works with, in whole MiB rounded up.
(import (scheme base) (scheme write) (pxen gc))
(define limit (cdr (assq 'heap-limit (gc-stats))))
(display (quotient (+ limit 1048575) 1048576))
(newline)
