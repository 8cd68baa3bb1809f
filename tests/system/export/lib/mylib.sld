(define-library (mylib)
  (export greet)
  (import (scheme base))
  (begin
    (define (greet who) (string-append "hello from " who))))
