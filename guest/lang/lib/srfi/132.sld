;;; (srfi 132): sorting.  Every sort is a stable merge sort over a vector
;;; (lists are copied into one), with insertion sort for short runs and a
;;; skipped merge when two halves are already in order, so sorted input
;;; costs n comparisons per level at most.  Selection is a three-way
;;; quickselect.
;;; also-named: (scheme sort)
(define-library (srfi 132)
  (import (scheme base) (scheme case-lambda))
  (export list-sorted? vector-sorted? list-sort list-stable-sort list-sort!
          list-stable-sort! vector-sort vector-stable-sort vector-sort!
          vector-stable-sort! list-merge list-merge! vector-merge
          vector-merge! list-delete-neighbor-dups list-delete-neighbor-dups!
          vector-delete-neighbor-dups vector-delete-neighbor-dups!
          vector-find-median vector-find-median! vector-select!
          vector-separate!)
  (begin
    ;; The optional [start [end]] of v as two values, checked.
    (define (range who v opt)
      (let* ((n (vector-length v))
             (start (if (pair? opt) (car opt) 0))
             (end (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) n)))
        (if (not (and (exact-integer? start) (exact-integer? end)
                      (<= 0 start end n)))
            (error (string-append (symbol->string who) ": bad range") start end))
        (values start end)))

    (define (list-sorted? less? l)
      (or (not (pair? l))
          (let loop ((prev (car l)) (l (cdr l)))
            (or (null? l)
                (and (not (less? (car l) prev)) (loop (car l) (cdr l)))))))

    (define (vector-sorted? less? v . opt)
      (let-values (((start end) (range 'vector-sorted? v opt)))
        (let loop ((i (+ start 1)))
          (or (>= i end)
              (and (not (less? (vector-ref v i) (vector-ref v (- i 1))))
                   (loop (+ i 1)))))))

    (define (insertion-sort! less? v lo hi)
      (do ((i (+ lo 1) (+ i 1))) ((>= i hi))
        (let ((x (vector-ref v i)))
          (let loop ((j i))
            (if (and (> j lo) (less? x (vector-ref v (- j 1))))
                (begin (vector-set! v j (vector-ref v (- j 1)))
                       (loop (- j 1)))
                (vector-set! v j x))))))

    ;; Sorts v[lo, hi) stably, with tmp (as long as v) as scratch: the
    ;; left half is moved to tmp and merged back with the right half,
    ;; taking from the left on ties.
    (define (merge-sort! less? v tmp lo hi)
      (if (<= (- hi lo) 12)
          (insertion-sort! less? v lo hi)
          (let ((mid (quotient (+ lo hi) 2)))
            (merge-sort! less? v tmp lo mid)
            (merge-sort! less? v tmp mid hi)
            (when (less? (vector-ref v mid) (vector-ref v (- mid 1)))
              (vector-copy! tmp lo v lo mid)
              (let loop ((i lo) (j mid) (k lo))
                (cond ((= i mid))
                      ((and (< j hi) (less? (vector-ref v j) (vector-ref tmp i)))
                       (vector-set! v k (vector-ref v j))
                       (loop i (+ j 1) (+ k 1)))
                      (else
                       (vector-set! v k (vector-ref tmp i))
                       (loop (+ i 1) j (+ k 1)))))))))

    (define (sort-range! less? v start end)
      (merge-sort! less? v (make-vector (vector-length v)) start end))

    (define (list-sort less? l)
      (let ((v (list->vector l)))
        (sort-range! less? v 0 (vector-length v))
        (vector->list v)))
    (define list-stable-sort list-sort)
    (define list-sort! list-sort)
    (define list-stable-sort! list-sort)

    (define (vector-sort less? v . opt)
      (let-values (((start end) (range 'vector-sort v opt)))
        (let ((c (vector-copy v start end)))
          (sort-range! less? c 0 (- end start))
          c)))
    (define vector-stable-sort vector-sort)

    (define (vector-sort! less? v . opt)
      (let-values (((start end) (range 'vector-sort! v opt)))
        (sort-range! less? v start end)))
    (define vector-stable-sort! vector-sort!)

    (define (list-merge less? a b)
      (let loop ((a a) (b b) (acc '()))
        (cond ((null? a) (append-reverse acc b))
              ((null? b) (append-reverse acc a))
              ((less? (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
              (else (loop (cdr a) b (cons (car a) acc))))))

    (define (append-reverse rev tail)
      (if (null? rev) tail (append-reverse (cdr rev) (cons (car rev) tail))))

    ;; Relinks the pairs of a and b in one iterative pass.
    (define (list-merge! less? a b)
      (cond ((null? a) b)
            ((null? b) a)
            (else
             (let* ((take-b (less? (car b) (car a)))
                    (head (if take-b b a)))
               (let loop ((last head)
                          (a (if take-b a (cdr a)))
                          (b (if take-b (cdr b) b)))
                 (cond ((null? a) (set-cdr! last b))
                       ((null? b) (set-cdr! last a))
                       ((less? (car b) (car a))
                        (set-cdr! last b)
                        (loop b a (cdr b)))
                       (else
                        (set-cdr! last a)
                        (loop a (cdr a) b))))
               head))))

    (define (merge-into! less? to at v1 s1 e1 v2 s2 e2)
      (let loop ((i s1) (j s2) (k at))
        (cond ((and (< i e1)
                    (or (= j e2) (not (less? (vector-ref v2 j) (vector-ref v1 i)))))
               (vector-set! to k (vector-ref v1 i))
               (loop (+ i 1) j (+ k 1)))
              ((< j e2)
               (vector-set! to k (vector-ref v2 j))
               (loop i (+ j 1) (+ k 1))))))

    (define vector-merge
      (case-lambda
        ((less? v1 v2) (vector-merge less? v1 v2 0))
        ((less? v1 v2 s1) (vector-merge less? v1 v2 s1 (vector-length v1)))
        ((less? v1 v2 s1 e1) (vector-merge less? v1 v2 s1 e1 0))
        ((less? v1 v2 s1 e1 s2) (vector-merge less? v1 v2 s1 e1 s2 (vector-length v2)))
        ((less? v1 v2 s1 e1 s2 e2)
         (let ((to (make-vector (+ (- e1 s1) (- e2 s2)))))
           (merge-into! less? to 0 v1 s1 e1 v2 s2 e2)
           to))))

    (define vector-merge!
      (case-lambda
        ((less? to v1 v2) (vector-merge! less? to v1 v2 0))
        ((less? to v1 v2 at) (vector-merge! less? to v1 v2 at 0))
        ((less? to v1 v2 at s1) (vector-merge! less? to v1 v2 at s1 (vector-length v1)))
        ((less? to v1 v2 at s1 e1) (vector-merge! less? to v1 v2 at s1 e1 0))
        ((less? to v1 v2 at s1 e1 s2)
         (vector-merge! less? to v1 v2 at s1 e1 s2 (vector-length v2)))
        ((less? to v1 v2 at s1 e1 s2 e2)
         (if (> (+ at (- e1 s1) (- e2 s2)) (vector-length to))
             (error "vector-merge!: target vector too short" to))
         (merge-into! less? to at v1 s1 e1 v2 s2 e2))))

    ;; The survivor of each run is its first element; = is called as
    ;; (= survivor next).
    (define (list-delete-neighbor-dups same? l)
      (if (null? l)
          '()
          (let loop ((keep (car l)) (l (cdr l)) (acc (list (car l))))
            (cond ((null? l) (reverse acc))
                  ((same? keep (car l)) (loop keep (cdr l) acc))
                  (else (loop (car l) (cdr l) (cons (car l) acc)))))))

    (define (list-delete-neighbor-dups! same? l)
      (when (pair? l)
        (let loop ((last l) (rest (cdr l)))
          (cond ((null? rest) (set-cdr! last '()))
                ((same? (car last) (car rest)) (loop last (cdr rest)))
                (else (set-cdr! last rest) (loop rest (cdr rest))))))
      l)

    (define (vector-delete-neighbor-dups! same? v . opt)
      (let-values (((start end) (range 'vector-delete-neighbor-dups! v opt)))
        (if (= start end)
            end
            (let loop ((i (+ start 1)) (out (+ start 1)))
              (cond ((= i end) out)
                    ((same? (vector-ref v (- out 1)) (vector-ref v i))
                     (loop (+ i 1) out))
                    (else
                     (vector-set! v out (vector-ref v i))
                     (loop (+ i 1) (+ out 1))))))))

    (define (vector-delete-neighbor-dups same? v . opt)
      (let-values (((start end) (range 'vector-delete-neighbor-dups v opt)))
        (let* ((c (vector-copy v start end))
               (n (vector-delete-neighbor-dups! same? c)))
          (vector-copy c 0 n))))

    ;; Reorders v[start, end) so that v[t] holds the element a sort would
    ;; put there, nothing before it is greater and nothing after it smaller.
    (define (select-index! less? v t start end)
      (let loop ((lo start) (hi end))
        (let ((pivot (vector-ref v (quotient (+ lo hi) 2))))
          ;; Dutch flag: [lo,lt) < pivot, [lt,i) = pivot, (gt,hi) > pivot.
          (let part ((lt lo) (i lo) (gt (- hi 1)))
            (if (<= i gt)
                (let ((x (vector-ref v i)))
                  (cond ((less? x pivot)
                         (vector-set! v i (vector-ref v lt))
                         (vector-set! v lt x)
                         (part (+ lt 1) (+ i 1) gt))
                        ((less? pivot x)
                         (vector-set! v i (vector-ref v gt))
                         (vector-set! v gt x)
                         (part lt i (- gt 1)))
                        (else (part lt (+ i 1) gt))))
                (cond ((< t lt) (loop lo lt))
                      ((> t gt) (loop (+ gt 1) hi))
                      (else (vector-ref v t))))))))

    (define (vector-select! less? v k . opt)
      (let-values (((start end) (range 'vector-select! v opt)))
        (if (not (and (exact-integer? k) (<= 0 k) (< k (- end start))))
            (error "vector-select!: index out of range" k))
        (select-index! less? v (+ start k) start end)))

    (define (vector-separate! less? v k . opt)
      (let-values (((start end) (range 'vector-separate! v opt)))
        (if (not (and (exact-integer? k) (<= 0 k (- end start))))
            (error "vector-separate!: count out of range" k))
        (when (< k (- end start))
          (select-index! less? v (+ start k) start end))))

    (define (default-mean a b) (/ (+ a b) 2))

    (define (median-of-sorted v knil mean)
      (let ((n (vector-length v)))
        (cond ((zero? n) knil)
              ((odd? n) (vector-ref v (quotient n 2)))
              (else (mean (vector-ref v (- (quotient n 2) 1))
                          (vector-ref v (quotient n 2)))))))

    ;; Two selections instead of a sort: O(n) expected.
    (define vector-find-median
      (case-lambda
        ((less? v knil) (vector-find-median less? v knil default-mean))
        ((less? v knil mean)
         (let* ((c (vector-copy v)) (n (vector-length c)) (h (quotient n 2)))
           (cond ((zero? n) knil)
                 ((odd? n) (select-index! less? c h 0 n))
                 (else
                  (let ((hi (select-index! less? c h 0 n)))
                    ;; Everything below h is now at most hi; the lower
                    ;; middle is the greatest of them.
                    (let loop ((i 1) (lo (vector-ref c 0)))
                      (if (= i h)
                          (mean lo hi)
                          (loop (+ i 1)
                                (if (less? lo (vector-ref c i)) (vector-ref c i) lo)))))))))))

    (define vector-find-median!
      (case-lambda
        ((less? v knil) (vector-find-median! less? v knil default-mean))
        ((less? v knil mean)
         (vector-sort! less? v)
         (median-of-sorted v knil mean))))))
