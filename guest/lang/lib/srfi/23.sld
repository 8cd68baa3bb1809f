;;; (srfi 23): error, as R7RS has it (a message and irritants).
(define-library (srfi 23)
  (import (scheme base))
  (export error))
