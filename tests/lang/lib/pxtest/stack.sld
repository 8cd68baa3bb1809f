;; A user library for 5-program-structure.scm: a functional stack, a macro
;; export, internal state shared by every importer, and a body from include.
(define-library (pxtest stack)
  (export make-stack stack-push stack-top stack-size stack-empty?
          with-pushed push-count (rename stack-pop pop))
  (import (scheme base))
  (include "stack-impl.scm")
  (begin
    (define pushes 0)
    (define (push-count) pushes)
    (define (stack-push s x)
      (set! pushes (+ pushes 1))
      (cons x s))
    (define-syntax with-pushed
      (syntax-rules ()
        ((_ s (x ...) body ...)
         (let ((s (stack-push* (make-stack) (list x ...)))) body ...))))
    (define (stack-push* s xs)
      (if (null? xs) s (stack-push* (stack-push s (car xs)) (cdr xs))))))
