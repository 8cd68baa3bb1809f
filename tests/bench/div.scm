;; category: alloc
;; div: halving lists of empty lists, iteratively and recursively (list
;; traversal and allocation of fresh cells).
(define (make-empties n)
  (let loop ((n n) (acc '()))
    (if (= n 0) acc (loop (- n 1) (cons '() acc)))))

(define (halve-iter l)
  (let loop ((l l) (acc '()))
    (if (null? l) acc (loop (cddr l) (cons (car l) acc)))))

(define (halve-rec l)
  (if (null? l) '() (cons (car l) (halve-rec (cddr l)))))

(define (run l)
  (let loop ((i 0) (n 0))
    (if (= i 300)
        n
        (loop (+ i 1) (+ n (length (halve-iter l)) (length (halve-rec l)))))))

(define (repeat k)
  (let ((l (make-empties 1000)))
    (let loop ((i 0) (r 0))
      (if (= i k) r (loop (+ i 1) (+ r (run l)))))))

(display "div 1000 x 300 x 25 = ")
(display (repeat 25))
(newline)
