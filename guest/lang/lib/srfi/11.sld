;;; (srfi 11): let-values and let*-values, as R7RS has them.
(define-library (srfi 11)
  (import (scheme base))
  (export let-values let*-values))
