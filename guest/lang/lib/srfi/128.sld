;;; (srfi 128): comparators.  Hash functions depend on contents only, never
;;; on addresses (the collector moves objects): objects that default
;;; comparators compare by identity all hash alike within their type.
;;; The hash functions take an optional bound (as SRFI 69's do), so
;;; (srfi 125) and (srfi 69) can export these very procedures.
;;; also-named: (scheme comparator)
(define-library (srfi 128)
  (import (scheme base) (scheme char) (scheme inexact) (scheme complex)
          (scheme case-lambda) (pxen hashtab))
  (export comparator? comparator-ordered? comparator-hashable?
          make-comparator make-pair-comparator make-list-comparator
          make-vector-comparator make-eq-comparator make-eqv-comparator
          make-equal-comparator
          boolean-hash char-hash char-ci-hash string-hash string-ci-hash
          symbol-hash number-hash
          hash-bound hash-salt
          make-default-comparator default-hash comparator-register-default!
          comparator-type-test-predicate comparator-equality-predicate
          comparator-ordering-predicate comparator-hash-function
          comparator-test-type comparator-check-type comparator-hash
          =? <? >? <=? >=? comparator-if<=>)
  (begin
    (define-record-type comparator
      (raw-comparator type-test equality ordering hash ordered? hashable?)
      comparator?
      (type-test comparator-type-test-predicate)
      (equality comparator-equality-predicate)
      (ordering comparator-ordering-predicate)
      (hash comparator-hash-function)
      (ordered? comparator-ordered?)
      (hashable? comparator-hashable?))

    (define (make-comparator type-test equality ordering hash)
      (raw-comparator
       type-test
       equality
       (or ordering
           (lambda (a b) (error "comparator has no ordering predicate" a b)))
       (or hash (lambda (x . bound) (error "comparator has no hash function" x)))
       (if ordering #t #f)
       (if hash #t #f)))

    ;; --- hash functions ---

    (define-syntax hash-bound
      (syntax-rules () ((_) 4294967296)))
    ;; Fixed, so hashes are the same from run to run.
    (define-syntax hash-salt
      (syntax-rules () ((_) 0)))

    (define (bounded h bound)
      (if (pair? bound) (modulo h (car bound)) (modulo h (hash-bound))))

    (define (combine h x) (modulo (+ (* h 31) x) (hash-bound)))

    (define (boolean-hash b . bound) (bounded (if b 1 0) bound))
    (define (char-hash c . bound) (bounded (char->integer c) bound))
    (define (char-ci-hash c . bound)
      (bounded (char->integer (char-foldcase c)) bound))
    (define (string-hash s . bound) (bounded (native-string-hash s) bound))
    (define (string-ci-hash s . bound) (bounded (native-string-ci-hash s) bound))
    (define (symbol-hash s . bound)
      (if (not (symbol? s)) (error "symbol-hash: not a symbol" s))
      (bounded (native-equal-hash s) bound))
    ;; Consistent with =: an inexact number hashes as its exact value.
    (define (number-hash x . bound)
      (if (not (number? x)) (error "number-hash: not a number" x))
      (bounded (native-equal-hash (if (and (inexact? x) (finite? x) (= x x)) (exact x) x))
               bound))

    (define (default-hash x . bound)
      (bounded
       (cond ((pair? x)
              (let loop ((x x) (h 17))
                (if (pair? x)
                    (loop (cdr x) (combine h (default-hash (car x))))
                    (combine h (default-hash x)))))
             ((vector? x)
              (let loop ((i 0) (h 19))
                (if (= i (vector-length x))
                    h
                    (loop (+ i 1) (combine h (default-hash (vector-ref x i)))))))
             ((boolean? x) (boolean-hash x))
             ((char? x) (char-hash x))
             ((string? x) (string-hash x))
             ((symbol? x) (symbol-hash x))
             ((number? x) (number-hash x))
             ((registered x) => (lambda (c) ((comparator-hash-function c) x)))
             (else (native-equal-hash x)))
       bound))

    ;; --- the default comparator ---

    (define registry '())

    (define (comparator-register-default! c)
      (set! registry (append registry (list c))))

    (define (registered x)
      (let loop ((l registry))
        (cond ((null? l) #f)
              (((comparator-type-test-predicate (car l)) x) (car l))
              (else (loop (cdr l))))))

    ;; Types in the order default comparators put them.
    (define (rank x)
      (cond ((null? x) 0) ((pair? x) 1) ((boolean? x) 2) ((char? x) 3)
            ((string? x) 4) ((symbol? x) 5) ((number? x) 6) ((vector? x) 7)
            ((bytevector? x) 8)
            (else (let loop ((l registry) (i 9))
                    (cond ((null? l) 1000)
                          (((comparator-type-test-predicate (car l)) x) i)
                          (else (loop (cdr l) (+ i 1))))))))

    (define (default=? a b)
      (let ((ra (rank a)))
        (and (= ra (rank b))
             (case ra
               ((0) #t)
               ((1) (and (default=? (car a) (car b)) (default=? (cdr a) (cdr b))))
               ((2) (eq? a b))
               ((3) (char=? a b))
               ((4) (string=? a b))
               ((5) (eq? a b))
               ((6) (= a b))
               ((7) (seq=? default=? a b vector-length vector-ref))
               ((8) (seq=? = a b bytevector-length bytevector-u8-ref))
               ((1000) (eqv? a b))
               (else ((comparator-equality-predicate (registered a)) a b))))))

    (define (seq=? same? a b len ref)
      (let ((n (len a)))
        (and (= n (len b))
             (let loop ((i 0))
               (or (= i n)
                   (and (same? (ref a i) (ref b i)) (loop (+ i 1))))))))

    ;; Shorter sequences first, then element by element.
    (define (seq<? less? same? a b len ref)
      (let ((n (len a)) (m (len b)))
        (cond ((< n m) #t)
              ((> n m) #f)
              (else
               (let loop ((i 0))
                 (and (< i n)
                      (let ((x (ref a i)) (y (ref b i)))
                        (cond ((same? x y) (loop (+ i 1)))
                              (else (less? x y))))))))))

    ;; Complex numbers in the order of their real parts, then of their
    ;; imaginary parts (reals have an imaginary part of 0).
    (define (number<? a b)
      (let ((ra (real-part a)) (rb (real-part b)))
        (if (= ra rb)
            (< (imag-part a) (imag-part b))
            (< ra rb))))

    (define (default<? a b)
      (let ((ra (rank a)) (rb (rank b)))
        (cond ((< ra rb) #t)
              ((> ra rb) #f)
              (else
               (case ra
                 ((0) #f)
                 ((1) (if (default=? (car a) (car b))
                          (default<? (cdr a) (cdr b))
                          (default<? (car a) (car b))))
                 ((2) (and (not a) b))
                 ((3) (char<? a b))
                 ((4) (string<? a b))
                 ((5) (string<? (symbol->string a) (symbol->string b)))
                 ((6) (number<? a b))
                 ((7) (seq<? default<? default=? a b vector-length vector-ref))
                 ((8) (seq<? < = a b bytevector-length bytevector-u8-ref))
                 ((1000) #f)
                 (else ((comparator-ordering-predicate (registered a)) a b)))))))

    (define default-comparator
      (make-comparator (lambda (x) #t) default=? default<? default-hash))
    (define (make-default-comparator) default-comparator)

    ;; --- other constructors ---

    (define (identity-comparator same?)
      (make-comparator (lambda (x) #t) same? #f default-hash))
    (define eq-comparator (identity-comparator eq?))
    (define eqv-comparator (identity-comparator eqv?))
    (define equal-comparator (identity-comparator equal?))
    (define (make-eq-comparator) eq-comparator)
    (define (make-eqv-comparator) eqv-comparator)
    (define (make-equal-comparator) equal-comparator)

    (define (make-pair-comparator ca cd)
      (make-comparator
       (lambda (x)
         (and (pair? x) (comparator-test-type ca (car x))
              (comparator-test-type cd (cdr x))))
       (lambda (a b) (and (=? ca (car a) (car b)) (=? cd (cdr a) (cdr b))))
       (lambda (a b)
         (if (=? ca (car a) (car b))
             (<? cd (cdr a) (cdr b))
             (<? ca (car a) (car b))))
       (lambda (x . bound)
         (bounded (combine (comparator-hash ca (car x)) (comparator-hash cd (cdr x)))
                  bound))))

    (define (make-list-comparator ec type-test empty? head tail)
      (define (all-typed? x)
        (or (empty? x)
            (and (comparator-test-type ec (head x)) (all-typed? (tail x)))))
      (define (same? a b)
        (cond ((empty? a) (empty? b))
              ((empty? b) #f)
              (else (and (=? ec (head a) (head b)) (same? (tail a) (tail b))))))
      (define (less? a b)
        (cond ((empty? a) (not (empty? b)))
              ((empty? b) #f)
              ((=? ec (head a) (head b)) (less? (tail a) (tail b)))
              (else (<? ec (head a) (head b)))))
      (make-comparator
       (lambda (x) (and (type-test x) (all-typed? x)))
       same? less?
       (lambda (x . bound)
         (let loop ((x x) (h 23))
           (if (empty? x)
               (bounded h bound)
               (loop (tail x) (combine h (comparator-hash ec (head x)))))))))

    (define (make-vector-comparator ec type-test len ref)
      (make-comparator
       (lambda (x)
         (and (type-test x)
              (let loop ((i 0))
                (or (= i (len x))
                    (and (comparator-test-type ec (ref x i)) (loop (+ i 1)))))))
       (lambda (a b) (seq=? (comparator-equality-predicate ec) a b len ref))
       (lambda (a b)
         (seq<? (comparator-ordering-predicate ec)
                (comparator-equality-predicate ec) a b len ref))
       (lambda (x . bound)
         (let loop ((i 0) (h 29))
           (if (= i (len x))
               (bounded h bound)
               (loop (+ i 1) (combine h (comparator-hash ec (ref x i)))))))))

    ;; --- invokers ---

    (define (comparator-test-type c x) ((comparator-type-test-predicate c) x))

    (define (comparator-check-type c x)
      (or (comparator-test-type c x)
          (error "comparator-check-type: value of the wrong type" x)))

    (define (comparator-hash c x) ((comparator-hash-function c) x))

    (define (chain rel)
      (lambda (c a b . more)
        (let loop ((a a) (b b) (more more))
          (and (rel c a b)
               (or (null? more) (loop b (car more) (cdr more)))))))

    (define (rel=? c a b) ((comparator-equality-predicate c) a b))
    (define (rel<? c a b) ((comparator-ordering-predicate c) a b))
    (define =? (chain rel=?))
    (define <? (chain rel<?))
    (define >? (chain (lambda (c a b) (rel<? c b a))))
    (define <=? (chain (lambda (c a b) (not (rel<? c b a)))))
    (define >=? (chain (lambda (c a b) (not (rel<? c a b)))))

    (define-syntax comparator-if<=>
      (syntax-rules ()
        ((_ a b less equal greater)
         (comparator-if<=> (make-default-comparator) a b less equal greater))
        ((_ c a b less equal greater)
         (let ((cmp c) (x a) (y b))
           (cond ((<? cmp x y) less)
                 ((=? cmp x y) equal)
                 (else greater))))))))
