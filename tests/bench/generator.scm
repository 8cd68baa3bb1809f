;; category: callcc
;; generator: leaf generators over trees built with call/cc that are
;; re-entered after each leaf (same-fringe comparison of differently shaped
;; trees).
(define (make-generator tree)
  (define return #f)
  (define resume #f)
  (define (walk t)
    (cond ((null? t) #t)
          ((pair? t) (walk (car t)) (walk (cdr t)))
          (else
           (call-with-current-continuation
            (lambda (k)
              (set! resume k)
              (return t))))))
  (lambda ()
    (call-with-current-continuation
     (lambda (r)
       (set! return r)
       (if resume
           (resume #t)
           (begin (walk tree) (return 'done)))))))

;; The same leaves 1..n in three shapes: left comb, right comb, balanced.
(define (left-comb lo hi)
  (let loop ((t lo) (i (+ lo 1)))
    (if (> i hi) t (loop (cons t i) (+ i 1)))))
(define (right-comb lo hi)
  (if (= lo hi) hi (cons lo (right-comb (+ lo 1) hi))))
(define (balanced lo hi)
  (if (= lo hi)
      lo
      (let ((mid (quotient (+ lo hi) 2)))
        (cons (balanced lo mid) (balanced (+ mid 1) hi)))))

;; Counts the leaves the two fringes share, stopping at the first mismatch.
(define (same-prefix t1 t2)
  (let ((g1 (make-generator t1)) (g2 (make-generator t2)))
    (let loop ((n 0))
      (let ((a (g1)) (b (g2)))
        (cond ((and (eq? a 'done) (eq? b 'done)) n)
              ((equal? a b) (loop (+ n 1)))
              (else n))))))

(define (run n)
  (+ (same-prefix (left-comb 1 n) (right-comb 1 n))
     (same-prefix (balanced 1 n) (left-comb 1 n))
     (same-prefix (balanced 1 n) (right-comb 1 (- n 1)))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (+ r (run 1000))))))

(display "generator 1000 x 50 = ")
(display (repeat 50))
(newline)
