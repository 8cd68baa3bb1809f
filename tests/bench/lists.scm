;; category: alloc
;; lists: the list library on medium lists: append, reverse, list-copy,
;; map, assoc/assq/member, list->vector, vector->list, list-tail, length.
(define (iota-list n)
  (let loop ((i (- n 1)) (l '()))
    (if (< i 0) l (loop (- i 1) (cons i l)))))

(define (run n)
  (let* ((a (iota-list n))
         (b (reverse a))
         (ab (append a b a))
         (al (map (lambda (x) (cons x (* x x))) a))
         (sl (map (lambda (x) (list (* 2 x))) a))
         (v (list->vector ab)))
    (+ (length ab)
       (length (list-copy b))
       (cdr (assoc (- n 3) al))
       (cdr (assq (quotient n 2) al))
       (car (assv (- n 1) al))
       (length (member (list (* 2 (- n 5))) sl))
       (length (memv (quotient n 3) a))
       (vector-length v)
       (length (vector->list v))
       (car (list-tail ab n))
       (apply + (map car (list-tail al (- n 10)))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (+ r (run 2000))))))

(display "lists 2000 x 800 = ")
(display (repeat 800))
(newline)
