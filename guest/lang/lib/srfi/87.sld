;;; (srfi 87): => in case clauses, which R7RS's case already accepts.
(define-library (srfi 87)
  (import (scheme base))
  (export case))
