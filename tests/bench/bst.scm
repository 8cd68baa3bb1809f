;; category: alloc
;; bst: builds persistent (unbalanced) binary search trees by inserting
;; pseudo-random keys, then walks them (tree building with path copying).
(define (insert t k)
  (cond ((null? t) (list k '() '()))
        ((< k (car t)) (list (car t) (insert (cadr t) k) (caddr t)))
        ((> k (car t)) (list (car t) (cadr t) (insert (caddr t) k)))
        (else t)))

(define (tree-size t) (if (null? t) 0 (+ 1 (tree-size (cadr t)) (tree-size (caddr t)))))
(define (height t) (if (null? t) 0 (+ 1 (max (height (cadr t)) (height (caddr t))))))
(define (sum-keys t) (if (null? t) 0 (+ (car t) (sum-keys (cadr t)) (sum-keys (caddr t)))))

(define (build n seed)
  (let loop ((i 0) (x seed) (t '()))
    (if (= i n)
        t
        (loop (+ i 1) (remainder (+ (* x 1103515245) 12345) 2147483648) (insert t (quotient x 65536))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k)
        r
        (let ((t (build 20000 (+ i 1))))
          (loop (+ i 1) (+ r (tree-size t) (height t) (remainder (sum-keys t) 1000)))))))

(display "bst 20000 x 8 = ")
(display (repeat 8))
(newline)
