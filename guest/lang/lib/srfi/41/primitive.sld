;;; (srfi 41 primitive): the eight primitive stream operators of (srfi 41).
(define-library (srfi 41 primitive)
  (import (srfi 41))
  (export stream-null stream-cons stream? stream-null? stream-pair?
          stream-car stream-cdr stream-lambda))
