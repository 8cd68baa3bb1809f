;; SRFI 16: case-lambda.
(import (scheme base) (scheme write) (scheme process-context)
        (only (srfi 16) case-lambda))
(include "harness.scm")

(define f (case-lambda ((x) (list 'one x)) ((x y) (list 'two x y)) ((x . r) (list 'many x r))))
(test '(one 1) (f 1))
(test '(two 1 2) (f 1 2))
(test '(many 1 (2 3)) (f 1 2 3))
(test-error (error-from 'case-lambda "no clause accepts 0 arguments") ((case-lambda ((x) x))))

(test-end)
