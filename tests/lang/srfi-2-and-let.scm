;; SRFI 2: and-let*.
(import (scheme base) (scheme write) (scheme process-context) (srfi 2))
(include "harness.scm")

(test #t (and-let* ()))
(test 1 (and-let* () 1))
(test 5 (and-let* ((x 5))))
(test 6 (and-let* ((x 5)) (+ x 1)))
(test #f (and-let* ((x #f)) 'not-reached))
(test 3 (and-let* ((x 1) (y (+ x 1))) (+ x y)))
(test #f (and-let* ((x 1) ((> x 2))) 'no))
(test 'yes (and-let* ((x 3) ((> x 2))) 'yes))
(define v 7)
(test 8 (and-let* (v ((odd? v))) (+ v 1)))
(test 7 (and-let* (v)))
(test #f (let ((w #f)) (and-let* (w) 'no)))
(test #t (and-let* (((odd? 1)))))
(test '(b) (let ((l '((a . 1) (b . 2))))
             (and-let* ((p (assq 'b l)) (k (car p))) (list k))))
;; Clauses after a false one are not evaluated.
(test 0 (let ((n 0)) (and-let* ((x #f) (y (set! n 1)))) n))

(test-end)
