;; category: callcc
;; escape: call/cc used only to leave a computation early (search and
;; short-circuit products), the one-shot pattern exceptions and early
;; returns use.
(define (find-first pred l)
  (call-with-current-continuation
   (lambda (return)
     (for-each (lambda (x) (if (pred x) (return x))) l)
     #f)))

(define (product l)
  (call-with-current-continuation
   (lambda (return)
     (let loop ((l l) (p 1))
       (cond ((null? l) p)
             ((= (car l) 0) (return 0))
             (else (loop (cdr l) (remainder (* p (car l)) 1000003))))))))

(define (iota-from a n)
  (let loop ((i (- n 1)) (l '()))
    (if (< i 0) l (loop (- i 1) (cons (+ a i) l)))))

(define (run data)
  (let loop ((k 0) (s 0))
    (if (= k 200)
        s
        (loop (+ k 1)
              (+ s
                 (find-first (lambda (x) (= (remainder x 97) (remainder k 97))) data)
                 (product (list-tail data (remainder k 50))))))))

(define (repeat n)
  (let ((data (iota-from 1 100)) (zeros (append (iota-from 1 60) (list 0) (iota-from 1 40))))
    (let loop ((i 0) (r 0))
      (if (= i n) r (loop (+ i 1) (+ r (run data) (product zeros)))))))

(display "escape x 250 = ")
(display (repeat 250))
(newline)
