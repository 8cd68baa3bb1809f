;; category: call
;; ack: Ackermann's function; deep non-tail recursion.
(define (ack m n)
  (cond ((= m 0) (+ n 1))
        ((= n 0) (ack (- m 1) 1))
        (else (ack (- m 1) (ack m (- n 1))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (+ r (ack 3 8))))))

(display "ack 3 8 x 12 = ")
(display (repeat 12))
(newline)
