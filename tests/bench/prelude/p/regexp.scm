(import (scheme base) (scheme write) (srfi 115))
(define (make-pattern sre posix) (regexp sre))
(define rx-extract regexp-extract)
(define rx-replace-all regexp-replace-all)
