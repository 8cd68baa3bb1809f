;; category: callcc
;; fibc: Fibonacci where every sum is built by counting one number up and
;; the other down, and every result is returned through a continuation
;; captured with call/cc (many short-lived continuations).
(define (add-via k x y)
  (if (= y 0) (k x) (add-via k (+ x 1) (- y 1))))

(define (fibc n k)
  (cond ((= n 0) (k 0))
        ((= n 1) (k 1))
        (else
         (add-via k
                  (call-with-current-continuation (lambda (c) (fibc (- n 1) c)))
                  (call-with-current-continuation (lambda (c) (fibc (- n 2) c)))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k)
        r
        (loop (+ i 1) (+ r (call-with-current-continuation (lambda (c) (fibc 21 c))))))))

(display "fibc 21 x 50 = ")
(display (repeat 50))
(newline)
