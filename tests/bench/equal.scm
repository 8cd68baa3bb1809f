;; category: alloc
;; equal: equal? over large nested structures of lists, vectors, strings
;; and numbers that are equal, or differ only deep inside.
(define (build depth seed)
  (if (= depth 0)
      (case (remainder seed 4)
        ((0) seed)
        ((1) (number->string seed))
        ((2) (list seed 'leaf))
        (else (vector seed (* 2 seed))))
      (let ((k (+ (* seed 3) depth)))
        (if (even? depth)
            (list (build (- depth 1) k) (build (- depth 1) (+ k 1)) depth)
            (vector (build (- depth 1) k) depth (build (- depth 1) (+ k 2)))))))

;; A copy of t in which the leaf reached by always going to the last
;; sub-structure holds another value.
(define (change-last t)
  (cond ((pair? t) (let ((r (reverse t))) (reverse (cons (change-last (car r)) (cdr r)))))
        ((vector? t)
         (let ((v (vector-copy t)) (n (- (vector-length t) 1)))
           (vector-set! v n (change-last (vector-ref t n)))
           v))
        ((string? t) (string-append t "x"))
        (else (+ t 1))))

(define (run a b c)
  (let loop ((i 0) (n 0))
    (if (= i 100)
        n
        (loop (+ i 1) (+ n (if (equal? a b) 1 0) (if (equal? a c) 100 0))))))

(define (repeat k)
  (let ((a (build 14 1)) (b (build 14 1)))
    (let ((c (change-last b)))
      (let loop ((i 0) (r 0))
        (if (= i k) r (loop (+ i 1) (+ r (run a b c))))))))

(display "equal x 3 = ")
(display (repeat 3))
(newline)
