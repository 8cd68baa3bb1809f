;;; (srfi 145): assume.  A false assumption is an error here, raised with
;;; the expression and any messages given.
(define-library (srfi 145)
  (import (scheme base))
  (export assume)
  (begin
    (define-syntax assume
      (syntax-rules ()
        ((_ expr message ...)
         (let ((v expr))
           (if v v (error "assumption violated" 'expr message ...))))))))
