;; SRFI 125 / (scheme hash-table): hash tables, checked against the SRFI
;; text, with every kind of key store: native eq?, eqv?, equal?, string=?
;; and string-ci=? tables and bucket tables for other equalities.
(import (scheme base) (scheme char) (scheme write) (scheme eval)
        (scheme process-context) (srfi 125) (srfi 128) (srfi 1)
        (pxen gc))
(include "harness.scm")

(test-assert "scheme hash-table shares srfi 125's bindings"
  (eq? (eval 'hash-table-ref (environment '(scheme hash-table))) hash-table-ref))

(define (sorted l) (list-sort-any l))
(define (list-sort-any l)
  (let ((less? (lambda (a b) (string<? (harness-text a) (harness-text b)))))
    (let loop ((l l) (acc '()))
      (if (null? l)
          acc
          (loop (cdr l)
                (let ins ((acc acc))
                  (cond ((null? acc) (list (car l)))
                        ((less? (car l) (car acc)) (cons (car l) acc))
                        (else (cons (car acc) (ins (cdr acc)))))))))))

;; The same checks on a table made by make: (make) gives an empty table
;; whose keys are made by key (0, 1, 2 ... to a key of the right type).
(define (exercise name make key)
  (let ((t (make)))
    (test (string-append name ": empty") #t (hash-table-empty? t))
    (hash-table-set! t (key 1) 'one (key 2) 'two)
    (test (string-append name ": size") 2 (hash-table-size t))
    (test (string-append name ": ref") 'one (hash-table-ref t (key 1)))
    (test (string-append name ": ref/default") 'none
          (hash-table-ref/default t (key 3) 'none))
    (test (string-append name ": contains?") '(#t #f)
          (list (hash-table-contains? t (key 2)) (hash-table-contains? t (key 3))))
    (hash-table-set! t (key 1) 'uno)
    (test (string-append name ": set! replaces") '(uno 2)
          (list (hash-table-ref t (key 1)) (hash-table-size t)))
    (test (string-append name ": delete! counts") 1
          (hash-table-delete! t (key 1) (key 3)))
    (test (string-append name ": deleted") #f (hash-table-contains? t (key 1)))
    ;; Many keys: growth, then deletion of every other one.
    (let ((n (workload 2000 200)))
      (do ((i 0 (+ i 1))) ((= i n)) (hash-table-set! t (key i) i))
      (test (string-append name ": many keys") n (hash-table-size t))
      (test (string-append name ": all found") #t
            (let loop ((i 0))
              (or (= i n) (and (eqv? i (hash-table-ref/default t (key i) #f))
                               (loop (+ i 1))))))
      (do ((i 0 (+ i 2))) ((>= i n)) (hash-table-delete! t (key i)))
      (test (string-append name ": half deleted") (quotient n 2) (hash-table-size t))
      (test (string-append name ": the others stay") #t
            (let loop ((i 0))
              (or (>= i n)
                  (and (eq? (odd? i) (hash-table-contains? t (key i)))
                       (loop (+ i 1)))))))
    (hash-table-clear! t)
    (test (string-append name ": clear!") 0 (hash-table-size t))))

(exercise "eq" (lambda () (make-hash-table eq?)) (lambda (i) i))
(exercise "eqv" (lambda () (make-hash-table eqv?)) (lambda (i) (* i 1.5)))
(exercise "equal" (lambda () (make-hash-table equal?)) (lambda (i) (list i "x" (vector i))))
(exercise "string" (lambda () (make-hash-table string=?)) number->string)
(exercise "string-ci" (lambda () (make-hash-table string-ci=?))
          (lambda (i) (string-append "k" (number->string i))))
(exercise "comparator" (lambda () (make-hash-table (make-default-comparator)))
          (lambda (i) (cons i 'x)))
(exercise "custom" (lambda () (make-hash-table = (lambda (x) (exact (floor (abs x))))))
          (lambda (i) i))
(exercise "deprecated pair" (lambda () (make-hash-table equal? hash)) (lambda (i) (list i)))
(exercise "no argument" make-hash-table (lambda (i) (string #\a (integer->char (+ 65 (modulo i 50))) (integer->char (+ 48 (quotient i 50))))))

;; eq? tables hash objects by address: the keys stay found after the
;; collector has moved them.
(let ((t (make-hash-table eq?))
      (keys (list-tabulate (workload 500 50) (lambda (i) (list i)))))
  (for-each (lambda (k) (hash-table-set! t k (car k))) keys)
  (gc)
  (test "eq? keys survive a collection" #t
        (every (lambda (k) (eqv? (car k) (hash-table-ref/default t k #f))) keys))
  (test "an equal but distinct key is not found" #f
        (hash-table-contains? t (list 0)))
  (gc)
  (hash-table-delete! t (car keys))
  (test "delete after a collection" (- (length keys) 1) (hash-table-size t))
  (test "the rest still found" #t
        (every (lambda (k) (hash-table-contains? t k)) (cdr keys))))
(let ((t (make-hash-table eqv?)) (s (string #\a)))
  (hash-table-set! t s 1 2.5 'flo 10000000000000000000000 'big 1/3 'rat #\c 'char)
  (gc)
  (test "eqv? tables: numbers by value" '(flo big rat char 1)
        (list (hash-table-ref t 2.5) (hash-table-ref t 10000000000000000000000)
              (hash-table-ref t 1/3) (hash-table-ref t #\c) (hash-table-ref t s)))
  (test "eqv? tables: strings by identity" #f (hash-table-contains? t (string #\a))))
(let ((t (make-hash-table string-ci=?)))
  (hash-table-set! t "Stra\xDF;e" 1)
  (test "string-ci=? tables fold case fully" 1 (hash-table-ref t "STRASSE"))
  (test-error "a string table refuses other keys" (type-error 'hash-table-set! "string")
              (hash-table-set! t 'a 1)))

;; constructors
(test '(1 2) (let ((t (hash-table (make-default-comparator) 'a 1 'b 2)))
               (list (hash-table-ref t 'a) (hash-table-ref t 'b))))
(test '((0 . 0) (1 . 1) (2 . 4))
      (sorted (hash-table->alist
               (hash-table-unfold (lambda (i) (= i 3)) (lambda (i) (values i (* i i)))
                                  (lambda (i) (+ i 1)) 0 (make-eqv-comparator)))))
(test 1 (hash-table-ref (alist->hash-table '((a . 1) (b . 2) (a . 3)) eq?) 'a))
(test 2 (hash-table-ref (alist->hash-table '((a . 1) (b . 2)) (make-eq-comparator)) 'b))
(test "capacity and unknown symbols are accepted" 0
      (hash-table-size (make-hash-table eq? 1000 'weak-keys)))
(test-error (error-from 'make-hash-table "no hash function") (make-hash-table (lambda (a b) #t)))
(test-error (error-from 'make-hash-table "not a comparator") (make-hash-table 'not-a-predicate))

;; predicates
(define t1 (hash-table (make-equal-comparator) 'a 1 'b 2))
(test #t (hash-table? t1))
(test #f (hash-table? '((a . 1))))
(test #t (hash-table-exists? t1 'a))
(test #t (hash-table-mutable? t1))
(test #t (hash-table=? (make-default-comparator) t1
                       (hash-table (make-equal-comparator) 'b 2 'a 1)))
(test #f (hash-table=? (make-default-comparator) t1
                       (hash-table (make-equal-comparator) 'b 2 'a 7)))
(test #f (hash-table=? (make-default-comparator) t1
                       (hash-table (make-equal-comparator) 'b 2)))

;; accessors
(test 'no (hash-table-ref t1 'z (lambda () 'no)))
(test 2 (hash-table-ref t1 'a (lambda () 'no) (lambda (v) (* v 2))))
(test-error (error-from 'hash-table-ref "key not found") (hash-table-ref t1 'z))

;; mutators
(define t2 (make-hash-table eq?))
(test 5 (hash-table-intern! t2 'x (lambda () 5)))
(test 5 (hash-table-intern! t2 'x (lambda () 6)))
(hash-table-update! t2 'x (lambda (v) (+ v 1)))
(test 6 (hash-table-ref t2 'x))
(hash-table-update! t2 'y (lambda (v) (+ v 1)) (lambda () 10))
(test 11 (hash-table-ref t2 'y))
(hash-table-update! t2 'y (lambda (v) (+ v 1)) (lambda () 10) (lambda (v) (* v 2)))
(test 23 (hash-table-ref t2 'y))
(test-error (error-from 'hash-table-ref "key not found") (hash-table-update! t2 'nope (lambda (v) v)))
(hash-table-update!/default t2 'z (lambda (v) (cons 'a v)) '())
(hash-table-update!/default t2 'z (lambda (v) (cons 'b v)) '())
(test '(b a) (hash-table-ref t2 'z))
(test '(z (b a) 2)
      (let ((t (hash-table (make-eq-comparator) 'z '(b a))))
        (call-with-values (lambda () (hash-table-pop! t))
          (lambda (k v) (list k v (+ 2 (hash-table-size t)))))))
(test-error (error-from 'hash-table-pop! "empty") (hash-table-pop! (make-hash-table eq?)))
(test-error (error-from 'hash-table-set! "key without a value") (hash-table-set! t2 'odd))

;; the whole table
(define t3 (hash-table (make-eqv-comparator) 1 'a 2 'b 3 'c))
(test '(1 2 3) (list-sort-any (hash-table-keys t3)))
(test '(a b c) (list-sort-any (hash-table-values t3)))
(test #t (call-with-values (lambda () (hash-table-entries t3))
           (lambda (ks vs)
             (every (lambda (k v) (eq? v (hash-table-ref t3 k))) ks vs))))
(test '(2 . b) (hash-table-find (lambda (k v) (and (even? k) (cons k v))) t3
                                (lambda () 'none)))
(test 'none (hash-table-find (lambda (k v) #f) t3 (lambda () 'none)))
(test 2 (hash-table-count (lambda (k v) (odd? k)) t3))

;; mapping and folding
(define t4 (hash-table-map (lambda (v) (symbol->string v)) (make-eqv-comparator) t3))
(test "b" (hash-table-ref t4 2))
(test 'b (hash-table-ref t3 2))
(test 6 (let ((sum 0)) (hash-table-for-each (lambda (k v) (set! sum (+ sum k))) t3) sum))
(test 6 (let ((sum 0)) (hash-table-walk t3 (lambda (k v) (set! sum (+ sum k)))) sum))
(test 6 (hash-table-fold (lambda (k v acc) (+ k acc)) 0 t3))
(test 6 (hash-table-fold t3 (lambda (k v acc) (+ k acc)) 0))
(test '(1 2 3) (list-sort-any (hash-table-map->list (lambda (k v) k) t3)))
(let ((t (hash-table-copy t3 #t)))
  (hash-table-map! (lambda (k v) (* k 10)) t)
  (test "map! replaces values" '(10 20 30) (list-sort-any (hash-table-values t)))
  (hash-table-prune! (lambda (k v) (> k 1)) t)
  (test "prune! removes" '((1 . 10)) (hash-table->alist t)))

;; copying
(let ((c (hash-table-copy t3)))
  (hash-table-set! c 4 'd)
  (test "a copy is separate" '(4 3) (list (hash-table-size c) (hash-table-size t3))))
(let ((c (hash-table-empty-copy t3)))
  (hash-table-set! c 9 'z)
  (test "an empty copy keeps the equality" '(1 z) (list (hash-table-size c) (hash-table-ref c 9))))
(test eqv? (hash-table-equivalence-function t3))
(test #t (procedure? (hash-table-hash-function (make-hash-table string=?))))

;; tables as sets
(define (set-of . kvs) (apply hash-table (make-eq-comparator) kvs))
(test '((a . 1) (b . 2) (c . 30))
      (list-sort-any (hash-table->alist (hash-table-union! (set-of 'a 1 'b 2) (set-of 'b 20 'c 30)))))
(test '((a . 1) (c . 3))
      (list-sort-any (hash-table->alist (hash-table-merge! (set-of 'a 1) (set-of 'c 3)))))
(test '((b . 2))
      (hash-table->alist (hash-table-intersection! (set-of 'a 1 'b 2) (set-of 'b 20 'c 30))))
(test '((a . 1))
      (hash-table->alist (hash-table-difference! (set-of 'a 1 'b 2) (set-of 'b 20 'c 30))))
(test '((a . 1) (c . 30))
      (list-sort-any (hash-table->alist (hash-table-xor! (set-of 'a 1 'b 2) (set-of 'b 20 'c 30)))))

;; hash functions
(test #t (= (hash '(1 "a" #\b)) (hash (list 1 "a" #\b))))
(test #t (< (hash 'abc 10) 10))
(test #t (= (string-hash "abc") (string-hash (string #\a #\b #\c))))
(test #t (= (string-ci-hash "ABC") (string-ci-hash "abc")))
(test #t (< (string-ci-hash "ABC" 7) 7))
(test #t (exact-integer? (hash-by-identity 'a)))

(test-end)
