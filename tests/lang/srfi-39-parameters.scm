;; SRFI 39: parameter objects.
(import (scheme base) (scheme write) (scheme process-context)
        (only (srfi 39) make-parameter parameterize))
(include "harness.scm")

(define p (make-parameter 10 (lambda (x) (* x 2))))
(test 20 (p))
(test 6 (parameterize ((p 3)) (p)))
(test 20 (p))
(test '(1 2) (let ((q (make-parameter 1)))
               (list (q) (parameterize ((q 2)) (q)))))

(test-end)
