;; category: alloc
;; gcbench: builds many complete binary trees of pairs, top-down and
;; bottom-up, while a long-lived tree and a big vector stay alive; checks the
;; node counts.
(define (make-tree depth)
  (if (= depth 0)
      (cons '() '())
      (cons (make-tree (- depth 1)) (make-tree (- depth 1)))))

(define (populate! depth node)
  (if (> depth 0)
      (begin
        (set-car! node (cons '() '()))
        (set-cdr! node (cons '() '()))
        (populate! (- depth 1) (car node))
        (populate! (- depth 1) (cdr node)))))

(define (count-nodes t)
  (if (null? (car t))
      1
      (+ 1 (count-nodes (car t)) (count-nodes (cdr t)))))

(define (tree-size depth) (- (* 2 (expt2 depth)) 1))
(define (expt2 k) (if (= k 0) 1 (* 2 (expt2 (- k 1)))))

(define (iterations depth max-depth) (* 2 (quotient (tree-size max-depth) (tree-size depth))))

(define (run max-depth long-lived-depth)
  (let ((long-lived (make-tree long-lived-depth))
        (array (make-vector 250000 0.0))
        (checked 0))
    (do ((i 0 (+ i 1))) ((= i 250000)) (vector-set! array i (/ 1.0 (+ i 1))))
    (do ((depth 4 (+ depth 2))) ((> depth max-depth))
      (do ((i 0 (+ i 1))) ((= i (iterations depth max-depth)))
        (let ((t1 (cons '() '())))
          (populate! depth t1)
          (set! checked (+ checked (count-nodes t1))))
        (set! checked (+ checked (count-nodes (make-tree depth))))))
    (+ checked (count-nodes long-lived)
       (if (= (vector-ref array 999) (/ 1.0 1000)) 1 0))))

(display "gcbench = ")
(display (run 16 14))
(newline)
