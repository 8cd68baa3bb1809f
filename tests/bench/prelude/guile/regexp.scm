(use-modules (ice-9 regex))
(define (make-pattern sre posix) (make-regexp posix))
(define (rx-extract re s) (map match:substring (list-matches re s)))
(define (rx-replace-all re s r) (regexp-substitute/global #f re s 'pre r 'post))
