;; R7RS's error and error-object procedures in terms of Chez's R6RS
;; conditions (R6RS's error takes a `who' argument first).
(define (error message . irritants)
  (raise (condition (make-error) (make-message-condition message) (make-irritants-condition irritants))))
(define (error-object? x) (and (condition? x) (message-condition? x)))
(define (error-object-message x) (condition-message x))
(define (error-object-irritants x) (if (irritants-condition? x) (condition-irritants x) '()))
;; R7RS's read-line is Chez's get-line.
(define (read-line . port) (get-line (if (null? port) (current-input-port) (car port))))
