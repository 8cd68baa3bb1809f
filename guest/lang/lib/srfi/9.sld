;;; (srfi 9): records; R7RS's define-record-type is SRFI 9's.
(define-library (srfi 9)
  (import (scheme base))
  (export define-record-type))
