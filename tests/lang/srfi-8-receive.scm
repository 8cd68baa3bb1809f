;; SRFI 8: receive.
(import (scheme base) (scheme write) (scheme process-context) (srfi 8))
(include "harness.scm")

(test '(1 2) (receive (a b) (values 1 2) (list a b)))
(test '(1 (2 3)) (receive (a . rest) (values 1 2 3) (list a rest)))
(test '(1 2) (receive all (values 1 2) all))
(test '() (receive all (values) all))
(test 3 (receive (x) 3 x))
(test-error error-object? "expected 2 arguments, got 1" (receive (a b) (values 1) a))

(test-end)
