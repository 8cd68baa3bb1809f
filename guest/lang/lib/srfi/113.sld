;;; (srfi 113): sets and bags over a hash table (srfi 125) made from the
;;; element comparator, which must therefore have a hash function.  The
;;; table maps each distinct element to (element . count); a set's counts
;;; are all 1.  The procedures ending in ! update their first argument.
;;; also-named: (scheme set)
(define-library (srfi 113)
  (import (scheme base) (scheme case-lambda) (srfi 125) (srfi 128))
  (export set set-unfold set? set-contains? set-empty? set-disjoint?
          set-member set-element-comparator set-adjoin set-adjoin!
          set-replace set-replace! set-delete set-delete! set-delete-all
          set-delete-all! set-search! set-size set-find set-count set-any?
          set-every? set-map set-for-each set-fold set-filter set-filter!
          set-remove set-remove! set-partition set-partition! set-copy
          set->list list->set list->set! set=? set<? set>? set<=? set>=?
          set-union set-intersection set-difference set-xor set-union!
          set-intersection! set-difference! set-xor!
          bag bag-unfold bag? bag-contains? bag-empty? bag-disjoint?
          bag-member bag-element-comparator bag-adjoin bag-adjoin!
          bag-replace bag-replace! bag-delete bag-delete! bag-delete-all
          bag-delete-all! bag-search! bag-size bag-find bag-count bag-any?
          bag-every? bag-map bag-for-each bag-fold bag-filter bag-filter!
          bag-remove bag-remove! bag-partition bag-partition! bag-copy
          bag->list list->bag list->bag! bag=? bag<? bag>? bag<=? bag>=?
          bag-union bag-intersection bag-difference bag-xor bag-union!
          bag-intersection! bag-difference! bag-xor!
          bag-sum bag-sum! bag-product bag-product! bag-unique-size
          bag-element-count bag-for-each-unique bag-fold-unique
          bag-increment! bag-decrement! bag->set set->bag set->bag!
          bag->alist alist->bag set-comparator bag-comparator)
  (begin
    ;; size: the number of elements, counting a bag's repeats.
    (define-record-type <sob>
      (make-sob bag? comparator table size)
      sob?
      (bag? sob-bag?)
      (comparator sob-comparator)
      (table sob-table)
      (size sob-size set-sob-size!))

    (define (set? x) (and (sob? x) (not (sob-bag? x))))
    (define (bag? x) (and (sob? x) (sob-bag? x)))

    (define (check-set who x)
      (if (not (set? x)) (error (string-append who ": not a set") x)))
    (define (check-bag who x)
      (if (not (bag? x)) (error (string-append who ": not a bag") x)))

    (define (empty bag? comparator)
      (if (not (comparator-hashable? comparator))
          (error "sets and bags need a comparator with a hash function" comparator))
      (make-sob bag? comparator (make-hash-table comparator) 0))

    (define (empty-like s) (empty (sob-bag? s) (sob-comparator s)))

    (define (count-of s x)
      (let ((e (hash-table-ref/default (sob-table s) x #f))) (if e (cdr e) 0)))

    ;; Sets the count of x (removing it at 0); a new entry stores x itself.
    (define (count-set! s x n)
      (let* ((t (sob-table s)) (e (hash-table-ref/default t x #f)) (old (if e (cdr e) 0)))
        (cond ((<= n 0) (when e (hash-table-delete! t x)))
              (e (set-cdr! e n))
              (else (comparator-check-type (sob-comparator s) x)
                    (hash-table-set! t x (cons x n))))
        (set-sob-size! s (+ (sob-size s) (- (max n 0) old)))))

    (define (add! s x)
      (count-set! s x (if (sob-bag? s) (+ (count-of s x) 1) 1)))

    (define (entries s) (hash-table-values (sob-table s)))

    (define (copy s)
      (let ((c (empty-like s)))
        (for-each (lambda (e) (count-set! c (car e) (cdr e))) (entries s))
        c))

    (define (elements s)
      (let loop ((es (entries s)) (acc '()))
        (if (null? es)
            acc
            (loop (cdr es)
                  (let rep ((n (cdar es)) (acc acc))
                    (if (zero? n) acc (rep (- n 1) (cons (caar es) acc))))))))

    ;; --- generic operations, shared by sets and bags ---

    (define (make-of bag?)
      (lambda (comparator . xs)
        (let ((s (empty bag? comparator)))
          (for-each (lambda (x) (add! s x)) xs)
          s)))

    (define (unfold-of bag?)
      (lambda (comparator stop? mapper successor seed)
        (let ((s (empty bag? comparator)))
          (let loop ((seed seed))
            (if (stop? seed)
                s
                (begin (add! s (mapper seed)) (loop (successor seed))))))))

    (define (contains? s x) (> (count-of s x) 0))
    (define (empty? s) (zero? (sob-size s)))
    (define (disjoint? a b)
      (not (any-entry (lambda (e) (contains? b (car e))) a)))
    (define (any-entry pred s)
      (let loop ((es (entries s))) (and (pair? es) (or (pred (car es)) (loop (cdr es))))))

    (define (member-of s x default)
      (let ((e (hash-table-ref/default (sob-table s) x #f))) (if e (car e) default)))

    (define (adjoin! s . xs) (for-each (lambda (x) (add! s x)) xs) s)
    (define (adjoin s . xs) (apply adjoin! (copy s) xs))

    ;; Puts x in place of an equal element (keeping a bag's count).
    (define (replace! s x)
      (let ((n (count-of s x)))
        (when (> n 0)
          (hash-table-delete! (sob-table s) x)
          (set-sob-size! s (- (sob-size s) n))
          (count-set! s x n))
        s))
    (define (replace s x) (replace! (copy s) x))

    ;; A bag loses one occurrence per deleted element.
    (define (delete-all! s xs)
      (for-each (lambda (x) (count-set! s x (- (count-of s x) 1))) xs)
      s)
    (define (delete-all s xs) (delete-all! (copy s) xs))
    (define (delete! s . xs) (delete-all! s xs))
    (define (delete s . xs) (delete-all (copy s) xs))

    (define (search! s x failure success)
      (let ((e (hash-table-ref/default (sob-table s) x #f)))
        (if e
            (success (car e)
                     (lambda (new obj)
                       (let ((n (cdr e)))
                         (count-set! s x 0)
                         (count-set! s new n)
                         (values s obj)))
                     (lambda (obj)
                       (count-set! s x (- (cdr e) 1))
                       (values s obj)))
            (failure (lambda (obj) (add! s x) (values s obj))
                     (lambda (obj) (values s obj))))))

    (define (find pred s failure)
      (let loop ((es (entries s)))
        (cond ((null? es) (failure))
              ((pred (caar es)) (caar es))
              (else (loop (cdr es))))))

    (define (count pred s)
      (let loop ((es (entries s)) (n 0))
        (if (null? es) n (loop (cdr es) (if (pred (caar es)) (+ n (cdar es)) n)))))

    (define (any? pred s) (if (any-entry (lambda (e) (pred (car e))) s) #t #f))
    (define (every? pred s) (not (any-entry (lambda (e) (not (pred (car e)))) s)))

    (define (map-of bag?)
      (lambda (comparator proc s)
        (let ((out (empty bag? comparator)))
          (for-each (lambda (x) (add! out (proc x))) (elements s))
          out)))

    (define (for-each-element proc s) (for-each proc (elements s)))
    (define (fold proc nil s)
      (let loop ((l (elements s)) (acc nil))
        (if (null? l) acc (loop (cdr l) (proc (car l) acc)))))

    (define (filter pred s)
      (let ((out (empty-like s)))
        (for-each (lambda (e) (if (pred (car e)) (count-set! out (car e) (cdr e))))
                  (entries s))
        out))
    (define (remove pred s) (filter (lambda (x) (not (pred x))) s))
    (define (partition pred s) (values (filter pred s) (remove pred s)))

    (define (list->sob! s l) (for-each (lambda (x) (add! s x)) l) s)

    ;; --- subsets: each set or bag related to the next ---

    (define (subset? a b)
      (and (<= (sob-size a) (sob-size b))
           (not (any-entry (lambda (e) (> (cdr e) (count-of b (car e)))) a))))
    (define (same? a b) (and (= (sob-size a) (sob-size b)) (subset? a b)))

    (define (chain rel)
      (lambda (s . more)
        (let loop ((s s) (more more))
          (or (null? more)
              (and (rel s (car more)) (loop (car more) (cdr more)))))))
    (define sob=? (chain same?))
    (define sob<=? (chain subset?))
    (define sob>=? (chain (lambda (a b) (subset? b a))))
    (define sob<? (chain (lambda (a b) (and (subset? a b) (not (same? a b))))))
    (define sob>? (chain (lambda (a b) (and (subset? b a) (not (same? a b))))))

    ;; --- set theory: counts combined element by element ---

    (define (union! s . more)
      (for-each (lambda (o)
                  (for-each (lambda (e)
                              (count-set! s (car e) (max (count-of s (car e)) (cdr e))))
                            (entries o)))
                more)
      s)
    (define (intersection! s . more)
      (for-each (lambda (e)
                  (count-set! s (car e)
                              (let loop ((l more) (n (cdr e)))
                                (if (null? l) n (loop (cdr l) (min n (count-of (car l) (car e))))))))
                (entries s))
      s)
    (define (difference! s . more)
      (for-each (lambda (o)
                  (for-each (lambda (e)
                              (count-set! s (car e) (- (count-of s (car e)) (cdr e))))
                            (entries o)))
                more)
      s)
    (define (xor! a b)
      (for-each (lambda (e)
                  (count-set! a (car e) (abs (- (count-of a (car e)) (cdr e)))))
                (entries b))
      a)
    (define (union s . more) (apply union! (copy s) more))
    (define (intersection s . more) (apply intersection! (copy s) more))
    (define (difference s . more) (apply difference! (copy s) more))
    (define (xor a b) (xor! (copy a) b))

    ;; --- the exported procedures, checked for the right kind ---

    (define-syntax define-checked
      (syntax-rules ()
        ((_ check (name impl) ...)
         (begin
           (define (name s . args)
             (check (symbol->string 'name) s)
             (apply impl s args))
           ...))))

    ;; Procedures taking a predicate or procedure first, then the set.
    (define-syntax define-checked-second
      (syntax-rules ()
        ((_ check (name impl) ...)
         (begin
           (define (name f s . args)
             (check (symbol->string 'name) s)
             (apply impl f s args))
           ...))))

    (define set (make-of #f))
    (define bag (make-of #t))
    (define set-unfold (unfold-of #f))
    (define bag-unfold (unfold-of #t))
    (define set-map (map-of #f))
    (define bag-map (map-of #t))
    (define (list->set comparator l) (list->sob! (empty #f comparator) l))
    (define (list->bag comparator l) (list->sob! (empty #t comparator) l))

    (define-checked check-set
      (set-contains? contains?) (set-empty? empty?) (set-disjoint? disjoint?)
      (set-member member-of) (set-element-comparator sob-comparator)
      (set-adjoin adjoin) (set-adjoin! adjoin!) (set-replace replace)
      (set-replace! replace!) (set-delete delete) (set-delete! delete!)
      (set-delete-all delete-all) (set-delete-all! delete-all!)
      (set-search! search!) (set-size sob-size) (set-copy copy)
      (set->list elements) (list->set! list->sob!)
      (set=? sob=?) (set<? sob<?) (set>? sob>?) (set<=? sob<=?) (set>=? sob>=?)
      (set-union union) (set-intersection intersection)
      (set-difference difference) (set-xor xor) (set-union! union!)
      (set-intersection! intersection!) (set-difference! difference!)
      (set-xor! xor!))
    (define-checked-second check-set
      (set-find find) (set-count count) (set-any? any?) (set-every? every?)
      (set-for-each for-each-element) (set-filter filter) (set-filter! filter)
      (set-remove remove) (set-remove! remove) (set-partition partition)
      (set-partition! partition))
    (define (set-fold proc nil s) (check-set "set-fold" s) (fold proc nil s))

    (define-checked check-bag
      (bag-contains? contains?) (bag-empty? empty?) (bag-disjoint? disjoint?)
      (bag-member member-of) (bag-element-comparator sob-comparator)
      (bag-adjoin adjoin) (bag-adjoin! adjoin!) (bag-replace replace)
      (bag-replace! replace!) (bag-delete delete) (bag-delete! delete!)
      (bag-delete-all delete-all) (bag-delete-all! delete-all!)
      (bag-search! search!) (bag-size sob-size) (bag-copy copy)
      (bag->list elements) (list->bag! list->sob!)
      (bag=? sob=?) (bag<? sob<?) (bag>? sob>?) (bag<=? sob<=?) (bag>=? sob>=?)
      (bag-union union) (bag-intersection intersection)
      (bag-difference difference) (bag-xor xor) (bag-union! union!)
      (bag-intersection! intersection!) (bag-difference! difference!)
      (bag-xor! xor!))
    (define-checked-second check-bag
      (bag-find find) (bag-count count) (bag-any? any?) (bag-every? every?)
      (bag-for-each for-each-element) (bag-filter filter) (bag-filter! filter)
      (bag-remove remove) (bag-remove! remove) (bag-partition partition)
      (bag-partition! partition))
    (define (bag-fold proc nil s) (check-bag "bag-fold" s) (fold proc nil s))

    ;; --- bag-only procedures ---

    (define (bag-sum! b . more)
      (check-bag "bag-sum!" b)
      (for-each (lambda (o)
                  (check-bag "bag-sum!" o)
                  (for-each (lambda (e) (count-set! b (car e) (+ (count-of b (car e)) (cdr e))))
                            (entries o)))
                more)
      b)
    (define (bag-sum b . more) (check-bag "bag-sum" b) (apply bag-sum! (copy b) more))

    (define (bag-product! n b)
      (check-bag "bag-product!" b)
      (for-each (lambda (e) (count-set! b (car e) (* n (cdr e)))) (entries b))
      b)
    (define (bag-product n b) (check-bag "bag-product" b) (bag-product! n (copy b)))

    (define (bag-unique-size b) (check-bag "bag-unique-size" b) (hash-table-size (sob-table b)))
    (define (bag-element-count b x) (check-bag "bag-element-count" b) (count-of b x))

    (define (bag-for-each-unique proc b)
      (check-bag "bag-for-each-unique" b)
      (for-each (lambda (e) (proc (car e) (cdr e))) (entries b)))

    (define (bag-fold-unique proc nil b)
      (check-bag "bag-fold-unique" b)
      (let loop ((es (entries b)) (acc nil))
        (if (null? es) acc (loop (cdr es) (proc (caar es) (cdar es) acc)))))

    (define (bag-increment! b x n)
      (check-bag "bag-increment!" b)
      (count-set! b x (+ (count-of b x) n))
      b)
    (define (bag-decrement! b x n)
      (check-bag "bag-decrement!" b)
      (count-set! b x (- (count-of b x) n))
      b)

    (define (bag->set b)
      (check-bag "bag->set" b)
      (let ((s (empty #f (sob-comparator b))))
        (for-each (lambda (e) (count-set! s (car e) 1)) (entries b))
        s))
    (define (set->bag! b s)
      (check-bag "set->bag!" b)
      (check-set "set->bag!" s)
      (for-each (lambda (e) (add! b (car e))) (entries s))
      b)
    (define (set->bag s)
      (check-set "set->bag" s)
      (set->bag! (empty #t (sob-comparator s)) s))

    (define (bag->alist b)
      (check-bag "bag->alist" b)
      (map (lambda (e) (cons (car e) (cdr e))) (entries b)))
    (define (alist->bag comparator alist)
      (let ((b (empty #t comparator)))
        (for-each (lambda (p) (count-set! b (car p) (+ (count-of b (car p)) (cdr p)))) alist)
        b))

    ;; --- comparators: equality only, and an order-independent hash ---

    (define (sob-hash s)
      (let ((h (comparator-hash-function (sob-comparator s))))
        (let loop ((es (entries s)) (acc 0))
          (if (null? es)
              acc
              (loop (cdr es) (modulo (+ acc (* (cdar es) (h (caar es)))) (hash-bound)))))))

    (define set-comparator (make-comparator set? sob=? #f sob-hash))
    (define bag-comparator (make-comparator bag? sob=? #f sob-hash))))
