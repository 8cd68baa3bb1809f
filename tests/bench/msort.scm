;; category: alloc
;; msort: merge sort of lists of pseudo-random integers (allocation-heavy
;; list splitting and merging).
(define (merge a b)
  (cond ((null? a) b)
        ((null? b) a)
        ((< (car b) (car a)) (cons (car b) (merge a (cdr b))))
        (else (cons (car a) (merge (cdr a) b)))))

(define (split l)
  (let loop ((l l) (a '()) (b '()))
    (if (null? l) (cons a b) (loop (cdr l) b (cons (car l) a)))))

(define (msort l)
  (if (or (null? l) (null? (cdr l)))
      l
      (let ((halves (split l)))
        (merge (msort (car halves)) (msort (cdr halves))))))

(define (random-list n seed)
  (let loop ((i 0) (x seed) (l '()))
    (if (= i n) l (loop (+ i 1) (remainder (+ (* x 16807) 11) 2147483647) (cons x l)))))

(define (sorted? l)
  (or (null? l) (null? (cdr l)) (and (<= (car l) (cadr l)) (sorted? (cdr l)))))

(define (checksum l)
  (let loop ((l l) (i 1) (s 0))
    (if (null? l) s (loop (cdr l) (+ i 1) (remainder (+ s (* i (remainder (car l) 1000))) 1000003)))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k)
        r
        (let ((s (msort (random-list 20000 (+ i 7)))))
          (loop (+ i 1) (+ r (if (sorted? s) 1 0) (checksum s)))))))

(display "msort 20000 x 12 = ")
(display (repeat 12))
(newline)
