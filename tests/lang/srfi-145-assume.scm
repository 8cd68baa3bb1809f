;; SRFI 145: assume.
(import (scheme base) (scheme char) (scheme write) (scheme process-context)
        (srfi 145))
(include "harness.scm")

(test 5 (assume 5))
(test 'ok (assume 'ok "never shown"))
(test-error "a false assumption raises" #f "assumption" (assume #f))
(test-error "the messages are irritants" #f "the reason" (assume (= 1 2) "the reason"))

(test-end)
