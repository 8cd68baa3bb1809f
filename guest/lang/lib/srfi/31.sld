;;; (srfi 31): rec, a recursive binding as an expression.
(define-library (srfi 31)
  (import (scheme base))
  (export rec)
  (begin
    (define-syntax rec
      (syntax-rules ()
        ((_ (name . formals) body ...)
         (letrec ((name (lambda formals body ...))) name))
        ((_ name expr)
         (letrec ((name expr)) name))))))
