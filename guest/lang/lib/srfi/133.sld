;;; (srfi 133): vector library.  The R7RS-small vector procedures are the
;;; base ones, re-exported; procedures over several vectors stop at the
;;; end of the shortest.
;;; also-named: (scheme vector)
(define-library (srfi 133)
  (import (scheme base) (scheme cxr) (scheme case-lambda))
  (export
   make-vector vector vector-unfold vector-unfold-right vector-copy
   vector-reverse-copy vector-append vector-concatenate
   vector-append-subvectors
   vector? vector-empty? vector=
   vector-ref vector-length
   vector-fold vector-fold-right vector-map vector-map! vector-for-each
   vector-count vector-cumulate
   vector-index vector-index-right vector-skip vector-skip-right
   vector-binary-search vector-any vector-every vector-partition
   vector-set! vector-swap! vector-fill! vector-reverse! vector-copy!
   vector-reverse-copy! vector-unfold! vector-unfold-right!
   vector->list reverse-vector->list list->vector reverse-list->vector
   vector->string string->vector)
  (begin
    (define (min-length vs)
      (let loop ((vs (cdr vs)) (n (vector-length (car vs))))
        (if (null? vs) n (loop (cdr vs) (min n (vector-length (car vs)))))))

    (define (refs vs i) (map (lambda (v) (vector-ref v i)) vs))

    ;; Fills v[i] for i from start below end (or from end-1 down to start
    ;; when step is -1) with f's first value, threading the other values
    ;; through as seeds.
    (define (unfold-into! f v start end step seeds)
      (let loop ((i (if (> step 0) start (- end 1))) (seeds seeds))
        (when (if (> step 0) (< i end) (>= i start))
          (call-with-values (lambda () (apply f i seeds))
            (lambda (x . next)
              (vector-set! v i x)
              (loop (+ i step) next))))))

    (define (vector-unfold f n . seeds)
      (let ((v (make-vector n)))
        (unfold-into! f v 0 n 1 seeds)
        v))

    (define (vector-unfold-right f n . seeds)
      (let ((v (make-vector n)))
        (unfold-into! f v 0 n -1 seeds)
        v))

    (define (vector-unfold! f v start end . seeds)
      (unfold-into! f v start end 1 seeds))

    (define (vector-unfold-right! f v start end . seeds)
      (unfold-into! f v start end -1 seeds))

    (define (vector-reverse-copy v . range)
      (let ((c (apply vector-copy v range)))
        (vector-reverse! c)
        c))

    (define (vector-concatenate vs) (apply vector-append vs))

    (define (vector-append-subvectors . args)
      (let loop ((args args) (parts '()))
        (if (null? args)
            (vector-concatenate (reverse parts))
            (loop (cdddr args)
                  (cons (vector-copy (car args) (cadr args) (caddr args))
                        parts)))))

    (define (vector-empty? v) (zero? (vector-length v)))

    (define (vector= same? . vs)
      (define (same2 a b)
        (let ((n (vector-length a)))
          (and (= n (vector-length b))
               (let loop ((i 0))
                 (or (= i n)
                     (and (same? (vector-ref a i) (vector-ref b i))
                          (loop (+ i 1))))))))
      (let loop ((vs vs))
        (or (null? vs) (null? (cdr vs))
            (and (same2 (car vs) (cadr vs)) (loop (cdr vs))))))

    (define (vector-fold kons knil v . vs)
      (if (null? vs)
          (let ((n (vector-length v)))
            (let loop ((i 0) (acc knil))
              (if (= i n) acc (loop (+ i 1) (kons acc (vector-ref v i))))))
          (let* ((vs (cons v vs)) (n (min-length vs)))
            (let loop ((i 0) (acc knil))
              (if (= i n) acc (loop (+ i 1) (apply kons acc (refs vs i))))))))

    (define (vector-fold-right kons knil v . vs)
      (let* ((vs (cons v vs)) (n (min-length vs)))
        (let loop ((i (- n 1)) (acc knil))
          (if (< i 0) acc (loop (- i 1) (apply kons acc (refs vs i)))))))

    (define (vector-map! f v . vs)
      (let* ((vs (cons v vs)) (n (min-length vs)))
        (do ((i 0 (+ i 1))) ((= i n))
          (vector-set! v i (apply f (refs vs i))))))

    (define (vector-count pred v . vs)
      (apply vector-fold (lambda (n . xs) (if (apply pred xs) (+ n 1) n))
             0 v vs))

    (define (vector-cumulate f knil v)
      (let* ((n (vector-length v)) (out (make-vector n)))
        (let loop ((i 0) (acc knil))
          (if (= i n)
              out
              (let ((acc (f acc (vector-ref v i))))
                (vector-set! out i acc)
                (loop (+ i 1) acc))))))

    (define (vector-index pred v . vs)
      (let* ((vs (cons v vs)) (n (min-length vs)))
        (let loop ((i 0))
          (cond ((= i n) #f)
                ((apply pred (refs vs i)) i)
                (else (loop (+ i 1)))))))

    (define (vector-index-right pred v . vs)
      (let* ((vs (cons v vs)) (n (min-length vs)))
        (let loop ((i (- n 1)))
          (cond ((< i 0) #f)
                ((apply pred (refs vs i)) i)
                (else (loop (- i 1)))))))

    (define (negate pred) (lambda xs (not (apply pred xs))))

    (define (vector-skip pred v . vs)
      (apply vector-index (negate pred) v vs))

    (define (vector-skip-right pred v . vs)
      (apply vector-index-right (negate pred) v vs))

    (define vector-binary-search
      (case-lambda
        ((v value cmp) (vector-binary-search v value cmp 0 (vector-length v)))
        ((v value cmp start) (vector-binary-search v value cmp start (vector-length v)))
        ((v value cmp start end)
         (let loop ((lo start) (hi end))
           (and (< lo hi)
                (let* ((mid (quotient (+ lo hi) 2))
                       (c (cmp (vector-ref v mid) value)))
                  (cond ((zero? c) mid)
                        ((negative? c) (loop (+ mid 1) hi))
                        (else (loop lo mid)))))))))

    (define (vector-any pred v . vs)
      (let* ((vs (cons v vs)) (n (min-length vs)))
        (let loop ((i 0))
          (and (< i n)
               (or (apply pred (refs vs i)) (loop (+ i 1)))))))

    (define (vector-every pred v . vs)
      (let* ((vs (cons v vs)) (n (min-length vs)))
        (let loop ((i 0) (last #t))
          (if (= i n)
              last
              (let ((r (apply pred (refs vs i))))
                (and r (loop (+ i 1) r)))))))

    (define (vector-partition pred v)
      (let* ((n (vector-length v))
             (keep (make-vector n #f))
             (yes (let loop ((i 0) (k 0))
                    (if (= i n)
                        k
                        (let ((ok (pred (vector-ref v i))))
                          (vector-set! keep i ok)
                          (loop (+ i 1) (if ok (+ k 1) k))))))
             (out (make-vector n)))
        (let loop ((i 0) (in 0) (off yes))
          (if (= i n)
              (values out yes)
              (if (vector-ref keep i)
                  (begin (vector-set! out in (vector-ref v i))
                         (loop (+ i 1) (+ in 1) off))
                  (begin (vector-set! out off (vector-ref v i))
                         (loop (+ i 1) in (+ off 1))))))))

    (define (vector-swap! v i j)
      (let ((x (vector-ref v i)))
        (vector-set! v i (vector-ref v j))
        (vector-set! v j x)))

    (define vector-reverse!
      (case-lambda
        ((v) (vector-reverse! v 0 (vector-length v)))
        ((v start) (vector-reverse! v start (vector-length v)))
        ((v start end)
         (if (or (< start 0) (> end (vector-length v)) (> start end))
             (error "vector-reverse!: bad range" start end))
         (let loop ((i start) (j (- end 1)))
           (when (< i j)
             (vector-swap! v i j)
             (loop (+ i 1) (- j 1)))))))

    (define vector-reverse-copy!
      (case-lambda
        ((to at from) (vector-reverse-copy! to at from 0 (vector-length from)))
        ((to at from start)
         (vector-reverse-copy! to at from start (vector-length from)))
        ((to at from start end)
         (vector-copy! to at from start end)
         (vector-reverse! to at (+ at (- end start))))))

    (define (reverse-vector->list v . range)
      (reverse (apply vector->list v range)))

    (define (reverse-list->vector l) (list->vector (reverse l)))))
