;;; (srfi 125): hash tables.  Tables keyed by eq?, eqv?, equal?, string=?
;;; or string-ci=? (as a predicate or a comparator's equality) use the
;;; interpreter's native table (lib/hashtab.c), ignoring any hash function
;;; given, as SRFI 125 allows; other equalities use the hash function given
;;; or the comparator's, with chained buckets here.  Both grow to keep
;;; operations amortised O(1).  All tables are mutable; the weak-keys,
;;; ephemeral-keys, weak-values, ephemeral-values and thread-safe requests
;;; are accepted and ignored, since the collector has no weak references.
;;; also-named: (scheme hash-table)
(define-library (srfi 125)
  (import (scheme base) (scheme char) (scheme case-lambda) (srfi 128)
          (pxen hashtab))
  (export make-hash-table hash-table hash-table-unfold alist->hash-table
          hash-table? hash-table-contains? hash-table-exists?
          hash-table-empty? hash-table=? hash-table-mutable?
          hash-table-ref hash-table-ref/default
          hash-table-set! hash-table-delete! hash-table-intern!
          hash-table-update! hash-table-update!/default hash-table-pop!
          hash-table-clear!
          hash-table-size hash-table-keys hash-table-values
          hash-table-entries hash-table-find hash-table-count
          hash-table-map hash-table-for-each hash-table-walk hash-table-map!
          hash-table-map->list hash-table-fold hash-table-prune!
          hash-table-copy hash-table-empty-copy hash-table->alist
          hash-table-union! hash-table-merge! hash-table-intersection!
          hash-table-difference! hash-table-xor!
          hash string-hash string-ci-hash hash-by-identity
          hash-table-equivalence-function hash-table-hash-function)
  (begin
    ;; store: a native table, or a bucket store for other equalities.
    (define-record-type hash-table
      (make-table store same? hash-fn)
      hash-table?
      (store table-store)
      (same? hash-table-equivalence-function)
      (hash-fn hash-table-hash-function))

    (define-record-type bucket-store
      (make-buckets vec count)
      buckets?
      (vec buckets-vec set-buckets-vec!)
      (count buckets-count set-buckets-count!))

    (define hash default-hash)
    (define hash-by-identity default-hash)

    (define missing (list 'missing))

    ;; The native kind for an equality predicate, or #f.
    (define (native-kind same?)
      (cond ((eq? same? eq?) 0)
            ((eq? same? eqv?) 1)
            ((eq? same? equal?) 2)
            ((eq? same? string=?) 3)
            ((eq? same? string-ci=?) 4)
            (else #f)))

    (define (standard-hash same?)
      (cond ((or (eq? same? eq?) (eq? same? eqv?)) hash-by-identity)
            ((eq? same? equal?) hash)
            ((eq? same? string=?) string-hash)
            ((eq? same? string-ci=?) string-ci-hash)
            (else #f)))

    (define (new-table same? hash-fn capacity)
      (let ((kind (native-kind same?)))
        (make-table (if kind
                        (make-native-table kind capacity)
                        (make-buckets (make-vector (max 8 capacity) '()) 0))
                    same? hash-fn)))

    ;; (make-hash-table comparator arg ...) or (make-hash-table equality
    ;; [hash] arg ...); no argument at all means equal?, as in SRFI 69.
    (define (make-hash-table . args)
      (let*-values (((same? hash-fn rest)
                     (cond ((null? args) (values equal? hash '()))
                           ((comparator? (car args))
                            (values (comparator-equality-predicate (car args))
                                    (and (comparator-hashable? (car args))
                                         (comparator-hash-function (car args)))
                                    (cdr args)))
                           ((and (pair? (cdr args)) (procedure? (cadr args)))
                            (values (car args) (cadr args) (cddr args)))
                           (else (values (car args) (standard-hash (car args))
                                         (cdr args)))))
                    ((capacity)
                     (let loop ((l rest))
                       (cond ((null? l) 0)
                             ((and (exact-integer? (car l)) (>= (car l) 0)) (car l))
                             (else (loop (cdr l)))))))
        (if (not (procedure? same?))
            (error "make-hash-table: not a comparator or equality predicate" same?))
        (if (not (or hash-fn (native-kind same?)))
            (error "make-hash-table: no hash function for this equality" same?))
        (new-table same? hash-fn capacity)))

    ;; --- the bucket store ---

    (define (bucket-index t s key)
      (let ((h ((hash-table-hash-function t) key)))
        (if (not (and (exact-integer? h) (>= h 0)))
            (error "hash function returned a bad hash" h key))
        (modulo h (vector-length (buckets-vec s)))))

    (define (bucket-entry t s key)
      (let ((same? (hash-table-equivalence-function t)))
        (let loop ((l (vector-ref (buckets-vec s) (bucket-index t s key))))
          (cond ((null? l) #f)
                ((same? (caar l) key) (car l))
                (else (loop (cdr l)))))))

    (define (grow! t s)
      (let* ((old (buckets-vec s))
             (new (make-vector (* 2 (vector-length old)) '())))
        (set-buckets-vec! s new)
        (vector-for-each
         (lambda (chain)
           (for-each (lambda (entry)
                       (let ((i (bucket-index t s (car entry))))
                         (vector-set! new i (cons entry (vector-ref new i)))))
                     chain))
         old)))

    ;; --- operations on either store ---

    (define (ref t key default)
      (let ((s (table-store t)))
        (if (buckets? s)
            (let ((e (bucket-entry t s key))) (if e (cdr e) default))
            (native-table-ref s key default))))

    (define (put! t key value)
      (let ((s (table-store t)))
        (if (buckets? s)
            (let ((e (bucket-entry t s key)))
              (if e
                  (set-cdr! e value)
                  (let ((i (bucket-index t s key)) (v (buckets-vec s)))
                    (vector-set! v i (cons (cons key value) (vector-ref v i)))
                    (set-buckets-count! s (+ (buckets-count s) 1))
                    (if (> (buckets-count s) (* 2 (vector-length v)))
                        (grow! t s)))))
            (native-table-set! s key value))))

    ;; #t if key had an association.
    (define (remove! t key)
      (let ((s (table-store t)))
        (if (buckets? s)
            (let* ((same? (hash-table-equivalence-function t))
                   (i (bucket-index t s key))
                   (chain (vector-ref (buckets-vec s) i)))
              (and (let loop ((l chain))
                     (and (pair? l) (or (same? (caar l) key) (loop (cdr l)))))
                   (begin
                     (vector-set! (buckets-vec s) i
                                  (let drop ((l chain))
                                    (if (same? (caar l) key)
                                        (cdr l)
                                        (cons (car l) (drop (cdr l))))))
                     (set-buckets-count! s (- (buckets-count s) 1))
                     #t)))
            (native-table-delete! s key))))

    (define (hash-table-size t)
      (let ((s (table-store t)))
        (if (buckets? s) (buckets-count s) (native-table-size s))))

    (define (hash-table->alist t)
      (let ((s (table-store t)))
        (if (buckets? s)
            (let loop ((i 0) (acc '()))
              (if (= i (vector-length (buckets-vec s)))
                  acc
                  (loop (+ i 1)
                        (append (map (lambda (e) (cons (car e) (cdr e)))
                                     (vector-ref (buckets-vec s) i))
                                acc))))
            (native-table->alist s))))

    (define (hash-table-clear! t)
      (let ((s (table-store t)))
        (if (buckets? s)
            (begin (set-buckets-vec! s (make-vector 8 '()))
                   (set-buckets-count! s 0))
            (native-table-clear! s))))

    ;; Tables are always mutable, so a copy is whatever SRFI 125's optional
    ;; mutable? argument says.
    (define (hash-table-copy t . mutable?)
      (let ((s (table-store t)))
        (make-table (if (buckets? s)
                        (make-buckets (vector-map (lambda (chain)
                                                    (map (lambda (e) (cons (car e) (cdr e)))
                                                         chain))
                                                  (buckets-vec s))
                                      (buckets-count s))
                        (native-table-copy s))
                    (hash-table-equivalence-function t)
                    (hash-table-hash-function t))))

    (define (hash-table-empty-copy t)
      (new-table (hash-table-equivalence-function t)
                 (hash-table-hash-function t) 0))

    ;; --- constructors ---

    (define (hash-table comparator . kvs)
      (let ((t (make-hash-table comparator)))
        (let loop ((l kvs))
          (cond ((null? l) t)
                ((null? (cdr l)) (error "hash-table: key without a value" (car l)))
                (else (put! t (car l) (cadr l)) (loop (cddr l)))))))

    (define (hash-table-unfold stop? mapper successor seed . make-args)
      (let ((t (apply make-hash-table make-args)))
        (let loop ((seed seed))
          (if (stop? seed)
              t
              (call-with-values (lambda () (mapper seed))
                (lambda (k v) (put! t k v) (loop (successor seed))))))))

    ;; Earlier associations win, so the list is entered from the back.
    (define (alist->hash-table alist . make-args)
      (let ((t (apply make-hash-table make-args)))
        (for-each (lambda (e) (put! t (car e) (cdr e))) (reverse alist))
        t))

    ;; --- predicates and accessors ---

    (define (hash-table-contains? t key) (not (eq? (ref t key missing) missing)))
    (define hash-table-exists? hash-table-contains?)
    (define (hash-table-empty? t) (zero? (hash-table-size t)))
    (define (hash-table-mutable? t) (hash-table? t))

    (define (hash-table=? value-cmp a b)
      (and (= (hash-table-size a) (hash-table-size b))
           (let loop ((l (hash-table->alist a)))
             (or (null? l)
                 (let ((v (ref b (caar l) missing)))
                   (and (not (eq? v missing))
                        (=? value-cmp (cdar l) v)
                        (loop (cdr l))))))))

    (define (not-found key)
      (lambda () (error "hash-table-ref: key not found" key)))

    (define hash-table-ref
      (case-lambda
        ((t key) (hash-table-ref t key (not-found key)))
        ((t key failure)
         (let ((v (ref t key missing)))
           (if (eq? v missing) (failure) v)))
        ((t key failure success)
         (let ((v (ref t key missing)))
           (if (eq? v missing) (failure) (success v))))))

    (define (hash-table-ref/default t key default) (ref t key default))

    ;; --- mutators ---

    (define (hash-table-set! t . kvs)
      (let loop ((l kvs))
        (cond ((null? l))
              ((null? (cdr l)) (error "hash-table-set!: key without a value" (car l)))
              (else (put! t (car l) (cadr l)) (loop (cddr l))))))

    (define (hash-table-delete! t . keys)
      (let loop ((keys keys) (n 0))
        (if (null? keys)
            n
            (loop (cdr keys) (if (remove! t (car keys)) (+ n 1) n)))))

    (define (hash-table-intern! t key failure)
      (let ((v (ref t key missing)))
        (if (eq? v missing)
            (let ((v (failure))) (put! t key v) v)
            v)))

    (define (hash-table-update! t key updater . handlers)
      (put! t key (updater (apply hash-table-ref t key handlers))))

    (define (hash-table-update!/default t key updater default)
      (put! t key (updater (ref t key default))))

    (define (hash-table-pop! t)
      (let ((l (hash-table->alist t)))
        (if (null? l) (error "hash-table-pop!: empty hash table" t))
        (remove! t (caar l))
        (values (caar l) (cdar l))))

    ;; --- the whole table ---

    (define (hash-table-keys t) (map car (hash-table->alist t)))
    (define (hash-table-values t) (map cdr (hash-table->alist t)))
    (define (hash-table-entries t)
      (let ((l (hash-table->alist t)))
        (values (map car l) (map cdr l))))

    (define (hash-table-find proc t failure)
      (let loop ((l (hash-table->alist t)))
        (if (null? l)
            (failure)
            (or (proc (caar l) (cdar l)) (loop (cdr l))))))

    (define (hash-table-count pred t)
      (let loop ((l (hash-table->alist t)) (n 0))
        (if (null? l)
            n
            (loop (cdr l) (if (pred (caar l) (cdar l)) (+ n 1) n)))))

    ;; --- mapping and folding (over a snapshot, so proc may mutate t) ---

    (define (hash-table-map proc comparator t)
      (let ((new (make-hash-table comparator)))
        (for-each (lambda (e) (put! new (car e) (proc (cdr e))))
                  (hash-table->alist t))
        new))

    (define (hash-table-for-each proc t)
      (for-each (lambda (e) (proc (car e) (cdr e))) (hash-table->alist t)))

    (define (hash-table-walk t proc) (hash-table-for-each proc t))

    (define (hash-table-map! proc t)
      (for-each (lambda (e) (put! t (car e) (proc (car e) (cdr e))))
                (hash-table->alist t)))

    (define (hash-table-map->list proc t)
      (map (lambda (e) (proc (car e) (cdr e))) (hash-table->alist t)))

    ;; (hash-table-fold proc seed t), or SRFI 69's (hash-table-fold t proc seed).
    (define (hash-table-fold a b c)
      (let-values (((proc seed t) (if (hash-table? a) (values b c a) (values a b c))))
        (let loop ((l (hash-table->alist t)) (acc seed))
          (if (null? l)
              acc
              (loop (cdr l) (proc (caar l) (cdar l) acc))))))

    (define (hash-table-prune! proc t)
      (for-each (lambda (e) (if (proc (car e) (cdr e)) (remove! t (car e))))
                (hash-table->alist t)))

    ;; --- tables as sets ---

    (define (hash-table-union! a b)
      (for-each (lambda (e)
                  (if (not (hash-table-contains? a (car e)))
                      (put! a (car e) (cdr e))))
                (hash-table->alist b))
      a)
    (define hash-table-merge! hash-table-union!)

    (define (hash-table-intersection! a b)
      (for-each (lambda (e)
                  (if (not (hash-table-contains? b (car e))) (remove! a (car e))))
                (hash-table->alist a))
      a)

    (define (hash-table-difference! a b)
      (for-each (lambda (e)
                  (if (hash-table-contains? b (car e)) (remove! a (car e))))
                (hash-table->alist a))
      a)

    (define (hash-table-xor! a b)
      (for-each (lambda (e)
                  (if (hash-table-contains? a (car e))
                      (remove! a (car e))
                      (put! a (car e) (cdr e))))
                (hash-table->alist b))
      a)))
