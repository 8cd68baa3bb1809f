;;; (srfi 158): generators and accumulators.  A generator is a procedure
;;; of no arguments returning its next value, or an end-of-file object
;;; once exhausted; an accumulator takes values and returns its result
;;; when given an end-of-file object.
;;; also-named: (scheme generator)
(define-library (srfi 158)
  (import (scheme base) (scheme case-lambda))
  (export generator circular-generator make-iota-generator
          make-range-generator make-coroutine-generator list->generator
          vector->generator reverse-vector->generator string->generator
          bytevector->generator make-for-each-generator
          make-unfold-generator
          gcons* gappend gflatten ggroup gmerge gmap gcombine gfilter
          gremove gstate-filter gtake gdrop gtake-while gdrop-while gdelete
          gdelete-neighbor-dups gindex gselect
          generator->list generator->reverse-list generator->vector
          generator->vector! generator->string generator-fold
          generator-for-each generator-map->list generator-find
          generator-count generator-any generator-every generator-unfold
          make-accumulator count-accumulator list-accumulator
          reverse-list-accumulator vector-accumulator
          reverse-vector-accumulator vector-accumulator! string-accumulator
          bytevector-accumulator bytevector-accumulator! sum-accumulator
          product-accumulator)
  (begin
    (define eof (eof-object))

    ;; --- constructors ---

    (define (list->generator l)
      (lambda ()
        (if (null? l)
            eof
            (let ((x (car l))) (set! l (cdr l)) x))))

    (define (generator . args) (list->generator args))

    (define (circular-generator . args)
      (let ((l args))
        (lambda ()
          (if (null? l) (set! l args))
          (let ((x (car l))) (set! l (cdr l)) x))))

    ;; The i-th value is start + i*step, exact when start and step are.
    (define make-iota-generator
      (case-lambda
        ((count) (make-iota-generator count 0 1))
        ((count start) (make-iota-generator count start 1))
        ((count start step)
         (let ((i 0)
               (start (if (and (exact? start) (exact? step)) start (inexact start))))
           (lambda ()
             (if (>= i count)
                 eof
                 (let ((x (+ start (* i step)))) (set! i (+ i 1)) x)))))))

    (define make-range-generator
      (case-lambda
        ((start) (make-range-generator start +inf.0 1))
        ((start end) (make-range-generator start end 1))
        ((start end step)
         (let ((i 0)
               (start (if (and (exact? start) (exact? step)) start (inexact start))))
           (lambda ()
             (let ((x (+ start (* i step))))
               (if (>= x end)
                   eof
                   (begin (set! i (+ i 1)) x))))))))

    ;; proc runs on its own continuation: yield jumps back to the caller
    ;; of the generator, and the next call resumes proc where it yielded.
    (define (make-coroutine-generator proc)
      (define return #f)
      (define resume #f)
      (define done #f)
      (define (yield v)
        (call-with-current-continuation
         (lambda (k) (set! resume k) (return v))))
      (lambda ()
        (if done
            eof
            (call-with-current-continuation
             (lambda (r)
               (set! return r)
               (if resume
                   (resume #f)
                   (begin
                     (proc yield)
                     (set! done #t)
                     (return eof))))))))

    (define (index-generator ref start end step)
      (let ((i (if (> step 0) start (- end 1))))
        (lambda ()
          (if (if (> step 0) (>= i end) (< i start))
              eof
              (let ((x (ref i))) (set! i (+ i step)) x)))))

    (define (range-of who len opt)
      (let ((start (if (pair? opt) (car opt) 0))
            (end (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) len)))
        (if (not (and (exact-integer? start) (exact-integer? end)
                      (<= 0 start end len)))
            (error (string-append who ": bad range") start end))
        (values start end)))

    (define (vector->generator v . opt)
      (let-values (((s e) (range-of "vector->generator" (vector-length v) opt)))
        (index-generator (lambda (i) (vector-ref v i)) s e 1)))

    (define (reverse-vector->generator v . opt)
      (let-values (((s e) (range-of "reverse-vector->generator" (vector-length v) opt)))
        (index-generator (lambda (i) (vector-ref v i)) s e -1)))

    (define (string->generator str . opt)
      (let-values (((s e) (range-of "string->generator" (string-length str) opt)))
        (index-generator (lambda (i) (string-ref str i)) s e 1)))

    (define (bytevector->generator bv . opt)
      (let-values (((s e) (range-of "bytevector->generator" (bytevector-length bv) opt)))
        (index-generator (lambda (i) (bytevector-u8-ref bv i)) s e 1)))

    (define (make-for-each-generator for-each obj)
      (make-coroutine-generator
       (lambda (yield) (for-each yield obj))))

    (define (make-unfold-generator stop? mapper successor seed)
      (lambda ()
        (if (stop? seed)
            eof
            (let ((x (mapper seed))) (set! seed (successor seed)) x))))

    ;; --- operations ---

    (define (gcons* . args)
      (let ((items (reverse (cdr (reverse args))))
            (gen (car (reverse args))))
        (lambda ()
          (if (null? items)
              (gen)
              (let ((x (car items))) (set! items (cdr items)) x)))))

    (define (gappend . gens)
      (lambda ()
        (let loop ()
          (if (null? gens)
              eof
              (let ((x ((car gens))))
                (if (eof-object? x)
                    (begin (set! gens (cdr gens)) (loop))
                    x))))))

    (define (gflatten gen)
      (let ((l '()))
        (lambda ()
          (let loop ()
            (if (pair? l)
                (let ((x (car l))) (set! l (cdr l)) x)
                (let ((next (gen)))
                  (if (eof-object? next)
                      eof
                      (begin (set! l next) (loop)))))))))

    (define ggroup
      (case-lambda
        ((gen k) (group gen k #f #f))
        ((gen k padding) (group gen k #t padding))))

    (define (group gen k pad? padding)
      (lambda ()
        (let loop ((i 0) (acc '()))
          (if (= i k)
              (reverse acc)
              (let ((x (gen)))
                (cond ((not (eof-object? x)) (loop (+ i 1) (cons x acc)))
                      ((= i 0) eof)
                      (pad? (append (reverse acc) (make-list (- k i) padding)))
                      (else (reverse acc))))))))

    (define (gmerge less? . gens)
      (cond ((null? gens) (generator))
            ((null? (cdr gens)) (car gens))
            (else
             (let ((heads (map (lambda (g) (g)) gens)))
               (lambda ()
                 ;; The leftmost least head wins, so ties keep argument order.
                 (let loop ((hs heads) (gs gens) (best #f) (best-hs #f) (best-g #f))
                   (cond ((pair? hs)
                          (if (and (not (eof-object? (car hs)))
                                   (or (not best-hs) (less? (car hs) best)))
                              (loop (cdr hs) (cdr gs) (car hs) hs (car gs))
                              (loop (cdr hs) (cdr gs) best best-hs best-g)))
                         ((not best-hs) eof)
                         (else (set-car! best-hs (best-g)) best))))))))

    ;; The next value of each generator, or #f when one is exhausted.
    (define (next-all gens)
      (let loop ((gs gens) (acc '()))
        (if (null? gs)
            (reverse acc)
            (let ((x ((car gs))))
              (if (eof-object? x) #f (loop (cdr gs) (cons x acc)))))))

    (define (gmap proc gen . gens)
      (if (null? gens)
          (lambda ()
            (let ((x (gen))) (if (eof-object? x) x (proc x))))
          (let ((gens (cons gen gens)))
            (lambda ()
              (let ((xs (next-all gens)))
                (if xs (apply proc xs) eof))))))

    (define (gcombine proc seed gen . gens)
      (let ((gens (cons gen gens)))
        (lambda ()
          (let ((xs (next-all gens)))
            (if xs
                (call-with-values (lambda () (apply proc (append xs (list seed))))
                  (lambda (v next) (set! seed next) v))
                eof)))))

    (define (gfilter pred gen)
      (lambda ()
        (let loop ()
          (let ((x (gen)))
            (if (or (eof-object? x) (pred x)) x (loop))))))

    (define (gremove pred gen) (gfilter (lambda (x) (not (pred x))) gen))

    (define (gstate-filter proc seed gen)
      (lambda ()
        (let loop ()
          (let ((x (gen)))
            (if (eof-object? x)
                x
                (call-with-values (lambda () (proc x seed))
                  (lambda (keep? next)
                    (set! seed next)
                    (if keep? x (loop)))))))))

    (define gtake
      (case-lambda
        ((gen k) (take-gen gen k #f #f))
        ((gen k padding) (take-gen gen k #t padding))))

    (define (take-gen gen k pad? padding)
      (let ((i 0))
        (lambda ()
          (if (>= i k)
              eof
              (let ((x (gen)))
                (set! i (+ i 1))
                (if (and (eof-object? x) pad?) padding x))))))

    (define (gdrop gen k)
      (lambda ()
        (let loop ()
          (if (> k 0)
              (begin (set! k (- k 1)) (gen) (loop))
              (gen)))))

    (define (gtake-while pred gen)
      (let ((done #f))
        (lambda ()
          (if done
              eof
              (let ((x (gen)))
                (if (or (eof-object? x) (not (pred x)))
                    (begin (set! done #t) eof)
                    x))))))

    (define (gdrop-while pred gen)
      (let ((dropping #t))
        (lambda ()
          (if dropping
              (let loop ()
                (let ((x (gen)))
                  (if (and (not (eof-object? x)) (pred x))
                      (loop)
                      (begin (set! dropping #f) x))))
              (gen)))))

    (define gdelete
      (case-lambda
        ((item gen) (gdelete item gen equal?))
        ((item gen same?) (gremove (lambda (x) (same? item x)) gen))))

    (define gdelete-neighbor-dups
      (case-lambda
        ((gen) (gdelete-neighbor-dups gen equal?))
        ((gen same?)
         (let ((first #t) (prev #f))
           (lambda ()
             (let loop ()
               (let ((x (gen)))
                 (cond ((eof-object? x) x)
                       ((and (not first) (same? prev x)) (loop))
                       (else (set! first #f) (set! prev x) x)))))))))

    (define (gindex value-gen index-gen)
      (let ((pos 0))
        (lambda ()
          (let ((target (index-gen)))
            (if (eof-object? target)
                target
                (let loop ()
                  (let ((x (value-gen)))
                    (cond ((eof-object? x) x)
                          ((= pos target) (set! pos (+ pos 1)) x)
                          (else (set! pos (+ pos 1)) (loop))))))))))

    (define (gselect value-gen truth-gen)
      (lambda ()
        (let loop ()
          (let ((x (value-gen)) (t (truth-gen)))
            (cond ((or (eof-object? x) (eof-object? t)) eof)
                  (t x)
                  (else (loop)))))))

    ;; --- consumers ---

    (define (collect gen k)
      (let loop ((i 0) (acc '()))
        (if (and k (>= i k))
            acc
            (let ((x (gen)))
              (if (eof-object? x) acc (loop (+ i 1) (cons x acc)))))))

    (define (generator->reverse-list gen . k) (collect gen (and (pair? k) (car k))))
    (define (generator->list gen . k) (reverse (apply generator->reverse-list gen k)))
    (define (generator->vector gen . k) (list->vector (apply generator->list gen k)))
    (define (generator->string gen . k) (list->string (apply generator->list gen k)))

    (define (generator->vector! v at gen)
      (let loop ((i at))
        (if (>= i (vector-length v))
            (- i at)
            (let ((x (gen)))
              (if (eof-object? x)
                  (- i at)
                  (begin (vector-set! v i x) (loop (+ i 1))))))))

    (define (generator-fold proc seed gen . gens)
      (let ((gens (cons gen gens)))
        (let loop ((acc seed))
          (let ((xs (next-all gens)))
            (if xs (loop (apply proc (append xs (list acc)))) acc)))))

    (define (generator-for-each proc gen . gens)
      (let ((gens (cons gen gens)))
        (let loop ()
          (let ((xs (next-all gens)))
            (when xs (apply proc xs) (loop))))))

    (define (generator-map->list proc gen . gens)
      (let ((gens (cons gen gens)))
        (let loop ((acc '()))
          (let ((xs (next-all gens)))
            (if xs (loop (cons (apply proc xs) acc)) (reverse acc))))))

    (define (generator-find pred gen)
      (let loop ()
        (let ((x (gen)))
          (cond ((eof-object? x) #f)
                ((pred x) x)
                (else (loop))))))

    (define (generator-count pred gen)
      (let loop ((n 0))
        (let ((x (gen)))
          (if (eof-object? x) n (loop (if (pred x) (+ n 1) n))))))

    (define (generator-any pred gen)
      (let loop ()
        (let ((x (gen)))
          (if (eof-object? x) #f (or (pred x) (loop))))))

    (define (generator-every pred gen)
      (let loop ((last #t))
        (let ((x (gen)))
          (if (eof-object? x)
              last
              (let ((r (pred x))) (if r (loop r) #f))))))

    (define (generator-unfold gen unfold . args)
      (apply unfold eof-object? (lambda (x) x) (lambda (x) (gen)) (gen) args))

    ;; --- accumulators ---

    (define (make-accumulator kons knil finalizer)
      (let ((state knil))
        (lambda (x)
          (if (eof-object? x)
              (finalizer state)
              (set! state (kons x state))))))

    (define (count-accumulator) (make-accumulator (lambda (x n) (+ n 1)) 0 (lambda (n) n)))
    (define (list-accumulator) (make-accumulator cons '() reverse))
    (define (reverse-list-accumulator) (make-accumulator cons '() (lambda (l) l)))
    (define (vector-accumulator)
      (make-accumulator cons '() (lambda (l) (list->vector (reverse l)))))
    (define (reverse-vector-accumulator) (make-accumulator cons '() list->vector))
    (define (string-accumulator)
      (make-accumulator cons '() (lambda (l) (list->string (reverse l)))))
    (define (bytevector-accumulator)
      (make-accumulator cons '() (lambda (l) (apply bytevector (reverse l)))))
    (define (sum-accumulator) (make-accumulator + 0 (lambda (n) n)))
    (define (product-accumulator) (make-accumulator * 1 (lambda (n) n)))

    (define (vector-accumulator! v at)
      (make-accumulator (lambda (x i) (vector-set! v i x) (+ i 1)) at (lambda (i) v)))

    (define (bytevector-accumulator! bv at)
      (make-accumulator (lambda (x i) (bytevector-u8-set! bv i x) (+ i 1)) at
                        (lambda (i) bv)))))
