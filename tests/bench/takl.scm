;; category: call
;; takl: Takeuchi's function on lists, where numbers are list lengths and
;; comparison walks the lists (Gabriel's takl).
(define (make-list-of n)
  (let loop ((n n) (l '()))
    (if (= n 0) l (loop (- n 1) (cons n l)))))

(define (shorter? x y)
  (and (not (null? y))
       (or (null? x) (shorter? (cdr x) (cdr y)))))

(define (mas x y z)
  (if (not (shorter? y x))
      z
      (mas (mas (cdr x) y z)
           (mas (cdr y) z x)
           (mas (cdr z) x y))))

(define (repeat k)
  (let ((x (make-list-of 18)) (y (make-list-of 12)) (z (make-list-of 6)))
    (let loop ((i 0) (r 0))
      (if (= i k) r (loop (+ i 1) (+ r (length (mas x y z))))))))

(display "takl 18 12 6 x 36 = ")
(display (repeat 36))
(newline)
