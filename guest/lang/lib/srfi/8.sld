;;; (srfi 8): receive, binding the values an expression returns.
(define-library (srfi 8)
  (import (scheme base))
  (export receive)
  (begin
    (define-syntax receive
      (syntax-rules ()
        ((_ formals expr body ...)
         (call-with-values (lambda () expr) (lambda formals body ...)))))))
