;; SRFI 9: records (a library holding only define-record-type).
(import (scheme base) (scheme write) (scheme process-context)
        (only (srfi 9) define-record-type))
(include "harness.scm")

(define-record-type pare (kons x y) pare? (x kar set-kar!) (y kdr))
(test #t (pare? (kons 1 2)))
(test #f (pare? (cons 1 2)))
(test 1 (kar (kons 1 2)))
(test 2 (kdr (kons 1 2)))
(test 3 (let ((k (kons 1 2))) (set-kar! k 3) (kar k)))
(test-error (type-error 'kar "pare") (kar (cons 1 2)))

(test-end)
