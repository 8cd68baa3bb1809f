;; A user library that imports another user library and uses cond-expand in
;; its declarations.
(define-library (pxtest util)
  (export double triple stack-sum describe-impl)
  (import (scheme base) (pxtest stack))
  (cond-expand
    (r7rs (begin (define impl-kind 'r7rs)))
    (else (begin (define impl-kind 'unknown))))
  (begin
    (define (double x) (* 2 x))
    (define (triple x) (* 3 x))
    (define (describe-impl) impl-kind)
    (define (stack-sum s)
      (if (stack-empty? s) 0 (+ (stack-top s) (stack-sum (pop s)))))))
