;; Included by 5-program-structure.scm: definitions spliced into the program.
(define included-value 17)
(define (included-proc x) (+ x included-value))
