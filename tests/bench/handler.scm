;; category: control
;; handler: with-exception-handler and raise-continuable as a resumable
;; signal: a summing loop asks for a replacement value whenever it meets an
;; element it cannot use, the innermost handler answers for some and passes
;; the others on to an outer one, and a rare fatal case escapes to a guard.
(define (value-of x)
  (cond ((number? x) x)
        ((symbol? x) (raise-continuable x))
        ((string? x) (raise-continuable (string-length x)))
        (else (raise (list 'bad x)))))

(define (sum-items items)
  (let loop ((l items) (s 0))
    (if (null? l) s (loop (cdr l) (+ s (value-of (car l)))))))

(define (with-defaults thunk)
  (with-exception-handler
   (lambda (c) (if (number? c) (* 2 c) (raise-continuable c)))
   thunk))

(define (with-symbols thunk)
  (with-exception-handler
   (lambda (c) (cond ((eq? c 'ten) 10) ((symbol? c) 1) (else (raise c))))
   (lambda () (with-defaults thunk))))

(define items
  (list 1 'ten "abc" 4 'x 6 "hello" 8 'ten 10 "" 12))

(define (run i)
  (guard (e ((pair? e) -1))
    (with-symbols
     (lambda ()
       (if (= 0 (remainder i 100))
           (sum-items (cons (vector i) items))
           (sum-items (cons i items)))))))

(define (repeat n)
  (let loop ((i 0) (r 0))
    (if (= i n) r (loop (+ i 1) (+ r (run i))))))

(display "handler x 160000 = ")
(display (repeat 160000))
(newline)
