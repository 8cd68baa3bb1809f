;; category: alloc
;; paraffins: enumerates the structures of the alkanes CnH2n+2 (as nested
;; lists) and counts them.  A radical of k carbons is H (k = 0) or
;; (C r1 r2 r3) with radicals in a canonical order; a paraffin is two
;; radicals of n/2 carbons joined by a bond, or one carbon with four
;; radicals each smaller than n/2.
(define (radicals-upto m)
  (let ((rads (make-vector (+ m 1) '#())))
    (vector-set! rads 0 (vector 'h))
    (do ((k 1 (+ k 1))) ((> k m) rads)
      (let ((out '()))
        (do ((i 0 (+ i 1))) ((> i (- k 1)))
          (do ((j i (+ j 1))) ((> j (- k 1)))
            (let ((l (- k 1 i j)))
              (if (>= l j)
                  (set! out (combine3 (vector-ref rads i) (vector-ref rads j) (vector-ref rads l)
                                      (= i j) (= j l) out))))))
        (vector-set! rads k (list->vector (reverse out)))))))

;; Every (c r1 r2 r3) with indices non-decreasing where sizes are equal.
(define (combine3 va vb vc ab-same bc-same out)
  (let loop-a ((a 0) (out out))
    (if (= a (vector-length va))
        out
        (loop-a (+ a 1)
                (let loop-b ((b (if ab-same a 0)) (out out))
                  (if (= b (vector-length vb))
                      out
                      (loop-b (+ b 1)
                              (let loop-c ((c (if bc-same b 0)) (out out))
                                (if (= c (vector-length vc))
                                    out
                                    (loop-c (+ c 1)
                                            (cons (list 'c (vector-ref va a) (vector-ref vb b) (vector-ref vc c))
                                                  out)))))))))))

(define (bicentered rads n)
  (if (odd? n)
      '()
      (let ((v (vector-ref rads (quotient n 2))))
        (let loop ((a 0) (out '()))
          (if (= a (vector-length v))
              out
              (loop (+ a 1)
                    (let inner ((b a) (out out))
                      (if (= b (vector-length v))
                          out
                          (inner (+ b 1) (cons (list 'bond (vector-ref v a) (vector-ref v b)) out))))))))))

;; Multisets of g radicals from v, as lists in non-decreasing index order.
(define (choose v g from)
  (if (= g 0)
      '(())
      (let loop ((a from) (out '()))
        (if (= a (vector-length v))
            out
            (loop (+ a 1)
                  (append (map (lambda (rest) (cons (vector-ref v a) rest)) (choose v (- g 1) a))
                          out))))))

(define (centered rads n)
  (let ((out '()))
    (do ((i 0 (+ i 1))) ((> (* 2 i) (- n 1)))
      (do ((j i (+ j 1))) ((> (* 2 j) (- n 1)))
        (do ((k j (+ k 1))) ((> (* 2 k) (- n 1)))
          (let ((l (- n 1 i j k)))
            (if (and (>= l k) (< (* 2 l) n))
                (let ((sizes (list i j k l)))
                  (set! out (append (four-radicals rads sizes) out))))))))
    out))

;; Products of the multisets for each run of equal sizes.
(define (four-radicals rads sizes)
  (let loop ((sizes sizes) (partials '(())))
    (if (null? sizes)
        (map (lambda (p) (cons 'c p)) partials)
        (let* ((s (car sizes))
               (run (let count ((l sizes) (g 0)) (if (and (pair? l) (= (car l) s)) (count (cdr l) (+ g 1)) g)))
               (groups (choose (vector-ref rads s) run 0)))
          (loop (list-tail sizes run)
                (let outer ((ps partials) (acc '()))
                  (if (null? ps)
                      acc
                      (outer (cdr ps)
                             (let inner ((gs groups) (acc acc))
                               (if (null? gs)
                                   acc
                                   (inner (cdr gs) (cons (append (car ps) (car gs)) acc))))))))))))

(define (paraffins n)
  (let ((rads (radicals-upto (quotient n 2))))
    (+ (length (bicentered rads n)) (length (centered rads n)))))

(define (repeat k n)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (paraffins n)))))

(display "paraffins 18 = ")
(display (repeat 20 18))
(newline)
