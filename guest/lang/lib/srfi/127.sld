;;; (srfi 127): lazy sequences.  An lseq is a list whose last cdr may be a
;;; generator; lseq-cdr calls it and splices its next value in.  The lazy
;;; operations build a generator over their inputs and wrap it with
;;; generator->lseq.
;;; also-named: (scheme lseq)
(define-library (srfi 127)
  (import (scheme base) (scheme case-lambda))
  (export generator->lseq lseq? lseq=? lseq-car lseq-first lseq-cdr
          lseq-rest lseq-ref lseq-take lseq-drop lseq-realize
          lseq->generator lseq-length lseq-append lseq-zip lseq-map
          lseq-for-each lseq-filter lseq-remove lseq-find lseq-find-tail
          lseq-any lseq-every lseq-index lseq-take-while lseq-drop-while
          lseq-member lseq-memq lseq-memv)
  (begin
    (define (generator->lseq gen)
      (let ((x (gen)))
        (if (eof-object? x) '() (cons x gen))))

    (define (lseq? x)
      (cond ((null? x) #t)
            ((pair? x) (lseq? (cdr x)))
            (else (procedure? x))))

    (define (lseq-car s) (car s))
    (define lseq-first lseq-car)

    (define (lseq-cdr s)
      (let ((d (cdr s)))
        (if (procedure? d)
            (let ((next (generator->lseq d)))
              (set-cdr! s next)
              next)
            d)))
    (define lseq-rest lseq-cdr)

    (define (lseq-drop s i) (if (zero? i) s (lseq-drop (lseq-cdr s) (- i 1))))
    (define (lseq-ref s i) (lseq-car (lseq-drop s i)))

    (define (lseq-realize s)
      (let loop ((p s))
        (if (pair? p) (loop (lseq-cdr p))))
      s)

    (define (lseq-length s)
      (let loop ((p s) (n 0))
        (if (pair? p) (loop (lseq-cdr p) (+ n 1)) n)))

    (define (lseq=? same? a b)
      (let loop ((a a) (b b))
        (cond ((eq? a b) #t)
              ((null? a) (null? b))
              ((null? b) #f)
              (else (and (same? (lseq-car a) (lseq-car b))
                         (loop (lseq-cdr a) (lseq-cdr b)))))))

    (define (lseq->generator s)
      (lambda ()
        (if (pair? s)
            (let ((x (lseq-car s))) (set! s (lseq-cdr s)) x)
            (eof-object))))

    (define (lseq-take s i)
      (generator->lseq
       (lambda ()
         (if (or (zero? i) (null? s))
             (eof-object)
             (let ((x (lseq-car s)))
               (set! i (- i 1))
               ;; Only step past this element when another is wanted, so
               ;; taking i elements never forces the (i+1)th.
               (set! s (if (zero? i) '() (lseq-cdr s)))
               x)))))

    (define (lseq-append . lseqs)
      (define ss (list-copy lseqs))
      (generator->lseq
       (lambda ()
         (let loop ()
           (cond ((null? ss) (eof-object))
                 ((pair? (car ss))
                  (let ((x (lseq-car (car ss))))
                    (set-car! ss (lseq-cdr (car ss)))
                    x))
                 (else (set! ss (cdr ss)) (loop)))))))

    ;; A generator of lists of the next element of each lseq.
    (define (rows ss)
      (lambda ()
        (if (and (pair? ss) (let all ((l ss)) (or (null? l) (and (pair? (car l)) (all (cdr l))))))
            (let ((xs (map lseq-car ss)))
              (set! ss (map lseq-cdr ss))
              xs)
            (eof-object))))

    (define (lseq-zip s . ss) (generator->lseq (rows (cons s ss))))

    (define (lseq-map proc s . ss)
      (let ((next (rows (cons s ss))))
        (generator->lseq
         (lambda ()
           (let ((xs (next)))
             (if (eof-object? xs) xs (apply proc xs)))))))

    (define (lseq-for-each proc s . ss)
      (let ((next (rows (cons s ss))))
        (let loop ()
          (let ((xs (next)))
            (unless (eof-object? xs)
              (apply proc xs)
              (loop))))))

    (define (lseq-filter pred s)
      (generator->lseq
       (lambda ()
         (let loop ()
           (if (pair? s)
               (let ((x (lseq-car s)))
                 (set! s (lseq-cdr s))
                 (if (pred x) x (loop)))
               (eof-object))))))

    (define (lseq-remove pred s) (lseq-filter (lambda (x) (not (pred x))) s))

    (define (lseq-find-tail pred s)
      (let loop ((p s))
        (cond ((not (pair? p)) #f)
              ((pred (lseq-car p)) p)
              (else (loop (lseq-cdr p))))))

    (define (lseq-find pred s)
      (let ((t (lseq-find-tail pred s))) (and t (lseq-car t))))

    (define (lseq-take-while pred s)
      (generator->lseq
       (lambda ()
         (if (and (pair? s) (pred (lseq-car s)))
             (let ((x (lseq-car s))) (set! s (lseq-cdr s)) x)
             (begin (set! s '()) (eof-object))))))

    (define (lseq-drop-while pred s)
      (let loop ((p s))
        (if (and (pair? p) (pred (lseq-car p))) (loop (lseq-cdr p)) p)))

    (define (lseq-any pred s . ss)
      (let ((next (rows (cons s ss))))
        (let loop ()
          (let ((xs (next)))
            (and (not (eof-object? xs))
                 (or (apply pred xs) (loop)))))))

    (define (lseq-every pred s . ss)
      (let ((next (rows (cons s ss))))
        (let loop ((last #t))
          (let ((xs (next)))
            (if (eof-object? xs)
                last
                (let ((r (apply pred xs))) (and r (loop r))))))))

    (define (lseq-index pred s . ss)
      (let ((next (rows (cons s ss))))
        (let loop ((i 0))
          (let ((xs (next)))
            (cond ((eof-object? xs) #f)
                  ((apply pred xs) i)
                  (else (loop (+ i 1))))))))

    (define lseq-member
      (case-lambda
        ((x s) (lseq-member x s equal?))
        ((x s same?) (lseq-find-tail (lambda (y) (same? x y)) s))))
    (define (lseq-memq x s) (lseq-member x s eq?))
    (define (lseq-memv x s) (lseq-member x s eqv?))))
