;; SRFI 98: environment variables.
(import (scheme base) (scheme write) (scheme process-context)
        (prefix (srfi 98) s98:))
(include "harness.scm")

(test #t (string? (s98:get-environment-variable "PATH")))
(test #f (s98:get-environment-variable "PXEN_SURELY_UNSET_VARIABLE"))
(test #t (let ((all (s98:get-environment-variables)))
           (and (list? all) (pair? (assoc "PATH" all))
                (equal? (cdr (assoc "PATH" all)) (s98:get-environment-variable "PATH")))))

(test-end)
