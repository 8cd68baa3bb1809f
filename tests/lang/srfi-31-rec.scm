;; SRFI 31: rec.
(import (scheme base) (scheme write) (scheme process-context) (scheme lazy)
        (srfi 31))
(include "harness.scm")

(test 120 ((rec (fact n) (if (= n 0) 1 (* n (fact (- n 1))))) 5))
(test 120 ((rec fact (lambda (n) (if (= n 0) 1 (* n (fact (- n 1)))))) 5))
(test '(1 1 1) (let ((s (rec ones (cons 1 (delay ones)))))
                 (list (car s) (car (force (cdr s))) (car (force (cdr (force (cdr s))))))))
(test #t (procedure? (rec (f) f)))

(test-end)
