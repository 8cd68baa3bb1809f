;;; (srfi 2): and-let*, an and that binds as it goes.  A clause is
;;; (variable expression), (expression) or a bare variable; without a
;;; body the value is the last clause's.
(define-library (srfi 2)
  (import (scheme base))
  (export and-let*)
  (begin
    (define-syntax and-let*
      (syntax-rules ()
        ((_ ()) #t)
        ((_ () body ...) (let () body ...))
        ((_ ((var expr))) (let ((var expr)) var))
        ((_ ((expr))) expr)
        ((_ (var)) var)
        ((_ ((var expr) rest ...) body ...)
         (let ((var expr))
           (if var (and-let* (rest ...) body ...) #f)))
        ((_ ((expr) rest ...) body ...)
         (if expr (and-let* (rest ...) body ...) #f))
        ((_ (var rest ...) body ...)
         (if var (and-let* (rest ...) body ...) #f))))))
