;;; (srfi 101): purely functional random-access pairs and lists, as skew
;;; binary random-access lists.  A random-access pair holds a list of
;;; (weight . tree) digits, weights 2^k-1 ascending (only the first two may
;;; be equal), and the final cdr: the empty list, or any other object for
;;; an improper chain.  A tree of weight 1 is its element; a bigger one is
;;; a vector #(element left right) of two trees of half the weight.  So
;;; cons, car and cdr take O(1), and list-ref, list-set, list-tail and
;;; length O(log n).  append copies its leading lists (O(n) in their
;;; length).  The names are R7RS's, so programs usually import it with a
;;; prefix.
;;; also-named: (scheme rlist)
(define-library (srfi 101)
  (import (prefix (scheme base) base:) (prefix (scheme cxr) base:))
  (export quote equal? pair? cons car cdr
          caar cadr cdar cddr caaar caadr cadar caddr cdaar cdadr cddar cdddr
          caaaar caaadr caadar caaddr cadaar cadadr caddar cadddr cdaaar
          cdaadr cdadar cdaddr cddaar cddadr cdddar cddddr
          null? list? list make-list length length<=? append reverse
          list-tail list-ref list-set list-ref/update map for-each
          random-access-list->linear-access-list
          linear-access-list->random-access-list)
  (begin
    (base:define-record-type <ra-pair>
      (make-ra digits tail)
      pair?
      (digits ra-digits)
      (tail ra-tail))

    (base:define (null? x) (base:null? x))

    (base:define (node x l r) (base:vector x l r))
    (base:define (root w t) (base:if (base:= w 1) t (base:vector-ref t 0)))

    (base:define (cons x d)
      (base:let ((digits (base:if (pair? d) (ra-digits d) (base:quote ())))
                 (tail (base:if (pair? d) (ra-tail d) d)))
        (make-ra
         (base:if (base:and (base:pair? digits) (base:pair? (base:cdr digits))
                            (base:= (base:caar digits) (base:caadr digits)))
                  (base:cons (base:cons (base:+ 1 (base:* 2 (base:caar digits)))
                                        (node x (base:cdar digits) (base:cdadr digits)))
                             (base:cddr digits))
                  (base:cons (base:cons 1 x) digits))
         tail)))

    (base:define (check-pair who x)
      (base:if (base:not (pair? x))
               (base:error (base:string-append who ": not a pair") x)))

    (base:define (car p)
      (check-pair "car" p)
      (base:let ((d (base:car (ra-digits p))))
        (root (base:car d) (base:cdr d))))

    (base:define (cdr p)
      (check-pair "cdr" p)
      (base:let* ((digits (ra-digits p)) (w (base:caar digits)) (t (base:cdar digits))
                  (rest (base:cdr digits)))
        (base:cond ((base:> w 1)
                    (base:let ((h (base:quotient w 2)))
                      (make-ra (base:cons (base:cons h (base:vector-ref t 1))
                                          (base:cons (base:cons h (base:vector-ref t 2)) rest))
                               (ra-tail p))))
                   ((base:null? rest) (ra-tail p))
                   (#t (make-ra rest (ra-tail p))))))

    (base:define-syntax define-cxr
      (base:syntax-rules ()
        ((_ (name step ...) ...)
         (base:begin (base:define (name p) (step ... p)) ...))))
    ;; Each name's letters, read right to left, are the steps applied first.
    (base:define-syntax compose
      (base:syntax-rules ()
        ((_ f p) (f p))
        ((_ f g ... p) (f (compose g ... p)))))
    (base:define (caar p) (car (car p)))
    (base:define (cadr p) (car (cdr p)))
    (base:define (cdar p) (cdr (car p)))
    (base:define (cddr p) (cdr (cdr p)))
    (define-cxr
      (caaar compose car car car) (caadr compose car car cdr)
      (cadar compose car cdr car) (caddr compose car cdr cdr)
      (cdaar compose cdr car car) (cdadr compose cdr car cdr)
      (cddar compose cdr cdr car) (cdddr compose cdr cdr cdr)
      (caaaar compose car car car car) (caaadr compose car car car cdr)
      (caadar compose car car cdr car) (caaddr compose car car cdr cdr)
      (cadaar compose car cdr car car) (cadadr compose car cdr car cdr)
      (caddar compose car cdr cdr car) (cadddr compose car cdr cdr cdr)
      (cdaaar compose cdr car car car) (cdaadr compose cdr car car cdr)
      (cdadar compose cdr car cdr car) (cdaddr compose cdr car cdr cdr)
      (cddaar compose cdr cdr car car) (cddadr compose cdr cdr car cdr)
      (cdddar compose cdr cdr cdr car) (cddddr compose cdr cdr cdr cdr))

    (base:define (list? x)
      (base:or (base:null? x) (base:and (pair? x) (base:null? (ra-tail x)))))

    (base:define (list . xs) (linear-access-list->random-access-list xs))

    ;; The canonical digits for n elements: greedy largest weights, so at
    ;; most the two smallest are equal.  Trees of one weight share their
    ;; halves, so make-list takes O(log n) time and space.
    (base:define (make-list k . fill)
      (base:let ((x (base:if (base:pair? fill) (base:car fill) #f)))
        (base:define (tree w) (base:if (base:= w 1) x (base:let ((h (tree (base:quotient w 2)))) (node x h h))))
        (base:let loop ((k k) (w 1) (ws (base:quote ())))
          (base:cond ((base:<= (base:+ (base:* 2 w) 1) k) (loop k (base:+ (base:* 2 w) 1) ws))
                     ((base:> k 0) (loop (base:- k w) 1 (base:cons w ws)))
                     ((base:null? ws) (base:quote ()))
                     (#t (make-ra (base:map (base:lambda (w) (base:cons w (tree w))) ws) (base:quote ())))))))

    (base:define (length l)
      (base:if (base:not (list? l)) (base:error "length: not a list" l))
      (base:if (base:null? l) 0 (base:apply base:+ (base:map base:car (ra-digits l)))))

    (base:define (chain-count x)
      (base:if (pair? x) (base:apply base:+ (base:map base:car (ra-digits x))) 0))

    (base:define (length<=? x k) (base:>= (chain-count x) k))

    ;; The element at i of a tree of weight w, and a tree with it replaced
    ;; by (proc element).
    (base:define (tree-ref w t i)
      (base:cond ((base:= i 0) (root w t))
                 (#t (base:let ((h (base:quotient w 2)))
                              (base:if (base:<= i h)
                                       (tree-ref h (base:vector-ref t 1) (base:- i 1))
                                       (tree-ref h (base:vector-ref t 2) (base:- i 1 h)))))))

    (base:define (tree-update w t i proc)
      (base:cond ((base:= w 1) (proc t))
                 ((base:= i 0) (node (proc (base:vector-ref t 0)) (base:vector-ref t 1) (base:vector-ref t 2)))
                 (#t
                  (base:let ((h (base:quotient w 2)))
                    (base:if (base:<= i h)
                             (node (base:vector-ref t 0) (tree-update h (base:vector-ref t 1) (base:- i 1) proc)
                                   (base:vector-ref t 2))
                             (node (base:vector-ref t 0) (base:vector-ref t 1)
                                   (tree-update h (base:vector-ref t 2) (base:- i 1 h) proc)))))))

    (base:define (check-index who x k)
      (base:if (base:not (base:and (base:exact-integer? k) (base:<= 0 k) (base:< k (chain-count x))))
               (base:error (base:string-append who ": index out of range") k)))

    (base:define (list-ref p k)
      (check-index "list-ref" p k)
      (base:let loop ((ds (ra-digits p)) (k k))
        (base:if (base:< k (base:caar ds))
                 (tree-ref (base:caar ds) (base:cdar ds) k)
                 (loop (base:cdr ds) (base:- k (base:caar ds))))))

    (base:define (update p k proc)
      (make-ra (base:let loop ((ds (ra-digits p)) (k k))
                 (base:if (base:< k (base:caar ds))
                          (base:cons (base:cons (base:caar ds) (tree-update (base:caar ds) (base:cdar ds) k proc))
                                     (base:cdr ds))
                          (base:cons (base:car ds) (loop (base:cdr ds) (base:- k (base:caar ds))))))
               (ra-tail p)))

    (base:define (list-set p k x)
      (check-index "list-set" p k)
      (update p k (base:lambda (old) x)))

    (base:define (list-ref/update p k proc)
      (base:let ((old (list-ref p k)))
        (base:values old (update p k (base:lambda (e) (proc e))))))

    ;; Drops k elements of a tree of weight w into digits before rest.
    (base:define (tree-drop w t k rest)
      (base:cond ((base:= k 0) (base:cons (base:cons w t) rest))
                 ((base:= w 1) rest)
                 (#t
                  (base:let ((h (base:quotient w 2)))
                    (base:if (base:<= k h)
                             (tree-drop h (base:vector-ref t 1) (base:- k 1)
                                        (base:cons (base:cons h (base:vector-ref t 2)) rest))
                             (tree-drop h (base:vector-ref t 2) (base:- k 1 h) rest))))))

    (base:define (list-tail x k)
      (base:if (base:not (base:and (base:exact-integer? k) (base:<= 0 k (chain-count x))))
               (base:error "list-tail: index out of range" k))
      (base:if (base:= k 0)
               x
               (base:let loop ((ds (ra-digits x)) (k k))
                 (base:if (base:< k (base:caar ds))
                          (make-ra (tree-drop (base:caar ds) (base:cdar ds) k (base:cdr ds)) (ra-tail x))
                          (base:let ((rest (base:cdr ds)) (k (base:- k (base:caar ds))))
                            (base:if (base:null? rest)
                                     (ra-tail x)
                                     (loop rest k)))))))

    (base:define (random-access-list->linear-access-list l)
      (base:let loop ((l l) (acc (base:quote ())))
        (base:if (pair? l) (loop (cdr l) (base:cons (car l) acc)) (base:reverse acc))))

    (base:define (linear-access-list->random-access-list l)
      (base:let loop ((r (base:reverse l)) (acc (base:quote ())))
        (base:if (base:null? r) acc (loop (base:cdr r) (cons (base:car r) acc)))))

    (base:define (append . args)
      (base:if (base:null? args)
               (base:quote ())
               (base:let loop ((args (base:reverse args)) (acc #f))
                 (base:cond ((base:null? args) acc)
                            ((base:not acc) (loop (base:cdr args) (base:car args)))
                            (#t
                             (base:if (base:not (list? (base:car args)))
                                      (base:error "append: not a list" (base:car args)))
                             (loop (base:cdr args)
                                   (base:let push ((r (base:reverse (random-access-list->linear-access-list (base:car args))))
                                                   (acc acc))
                                     (base:if (base:null? r) acc (push (base:cdr r) (cons (base:car r) acc))))))))))

    (base:define (reverse l)
      (base:let loop ((l l) (acc (base:quote ())))
        (base:if (pair? l) (loop (cdr l) (cons (car l) acc)) acc)))

    (base:define (map proc l . ls)
      (linear-access-list->random-access-list
       (base:apply base:map proc (random-access-list->linear-access-list l)
                   (base:map random-access-list->linear-access-list ls))))

    (base:define (for-each proc l . ls)
      (base:apply base:for-each proc (random-access-list->linear-access-list l)
                  (base:map random-access-list->linear-access-list ls)))

    ;; Pairs in a datum, also inside vectors, become random-access pairs;
    ;; a quoted constant is converted each time it is evaluated.
    (base:define (convert d)
      (base:cond ((base:pair? d) (cons (convert (base:car d)) (convert (base:cdr d))))
                 ((base:vector? d) (base:vector-map convert d))
                 (#t d)))

    (base:define-syntax quote
      (base:syntax-rules ()
        ((_ d) (convert (base:quote d)))))

    (base:define (equal? a b)
      (base:cond ((base:and (pair? a) (pair? b))
                  (base:and (equal? (car a) (car b)) (equal? (cdr a) (cdr b))))
                 ((base:and (base:vector? a) (base:vector? b))
                  (base:and (base:= (base:vector-length a) (base:vector-length b))
                            (base:let loop ((i 0))
                              (base:or (base:= i (base:vector-length a))
                                       (base:and (equal? (base:vector-ref a i) (base:vector-ref b i))
                                                 (loop (base:+ i 1)))))))
                 ((base:or (pair? a) (pair? b)) #f)
                 (#t (base:equal? a b))))))
