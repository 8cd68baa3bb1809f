;; SRFI 11: let-values and let*-values.
(import (scheme base) (scheme write) (scheme process-context)
        (only (srfi 11) let-values let*-values))
(include "harness.scm")

(test '(1 2 3) (let-values (((a b) (values 1 2)) ((c) (values 3))) (list a b c)))
(test '(1 (2 3)) (let-values (((a . rest) (values 1 2 3))) (list a rest)))
(test '(1 2) (let*-values (((a) (values 1)) ((b) (values (+ a 1)))) (list a b)))
(test '(x y) (let ((a 'x) (b 'y)) (let-values (((a b) (values a b))) (list a b))))

(test-end)
