;; SRFI 23: error.
(import (scheme base) (scheme char) (scheme write) (scheme process-context)
        (only (srfi 23) error))
(include "harness.scm")

(test-error "error raises with its message" error-object? "bad thing" (error "bad thing" 1 2))
(test '("bad" (1 2))
      (guard (e (#t (list (error-object-message e) (error-object-irritants e))))
        (error "bad" 1 2)))

(test-end)
