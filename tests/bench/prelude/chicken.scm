;; R7RS names CHICKEN 5's csi does not bind by default.
(define (exact x) (inexact->exact x))
(define (inexact x) (exact->inexact x))
(define (list-copy l) (if (pair? l) (cons (car l) (list-copy (cdr l))) l))
(import (only (chicken io) read-line))
