;;; (srfi 16): case-lambda, as R7RS has it.
(define-library (srfi 16)
  (import (scheme case-lambda))
  (export case-lambda))
