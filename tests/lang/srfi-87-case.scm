;; SRFI 87: => in case clauses.
(import (scheme base) (scheme write) (scheme process-context)
        (only (srfi 87) case))
(include "harness.scm")

(test 4 (case 2 ((1 2) => (lambda (x) (* x 2))) (else 'no)))
(test 'three (case 3 ((1 2) 'small) (else => (lambda (x) 'three))))
(test 'b (case 'x ((x) 'b) (else 'c)))

(test-end)
