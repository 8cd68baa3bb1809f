;; Argument checking is the same in every module: an index that is not an
;; exact integer is a type error, an exact integer outside the valid
;; indices is a range error, and both name the procedure and the argument.
(include "harness.scm")

(define (type-error who n)
  (string-append who ": expected exact integer as argument " n))
(define (range-error who n)
  (string-append who ": argument " n " out of range"))

(define v (vector 1 2 3))
(define s (make-string 3 #\a))
(define bv (bytevector 1 2 3))

(test-error "vector-ref, inexact index" error-object? (type-error "vector-ref" "2") (vector-ref v 1.5))
(test-error "vector-ref, integral inexact index" error-object? (type-error "vector-ref" "2") (vector-ref v 1.))
(test-error "vector-ref, index not a number" error-object? (type-error "vector-ref" "2") (vector-ref v 'a))
(test-error "vector-ref, inexact index into ()" error-object? (type-error "vector-ref" "2") (vector-ref (vector) 0.5))
(test-error "vector-ref, index = length" error-object? (range-error "vector-ref" "2") (vector-ref v 3))
(test-error "vector-ref, negative index" error-object? (range-error "vector-ref" "2") (vector-ref v -1))
(test-error "vector-ref, bignum index" error-object? (range-error "vector-ref" "2") (vector-ref v (expt 10 30)))
(test-error "vector-set!, inexact index" error-object? (type-error "vector-set!" "2") (vector-set! v 1.5 0))
(test-error "vector-set!, index = length" error-object? (range-error "vector-set!" "2") (vector-set! v 3 0))
(test-error "vector-copy, inexact start" error-object? (type-error "vector-copy" "2") (vector-copy v 0.5))
(test-error "vector-copy, end past length" error-object? (range-error "vector-copy" "3") (vector-copy v 0 4))

(test-error "string-ref, inexact index" error-object? (type-error "string-ref" "2") (string-ref s 1.5))
(test-error "string-ref, integral inexact index" error-object? (type-error "string-ref" "2") (string-ref s 1.))
(test-error "string-ref, index not a number" error-object? (type-error "string-ref" "2") (string-ref s "1"))
(test-error "string-ref, index = length" error-object? (range-error "string-ref" "2") (string-ref s 3))
(test-error "string-ref, negative index" error-object? (range-error "string-ref" "2") (string-ref s -1))
(test-error "string-ref, bignum index" error-object? (range-error "string-ref" "2") (string-ref s (expt 10 30)))
(test-error "string-set!, inexact index" error-object? (type-error "string-set!" "2") (string-set! s 1.5 #\b))
(test-error "string-set!, index = length" error-object? (range-error "string-set!" "2") (string-set! s 3 #\b))
(test-error "substring, inexact end" error-object? (type-error "substring" "3") (substring s 0 1.5))
(test-error "string-copy, end past length" error-object? (range-error "string-copy" "3") (string-copy s 0 4))

(test-error "bytevector-u8-ref, inexact index" error-object? (type-error "bytevector-u8-ref" "2") (bytevector-u8-ref bv 1.5))
(test-error "bytevector-u8-ref, index not a number" error-object? (type-error "bytevector-u8-ref" "2") (bytevector-u8-ref bv #\a))
(test-error "bytevector-u8-ref, index = length" error-object? (range-error "bytevector-u8-ref" "2") (bytevector-u8-ref bv 3))
(test-error "bytevector-u8-ref, negative index" error-object? (range-error "bytevector-u8-ref" "2") (bytevector-u8-ref bv -1))
(test-error "bytevector-u8-set!, inexact index" error-object? (type-error "bytevector-u8-set!" "2") (bytevector-u8-set! bv 0.5 0))
(test-error "bytevector-u8-set!, byte 256" error-object? (range-error "bytevector-u8-set!" "3") (bytevector-u8-set! bv 0 256))
(test-error "bytevector-u8-set!, inexact byte" error-object? (type-error "bytevector-u8-set!" "3") (bytevector-u8-set! bv 0 1.))
(test-error "bytevector-copy, end past length" error-object? (range-error "bytevector-copy" "3") (bytevector-copy bv 0 4))

(test-error "list-ref, inexact index" error-object? (type-error "list-ref" "2") (list-ref '(1 2) 0.5))
(test-error "list-ref, index = length" error-object? (range-error "list-ref" "2") (list-ref '(1 2) 2))
(test-error "make-vector, negative length" error-object? (range-error "make-vector" "1") (make-vector -1))
(test-error "make-string, inexact length" error-object? (type-error "make-string" "1") (make-string 2.))

(test-end)
