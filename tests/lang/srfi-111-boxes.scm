;; SRFI 111 / (scheme box): boxes.
(import (scheme base) (scheme write) (scheme process-context)
        (scheme eval) (srfi 111))
(include "harness.scm")

(test-assert "scheme box shares srfi 111's bindings"
  (eq? (eval 'unbox (environment '(scheme box))) unbox))
(define b (box 1))
(test #t (box? b))
(test #f (box? 1))
(test #f (box? (vector 1)))
(test 1 (unbox b))
(set-box! b 'two)
(test 'two (unbox b))
(test #f (eq? (box 1) (box 1)))
(test-error (type-error 'unbox "<box>") (unbox 5))
(test-error (type-error 'set-box! "<box>") (set-box! '(1) 2))

(test-end)
