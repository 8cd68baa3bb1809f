;; category: control
;; param: parameterize in a loop, with the parameters read in callees and a
;; converter on one of them.
(define depth (make-parameter 0))
(define scale (make-parameter 1 (lambda (x) (* x 2))))

(define (leaf) (+ (depth) (scale)))

(define (descend n)
  (if (= n 0)
      (leaf)
      (parameterize ((depth (+ (depth) 1)))
        (+ (leaf) (descend (- n 1))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k)
        r
        (loop (+ i 1)
              (+ r (parameterize ((scale (remainder i 5))) (descend 8)))))))

(display "param x 200000 = ")
(display (repeat 200000))
(newline)
