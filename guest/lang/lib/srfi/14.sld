;;; (srfi 14): character sets over all of Unicode.  A set holds an
;;; inversion list (pxen charset): a vector of fixnums s0 e0 s1 e1 ... whose
;;; pairs are the half-open code point ranges of its members.  Surrogates
;;; are not characters, so no set holds them and char-set:full is
;;; [0, #xD800) and [#xE000, #x110000).  The linear-update procedures
;;; (those ending in !) store the result into their first set.
;;;
;;; The standard sets follow the SRFI's Unicode definitions, built from the
;;; general categories of the generated tables: letter is L*, digit Nd,
;;; punctuation P*, symbol S*, title-case Lt, whitespace Zs Zl Zp and
;;; U+0009..U+000D, blank Zs and U+0009, graphic letter + digit +
;;; punctuation + symbol; lower-case and upper-case are the SRFI's Java
;;; rules, computed by gen-unicode.py.
;;; also-named: (scheme charset)
(define-library (srfi 14)
  (import (scheme base) (scheme case-lambda) (pxen charset))
  (export char-set? char-set= char-set<= char-set-hash
          char-set-cursor char-set-ref char-set-cursor-next end-of-char-set?
          char-set-fold char-set-unfold char-set-unfold! char-set-for-each
          char-set-map char-set-copy char-set list->char-set list->char-set!
          string->char-set string->char-set! char-set-filter char-set-filter!
          ucs-range->char-set ucs-range->char-set! ->char-set
          char-set->list char-set->string char-set-size char-set-count
          char-set-contains? char-set-every char-set-any
          char-set-adjoin char-set-delete char-set-adjoin! char-set-delete!
          char-set-complement char-set-union char-set-intersection
          char-set-difference char-set-xor char-set-diff+intersection
          char-set-complement! char-set-union! char-set-intersection!
          char-set-difference! char-set-xor! char-set-diff+intersection!
          char-set:lower-case char-set:upper-case char-set:title-case
          char-set:letter char-set:digit char-set:letter+digit
          char-set:graphic char-set:printing char-set:whitespace
          char-set:iso-control char-set:punctuation char-set:symbol
          char-set:hex-digit char-set:blank char-set:ascii
          char-set:empty char-set:full)
  (begin
    (define-record-type <char-set>
      (make-char-set ranges)
      char-set?
      (ranges char-set-ranges set-char-set-ranges!))

    (define union 0)
    (define intersection 1)
    (define difference 2)
    (define xor 3)

    (define full-ranges (vector 0 #xD800 #xE000 #x110000))

    ;; A linear-update result: the first set now holds it.
    (define (update! cs ranges)
      (set-char-set-ranges! cs ranges)
      cs)

    (define (base-ranges who base)
      (cond ((not base) (vector))
            ((char-set? base) (char-set-ranges base))
            (else (error (string-append (symbol->string who)
                                        ": expected a char-set as base")
                         base))))

    (define (points-ranges points base)
      (inversion-merge (inversion-of-points points) base union))

    (define (fold-ranges ranges kons knil)
      (let ((n (vector-length ranges)))
        (let loop ((i 0) (acc knil))
          (if (= i n)
              acc
              (let ((end (vector-ref ranges (+ i 1))))
                (let run ((c (vector-ref ranges i)) (acc acc))
                  (if (= c end)
                      (loop (+ i 2) acc)
                      (run (+ c 1) (kons (integer->char c) acc)))))))))

    (define (reduce-sets who op identity sets)
      (if (null? sets)
          identity
          (let loop ((acc (char-set-ranges (check-set who (car sets))))
                     (rest (cdr sets)))
            (if (null? rest)
                acc
                (loop (inversion-merge acc
                                       (char-set-ranges (check-set who (car rest)))
                                       op)
                      (cdr rest))))))

    (define (check-set who cs)
      (if (char-set? cs)
          cs
          (error (string-append (symbol->string who) ": expected a char-set")
                 cs)))

    ;; General procedures

    (define (char-set= . sets)
      (or (null? sets)
          (let ((first (char-set-ranges (check-set 'char-set= (car sets)))))
            (let loop ((rest (cdr sets)))
              (or (null? rest)
                  (and (equal? first
                               (char-set-ranges (check-set 'char-set= (car rest))))
                       (loop (cdr rest))))))))

    (define (char-set<= . sets)
      (or (null? sets)
          (let loop ((a (char-set-ranges (check-set 'char-set<= (car sets))))
                     (rest (cdr sets)))
            (or (null? rest)
                (let ((b (char-set-ranges (check-set 'char-set<= (car rest)))))
                  (and (zero? (vector-length (inversion-merge a b difference)))
                       (loop b (cdr rest))))))))

    (define char-set-hash
      (case-lambda
        ((cs) (char-set-hash cs 0))
        ((cs bound)
         (let ((ranges (char-set-ranges (check-set 'char-set-hash cs)))
               (limit (if (and (exact-integer? bound) (positive? bound))
                          (min bound #x1000000)
                          #x1000000)))
           (let loop ((i 0) (h (vector-length ranges)))
             (if (= i (vector-length ranges))
                 (modulo h limit)
                 (loop (+ i 1)
                       (modulo (+ (* h 31) (vector-ref ranges i))
                               #x3FFFFFF))))))))

    ;; Iteration: a cursor is the code point of the member it stands on,
    ;; or -1 past the last.

    (define (char-set-cursor cs)
      (inversion-next (char-set-ranges (check-set 'char-set-cursor cs)) 0))

    (define (end-of-char-set? cursor) (eqv? cursor -1))

    (define (char-set-ref cs cursor)
      (if (and (exact-integer? cursor) (>= cursor 0)
               (inversion-member? (char-set-ranges (check-set 'char-set-ref cs))
                                  cursor))
          (integer->char cursor)
          (error "char-set-ref: not a cursor of this char-set" cursor)))

    (define (char-set-cursor-next cs cursor)
      (let ((ranges (char-set-ranges (check-set 'char-set-cursor-next cs))))
        (if (and (exact-integer? cursor) (>= cursor 0) (< cursor #x110000))
            (inversion-next ranges (+ cursor 1))
            (error "char-set-cursor-next: not a cursor of this char-set"
                   cursor))))

    (define (char-set-fold kons knil cs)
      (fold-ranges (char-set-ranges (check-set 'char-set-fold cs)) kons knil))

    (define (unfold-list f p g seed)
      (let loop ((seed seed) (acc '()))
        (if (p seed) acc (loop (g seed) (cons (f seed) acc)))))

    (define char-set-unfold
      (case-lambda
        ((f p g seed) (char-set-unfold f p g seed #f))
        ((f p g seed base)
         (make-char-set (points-ranges (unfold-list f p g seed)
                                       (base-ranges 'char-set-unfold base))))))

    (define (char-set-unfold! f p g seed base)
      (update! (check-set 'char-set-unfold! base)
               (points-ranges (unfold-list f p g seed)
                              (char-set-ranges base))))

    (define (char-set-for-each proc cs)
      (char-set-fold (lambda (c acc) (proc c) acc) #f cs)
      (if #f #f))

    (define (char-set-map proc cs)
      (make-char-set
       (inversion-of-points
        (char-set-fold (lambda (c acc) (cons (proc c) acc)) '() cs))))

    ;; Creating sets

    (define (char-set-copy cs)
      (make-char-set (char-set-ranges (check-set 'char-set-copy cs))))

    (define (char-set . chars) (make-char-set (inversion-of-points chars)))

    (define list->char-set
      (case-lambda
        ((chars) (make-char-set (inversion-of-points chars)))
        ((chars base)
         (make-char-set (points-ranges chars (base-ranges 'list->char-set base))))))

    (define (list->char-set! chars base)
      (update! (check-set 'list->char-set! base)
               (points-ranges chars (char-set-ranges base))))

    (define (check-string who s)
      (if (string? s)
          s
          (error (string-append (symbol->string who) ": expected a string") s)))

    (define string->char-set
      (case-lambda
        ((s) (make-char-set (inversion-of-points (check-string 'string->char-set s))))
        ((s base)
         (make-char-set (points-ranges (check-string 'string->char-set s)
                                       (base-ranges 'string->char-set base))))))

    (define (string->char-set! s base)
      (update! (check-set 'string->char-set! base)
               (points-ranges (check-string 'string->char-set! s)
                              (char-set-ranges base))))

    (define (filter-list pred cs)
      (char-set-fold (lambda (c acc) (if (pred c) (cons c acc) acc)) '() cs))

    (define char-set-filter
      (case-lambda
        ((pred cs) (char-set-filter pred cs #f))
        ((pred cs base)
         (make-char-set (points-ranges (filter-list pred cs)
                                       (base-ranges 'char-set-filter base))))))

    (define (char-set-filter! pred cs base)
      (update! (check-set 'char-set-filter! base)
               (points-ranges (filter-list pred cs) (char-set-ranges base))))

    (define (range-ranges lower upper error?)
      (unless (and (exact-integer? lower) (exact-integer? upper)
                   (<= 0 lower upper))
        (error "ucs-range->char-set: expected 0 <= lower <= upper" lower upper))
      (let ((want (vector lower upper)))
        (when (and error?
                   (not (zero? (vector-length
                                (inversion-merge want full-ranges difference)))))
          (error "ucs-range->char-set: range holds code points that are not characters"
                 lower upper))
        (inversion-merge (vector (min lower #x110000) (min upper #x110000))
                         full-ranges intersection)))

    (define ucs-range->char-set
      (case-lambda
        ((lower upper) (ucs-range->char-set lower upper #f #f))
        ((lower upper error?) (ucs-range->char-set lower upper error? #f))
        ((lower upper error? base)
         (make-char-set (inversion-merge (range-ranges lower upper error?)
                                         (base-ranges 'ucs-range->char-set base)
                                         union)))))

    (define (ucs-range->char-set! lower upper error? base)
      (update! (check-set 'ucs-range->char-set! base)
               (inversion-merge (range-ranges lower upper error?)
                                (char-set-ranges base) union)))

    (define (->char-set x)
      (cond ((char-set? x) x)
            ((string? x) (string->char-set x))
            ((char? x) (char-set x))
            (else (error "->char-set: expected a string, character or char-set"
                         x))))

    ;; Querying sets

    (define (char-set-size cs)
      (let ((ranges (char-set-ranges (check-set 'char-set-size cs))))
        (do ((i 0 (+ i 2))
             (n 0 (+ n (- (vector-ref ranges (+ i 1)) (vector-ref ranges i)))))
            ((= i (vector-length ranges)) n))))

    (define (char-set-count pred cs)
      (char-set-fold (lambda (c n) (if (pred c) (+ n 1) n)) 0 cs))

    (define (char-set->list cs)
      (let ((ranges (char-set-ranges (check-set 'char-set->list cs))))
        (let loop ((i (- (vector-length ranges) 2)) (acc '()))
          (if (< i 0)
              acc
              (let ((start (vector-ref ranges i)))
                (let run ((c (- (vector-ref ranges (+ i 1)) 1)) (acc acc))
                  (if (< c start)
                      (loop (- i 2) acc)
                      (run (- c 1) (cons (integer->char c) acc)))))))))

    (define (char-set->string cs) (list->string (char-set->list cs)))

    (define (char-set-contains? cs c)
      (inversion-member? (char-set-ranges (check-set 'char-set-contains? cs)) c))

    (define (char-set-every pred cs)
      (call-with-current-continuation
       (lambda (return)
         (char-set-fold (lambda (c acc) (or (pred c) (return #f))) #t cs))))

    (define (char-set-any pred cs)
      (call-with-current-continuation
       (lambda (return)
         (char-set-fold (lambda (c acc) (let ((r (pred c))) (if r (return r) #f)))
                        #f cs))))

    ;; Algebra

    (define (char-set-adjoin cs . chars)
      (make-char-set (points-ranges chars (char-set-ranges (check-set 'char-set-adjoin cs)))))

    (define (char-set-adjoin! cs . chars)
      (update! cs (points-ranges chars (char-set-ranges (check-set 'char-set-adjoin! cs)))))

    (define (delete-ranges who cs chars)
      (inversion-merge (char-set-ranges (check-set who cs))
                       (inversion-of-points chars) difference))

    (define (char-set-delete cs . chars)
      (make-char-set (delete-ranges 'char-set-delete cs chars)))

    (define (char-set-delete! cs . chars)
      (update! cs (delete-ranges 'char-set-delete! cs chars)))

    (define (complement-ranges who cs)
      (inversion-merge full-ranges (char-set-ranges (check-set who cs)) difference))

    (define (char-set-complement cs)
      (make-char-set (complement-ranges 'char-set-complement cs)))

    (define (char-set-complement! cs)
      (update! cs (complement-ranges 'char-set-complement! cs)))

    (define (char-set-union . sets)
      (make-char-set (reduce-sets 'char-set-union union (vector) sets)))

    (define (char-set-union! cs . sets)
      (update! cs (reduce-sets 'char-set-union! union #f (cons cs sets))))

    (define (char-set-intersection . sets)
      (make-char-set (reduce-sets 'char-set-intersection intersection
                                  full-ranges sets)))

    (define (char-set-intersection! cs . sets)
      (update! cs (reduce-sets 'char-set-intersection! intersection #f
                               (cons cs sets))))

    (define (char-set-difference cs . sets)
      (make-char-set (reduce-sets 'char-set-difference difference #f
                                  (cons cs sets))))

    (define (char-set-difference! cs . sets)
      (update! cs (reduce-sets 'char-set-difference! difference #f
                               (cons cs sets))))

    (define (char-set-xor . sets)
      (make-char-set (reduce-sets 'char-set-xor xor (vector) sets)))

    (define (char-set-xor! cs . sets)
      (update! cs (reduce-sets 'char-set-xor! xor #f (cons cs sets))))

    (define (diff+intersection who cs sets)
      (let ((a (char-set-ranges (check-set who cs)))
            (others (reduce-sets who union (vector) sets)))
        (values (inversion-merge a others difference)
                (inversion-merge a others intersection))))

    (define (char-set-diff+intersection cs . sets)
      (let-values (((d i) (diff+intersection 'char-set-diff+intersection cs sets)))
        (values (make-char-set d) (make-char-set i))))

    (define (char-set-diff+intersection! cs1 cs2 . sets)
      (let-values (((d i) (diff+intersection 'char-set-diff+intersection!
                                             cs1 (cons cs2 sets))))
        (update! cs1 d)
        (update! (check-set 'char-set-diff+intersection! cs2) i)
        (values cs1 cs2)))

    ;; The standard sets

    (define (category-set spec) (make-char-set (inversion-of-categories spec)))

    (define char-set:empty (make-char-set (vector)))
    (define char-set:full (make-char-set full-ranges))
    (define char-set:lower-case (category-set "lc"))
    (define char-set:upper-case (category-set "uc"))
    (define char-set:title-case (category-set "Lt"))
    (define char-set:letter (category-set "LuLlLtLmLo"))
    (define char-set:digit (category-set "Nd"))
    (define char-set:letter+digit (category-set "LuLlLtLmLoNd"))
    (define char-set:punctuation (category-set "PcPdPsPePiPfPo"))
    (define char-set:symbol (category-set "SmScSkSo"))
    (define char-set:graphic
      (category-set "LuLlLtLmLoNdPcPdPsPePiPfPoSmScSkSo"))
    (define char-set:whitespace
      (make-char-set (inversion-merge (inversion-of-categories "ZsZlZp")
                                      (vector 9 14) union)))
    (define char-set:printing
      (char-set-union char-set:graphic char-set:whitespace))
    (define char-set:iso-control (make-char-set (vector 0 #x20 #x7F #xA0)))
    (define char-set:hex-digit (string->char-set "0123456789abcdefABCDEF"))
    (define char-set:blank
      (make-char-set (inversion-merge (inversion-of-categories "Zs")
                                      (vector 9 10) union)))
    (define char-set:ascii (make-char-set (vector 0 #x80)))))
