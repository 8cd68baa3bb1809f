;; category: alloc
;; destruc: destructive list surgery (set-car!/set-cdr!) on a list of
;; lists, in the spirit of Gabriel's benchmark.
(define (make-lists n m)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        acc
        (loop (+ i 1) (cons (make-list-of m i) acc)))))
(define (make-list-of m v)
  (let loop ((j 0) (acc '()))
    (if (= j m) acc (loop (+ j 1) (cons v acc)))))

;; Moves a prefix of each sublist onto the front of the next one by
;; splicing cells, never allocating.
(define (shuffle! lists)
  (let loop ((l lists))
    (if (and (pair? l) (pair? (cdr l)))
        (let ((a (car l)) (b (cadr l)))
          (if (and (pair? a) (pair? (cdr a)))
              (let ((moved (cdr a)))
                (set-cdr! a (cddr a))
                (set-cdr! moved b)
                (set-car! (cdr l) moved)))
          (loop (cdr l)))))
  (let ((first (car lists)))
    (let rot ((l lists))
      (if (pair? (cdr l))
          (begin (set-car! l (cadr l)) (rot (cdr l)))
          (set-car! l first))))
  lists)

(define (total-length lists)
  (let loop ((l lists) (n 0))
    (if (null? l) n (loop (cdr l) (+ n (length (car l)))))))

(define (checksum lists)
  (let loop ((l lists) (i 1) (s 0))
    (if (null? l)
        s
        (loop (cdr l) (+ i 1)
              (remainder (+ s (* i (let sum ((x (car l)) (t 0)) (if (null? x) t (sum (cdr x) (+ t (car x)))))))
                         1000003)))))

(define (run rounds)
  (let ((lists (make-lists 100 100)))
    (do ((r 0 (+ r 1))) ((= r rounds))
      (shuffle! lists))
    (list (total-length lists) (checksum lists))))

(define (repeat k)
  (let loop ((i 0) (last #f))
    (if (= i k) last (loop (+ i 1) (run 2000)))))

(let ((r (repeat 12)))
  (display "destruc = ")
  (display (car r))
  (display " ")
  (display (cadr r))
  (newline))
