;; category: alloc
;; deriv: symbolic differentiation; allocation of many short lists.
(define (deriv e)
  (cond ((not (pair? e)) (if (eq? e 'x) 1 0))
        ((eq? (car e) '+) (cons '+ (map deriv (cdr e))))
        ((eq? (car e) '-) (cons '- (map deriv (cdr e))))
        ((eq? (car e) '*)
         (list '* e (cons '+ (map (lambda (f) (list '/ (deriv f) f)) (cdr e)))))
        ((eq? (car e) '/)
         (list '- (list '/ (deriv (cadr e)) (caddr e))
               (list '/ (cadr e) (list '* (caddr e) (caddr e) (deriv (caddr e))))))
        (else (car 'unknown-operator))))

(define (size t) (if (pair? t) (+ (size (car t)) (size (cdr t))) 1))

(define expr '(+ (* 3 x x) (* a x x) (* b x) 5 (/ x (+ x 1)) (* x x x x)))

(define (repeat k)
  (let loop ((i 0) (total 0))
    (if (= i k) total (loop (+ i 1) (+ total (size (deriv expr)))))))

(display "deriv x 60000 = ")
(display (repeat 60000))
(newline)
