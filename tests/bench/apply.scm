;; category: control
;; apply: apply with argument lists of varying length, procedures with rest
;; arguments, and optional-style dispatch on the number of arguments.
(define (sum . xs)
  (let loop ((xs xs) (s 0)) (if (null? xs) s (loop (cdr xs) (+ s (car xs))))))

(define (first-and-count x . rest) (+ x (length rest)))

(define (combine f . lists) (apply map f lists))

(define (run n)
  (let loop ((i 0) (acc 0) (args '()))
    (if (= i n)
        acc
        (let ((args (if (= (length args) 12) '() (cons i args))))
          (loop (+ i 1)
                (+ acc
                   (apply sum args)
                   (apply first-and-count i args)
                   (apply + 1 2 args)
                   (apply max i args)
                   (car (combine + (list i 1) (list 2 3))))
                args)))))

(display "apply 300000 = ")
(display (run 300000))
(newline)
