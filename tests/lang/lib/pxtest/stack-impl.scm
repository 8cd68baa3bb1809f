;; Included by stack.sld: the representation of a stack, a plain list.
(define (make-stack) '())
(define (stack-top s) (if (null? s) (error "stack-top: empty stack") (car s)))
(define (stack-pop s) (if (null? s) (error "stack-pop: empty stack") (cdr s)))
(define (stack-size s) (length s))
(define (stack-empty? s) (null? s))
(define stack-secret 'hidden)
