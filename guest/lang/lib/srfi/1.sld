;;; (srfi 1): list library.  The linear-update procedures (take!, append!,
;;; ...) are allowed, not required, to reuse their arguments' pairs; here
;;; they are the pure procedures.  The R7RS procedures that already meet
;;; SRFI 1 (map, member, assoc, ...) are the base ones, re-exported.
;;; also-named: (scheme list)
(define-library (srfi 1)
  (import (scheme base) (scheme cxr) (scheme case-lambda))
  (export
   cons list xcons cons* make-list list-tabulate list-copy circular-list iota
   pair? null? proper-list? circular-list? dotted-list? not-pair? null-list?
   list=
   car cdr caar cadr cdar cddr caaar caadr cadar caddr cdaar cdadr cddar
   cdddr caaaar caaadr caadar caaddr cadaar cadadr caddar cadddr cdaaar
   cdaadr cdadar cdaddr cddaar cddadr cdddar cddddr list-ref
   first second third fourth fifth sixth seventh eighth ninth tenth
   car+cdr take drop take-right drop-right take! drop-right! split-at
   split-at! last last-pair
   length length+ append concatenate reverse append! concatenate! reverse!
   append-reverse append-reverse! zip unzip1 unzip2 unzip3 unzip4 unzip5
   count
   map for-each fold unfold pair-fold reduce fold-right unfold-right
   pair-fold-right reduce-right append-map append-map! pair-for-each
   filter-map map-in-order map!
   filter partition remove filter! partition! remove!
   member memq memv find find-tail any every list-index take-while
   drop-while take-while! span break span! break!
   delete delete-duplicates delete! delete-duplicates!
   assoc assq assv alist-cons alist-copy alist-delete alist-delete!
   lset<= lset= lset-adjoin lset-union lset-union! lset-intersection
   lset-intersection! lset-difference lset-difference! lset-xor lset-xor!
   lset-diff+intersection lset-diff+intersection!
   set-car! set-cdr!)
  (begin
    ;; --- constructors ---

    (define (xcons d a) (cons a d))

    (define (cons* x . rest)
      (let build ((x x) (rest rest))
        (if (null? rest) x (cons x (build (car rest) (cdr rest))))))

    (define (list-tabulate n proc)
      (let loop ((i (- n 1)) (acc '()))
        (if (< i 0) acc (loop (- i 1) (cons (proc i) acc)))))

    (define (circular-list x . rest)
      (let ((l (cons x rest)))
        (set-cdr! (last-pair l) l)
        l))

    ;; Each element is start + i*step, not a running sum, so inexact steps
    ;; do not accumulate rounding error.
    (define iota
      (case-lambda
        ((count) (iota count 0 1))
        ((count start) (iota count start 1))
        ((count start step)
         (if (or (not (exact-integer? count)) (< count 0))
             (error "iota: count must be a non-negative exact integer" count))
         (let loop ((i (- count 1)) (acc '()))
           (if (< i 0) acc (loop (- i 1) (cons (+ start (* i step)) acc)))))))

    ;; --- predicates ---

    ;; Floyd's cycle finding: (kind l) is proper, dotted or circular.
    (define (list-kind l)
      (let loop ((slow l) (fast l))
        (cond ((null? fast) 'proper)
              ((not (pair? fast)) 'dotted)
              ((null? (cdr fast)) 'proper)
              ((not (pair? (cdr fast))) 'dotted)
              (else
               (let ((fast (cddr fast)) (slow (cdr slow)))
                 (if (eq? fast slow) 'circular (loop slow fast)))))))

    (define (proper-list? x) (eq? (list-kind x) 'proper))
    (define (circular-list? x) (eq? (list-kind x) 'circular))
    (define (dotted-list? x) (eq? (list-kind x) 'dotted))
    (define (not-pair? x) (not (pair? x)))

    (define (null-list? l)
      (cond ((pair? l) #f)
            ((null? l) #t)
            (else (error "null-list?: argument is not a list" l))))

    (define (list= elt= . lists)
      (define (same2 a b)
        (cond ((and (null? a) (null? b)) #t)
              ((or (null? a) (null? b)) #f)
              (else (and (elt= (car a) (car b)) (same2 (cdr a) (cdr b))))))
      (let loop ((ls lists))
        (or (null? ls) (null? (cdr ls))
            (and (same2 (car ls) (cadr ls)) (loop (cdr ls))))))

    ;; --- selectors ---

    (define (first l) (car l))
    (define (second l) (cadr l))
    (define (third l) (caddr l))
    (define (fourth l) (cadddr l))
    (define (fifth l) (car (cddddr l)))
    (define (sixth l) (cadr (cddddr l)))
    (define (seventh l) (caddr (cddddr l)))
    (define (eighth l) (cadddr (cddddr l)))
    (define (ninth l) (car (cddddr (cddddr l))))
    (define (tenth l) (cadr (cddddr (cddddr l))))

    (define (car+cdr p) (values (car p) (cdr p)))

    (define (take l k)
      (let loop ((l l) (k k) (acc '()))
        (if (zero? k) (reverse acc) (loop (cdr l) (- k 1) (cons (car l) acc)))))

    (define (drop l k) (if (zero? k) l (drop (cdr l) (- k 1))))

    ;; The lead pointer runs k pairs ahead; the lag ends at the last k.
    (define (take-right l k)
      (let loop ((lag l) (lead (drop l k)))
        (if (pair? lead) (loop (cdr lag) (cdr lead)) lag)))

    (define (drop-right l k)
      (let loop ((lag l) (lead (drop l k)) (acc '()))
        (if (pair? lead)
            (loop (cdr lag) (cdr lead) (cons (car lag) acc))
            (reverse acc))))

    (define take! take)
    (define drop-right! drop-right)

    (define (split-at l k)
      (let loop ((l l) (k k) (acc '()))
        (if (zero? k)
            (values (reverse acc) l)
            (loop (cdr l) (- k 1) (cons (car l) acc)))))

    (define split-at! split-at)

    (define (last-pair l) (if (pair? (cdr l)) (last-pair (cdr l)) l))
    (define (last l) (car (last-pair l)))

    ;; --- miscellaneous ---

    (define (length+ l)
      (if (circular-list? l)
          #f
          (let loop ((l l) (n 0)) (if (pair? l) (loop (cdr l) (+ n 1)) n))))

    (define (concatenate lists) (apply append lists))
    (define append! append)
    (define concatenate! concatenate)
    (define reverse! reverse)

    (define (append-reverse rev tail)
      (if (null? rev) tail (append-reverse (cdr rev) (cons (car rev) tail))))
    (define append-reverse! append-reverse)

    (define (zip l . ls) (apply map list l ls))

    (define (unzip1 l) (map car l))
    (define (unzip2 l) (values (map car l) (map cadr l)))
    (define (unzip3 l) (values (map car l) (map cadr l) (map caddr l)))
    (define (unzip4 l)
      (values (map car l) (map cadr l) (map caddr l) (map cadddr l)))
    (define (unzip5 l)
      (values (map car l) (map cadr l) (map caddr l) (map cadddr l)
              (map fifth l)))

    ;; The cars of lists, or #f when one of them has run out.
    (define (cars lists)
      (let loop ((ls lists) (acc '()))
        (cond ((null? ls) (reverse acc))
              ((pair? (car ls)) (loop (cdr ls) (cons (caar ls) acc)))
              (else #f))))

    (define (count pred l . ls)
      (if (null? ls)
          (let loop ((l l) (n 0))
            (if (pair? l) (loop (cdr l) (if (pred (car l)) (+ n 1) n)) n))
          (let loop ((ls (cons l ls)) (n 0))
            (let ((xs (cars ls)))
              (if xs
                  (loop (map cdr ls) (if (apply pred xs) (+ n 1) n))
                  n)))))

    ;; --- fold, unfold, map ---

    (define (fold kons knil l . ls)
      (if (null? ls)
          (let loop ((l l) (acc knil))
            (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
          (let loop ((ls (cons l ls)) (acc knil))
            (let ((xs (cars ls)))
              (if xs
                  (loop (map cdr ls) (apply kons (append xs (list acc))))
                  acc)))))

    (define (fold-right kons knil l . ls)
      (if (null? ls)
          (let loop ((l (reverse l)) (acc knil))
            (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
          (let loop ((rows (reverse (apply zip l ls))) (acc knil))
            (if (pair? rows)
                (loop (cdr rows) (apply kons (append (car rows) (list acc))))
                acc))))

    (define (pair-fold kons knil l . ls)
      (if (null? ls)
          (let loop ((l l) (acc knil))
            (if (pair? l)
                (let ((next (cdr l))) (loop next (kons l acc)))
                acc))
          (let loop ((ls (cons l ls)) (acc knil))
            (if (cars ls)
                (let ((next (map cdr ls)))
                  (loop next (apply kons (append ls (list acc)))))
                acc))))

    (define (pair-fold-right kons knil l . ls)
      (let ((ls (cons l ls)))
        (let loop ((tails '()) (ls ls))
          (if (cars ls)
              (loop (cons ls tails) (map cdr ls))
              (let build ((tails tails) (acc knil))
                (if (null? tails)
                    acc
                    (build (cdr tails)
                           (apply kons (append (car tails) (list acc))))))))))

    (define (reduce f ridentity l)
      (if (null? l) ridentity (fold f (car l) (cdr l))))

    (define (reduce-right f ridentity l)
      (if (null? l)
          ridentity
          (let ((r (reverse l)))
            (fold (lambda (x acc) (f x acc)) (car r) (cdr r)))))

    (define unfold
      (case-lambda
        ((stop? mapper successor seed)
         (unfold stop? mapper successor seed (lambda (x) '())))
        ((stop? mapper successor seed tail-gen)
         (let loop ((seed seed) (acc '()))
           (if (stop? seed)
               (append-reverse acc (tail-gen seed))
               (loop (successor seed) (cons (mapper seed) acc)))))))

    (define unfold-right
      (case-lambda
        ((stop? mapper successor seed)
         (unfold-right stop? mapper successor seed '()))
        ((stop? mapper successor seed tail)
         (let loop ((seed seed) (acc tail))
           (if (stop? seed)
               acc
               (loop (successor seed) (cons (mapper seed) acc)))))))

    (define (append-map f l . ls)
      (apply append (apply map f l ls)))
    (define append-map! append-map)

    (define (pair-for-each f l . ls)
      (if (null? ls)
          (let loop ((l l))
            (if (pair? l) (let ((next (cdr l))) (f l) (loop next))))
          (let loop ((ls (cons l ls)))
            (if (cars ls)
                (let ((next (map cdr ls))) (apply f ls) (loop next))))))

    (define (filter-map f l . ls)
      (let loop ((ls (cons l ls)) (acc '()))
        (let ((xs (cars ls)))
          (if xs
              (let ((v (apply f xs)))
                (loop (map cdr ls) (if v (cons v acc) acc)))
              (reverse acc)))))

    ;; The base map already applies f from the first element on.
    (define map-in-order map)
    (define map! map)

    ;; --- filtering and partitioning ---

    (define (filter pred l)
      (let loop ((l l) (acc '()))
        (cond ((null? l) (reverse acc))
              ((pred (car l)) (loop (cdr l) (cons (car l) acc)))
              (else (loop (cdr l) acc)))))

    (define (remove pred l) (filter (lambda (x) (not (pred x))) l))

    (define (partition pred l)
      (let loop ((l l) (in '()) (out '()))
        (cond ((null? l) (values (reverse in) (reverse out)))
              ((pred (car l)) (loop (cdr l) (cons (car l) in) out))
              (else (loop (cdr l) in (cons (car l) out))))))

    (define filter! filter)
    (define remove! remove)
    (define partition! partition)

    ;; --- searching ---

    (define (find-tail pred l)
      (let loop ((l l))
        (cond ((not (pair? l)) #f)
              ((pred (car l)) l)
              (else (loop (cdr l))))))

    (define (find pred l)
      (let ((t (find-tail pred l))) (and t (car t))))

    (define (take-while pred l)
      (let loop ((l l) (acc '()))
        (if (and (pair? l) (pred (car l)))
            (loop (cdr l) (cons (car l) acc))
            (reverse acc))))
    (define take-while! take-while)

    (define (drop-while pred l)
      (let loop ((l l))
        (if (and (pair? l) (pred (car l))) (loop (cdr l)) l)))

    (define (span pred l)
      (let loop ((l l) (acc '()))
        (if (and (pair? l) (pred (car l)))
            (loop (cdr l) (cons (car l) acc))
            (values (reverse acc) l))))
    (define (break pred l) (span (lambda (x) (not (pred x))) l))
    (define span! span)
    (define break! break)

    (define (any pred l . ls)
      (if (null? ls)
          (let loop ((l l))
            (and (pair? l)
                 (if (pair? (cdr l))
                     (or (pred (car l)) (loop (cdr l)))
                     (pred (car l)))))
          (let loop ((ls (cons l ls)))
            (let ((xs (cars ls)))
              (and xs
                   (let ((next (map cdr ls)))
                     (if (cars next)
                         (or (apply pred xs) (loop next))
                         (apply pred xs))))))))

    ;; The last call is a tail call, as SRFI 1 asks of every and any.
    (define (every pred l . ls)
      (if (null? ls)
          (let loop ((l l))
            (or (not (pair? l))
                (if (pair? (cdr l))
                    (and (pred (car l)) (loop (cdr l)))
                    (pred (car l)))))
          (let loop ((ls (cons l ls)))
            (let ((xs (cars ls)))
              (or (not xs)
                  (let ((next (map cdr ls)))
                    (if (cars next)
                        (and (apply pred xs) (loop next))
                        (apply pred xs))))))))

    (define (list-index pred l . ls)
      (let loop ((ls (cons l ls)) (i 0))
        (let ((xs (cars ls)))
          (cond ((not xs) #f)
                ((apply pred xs) i)
                (else (loop (map cdr ls) (+ i 1)))))))

    ;; --- deleting ---

    (define delete
      (case-lambda
        ((x l) (delete x l equal?))
        ((x l same?) (filter (lambda (y) (not (same? x y))) l))))
    (define delete! delete)

    (define delete-duplicates
      (case-lambda
        ((l) (delete-duplicates l equal?))
        ((l same?)
         (let loop ((l l) (acc '()))
           (if (null? l)
               (reverse acc)
               (loop (delete (car l) (cdr l) same?) (cons (car l) acc)))))))
    (define delete-duplicates! delete-duplicates)

    ;; --- association lists ---

    (define (alist-cons key datum alist) (cons (cons key datum) alist))

    (define (alist-copy alist)
      (map (lambda (entry) (cons (car entry) (cdr entry))) alist))

    (define alist-delete
      (case-lambda
        ((key alist) (alist-delete key alist equal?))
        ((key alist same?)
         (filter (lambda (entry) (not (same? key (car entry)))) alist))))
    (define alist-delete! alist-delete)

    ;; --- lists as sets ---

    (define (in? same? x l) (member x l (lambda (a b) (same? b a))))

    (define (subset? same? a b)
      (every (lambda (x) (any (lambda (y) (same? x y)) b)) a))

    (define (lset<= same? . lists)
      (or (null? lists) (null? (cdr lists))
          (and (subset? same? (car lists) (cadr lists))
               (apply lset<= same? (cdr lists)))))

    (define (lset= same? . lists)
      (or (null? lists) (null? (cdr lists))
          (and (subset? same? (car lists) (cadr lists))
               (subset? (lambda (a b) (same? b a)) (cadr lists) (car lists))
               (apply lset= same? (cdr lists)))))

    (define (lset-adjoin same? l . elts)
      (fold (lambda (x acc) (if (in? same? x acc) acc (cons x acc))) l elts))

    (define (lset-union same? . lists)
      (reduce (lambda (l acc)
                (cond ((null? acc) l)
                      ((eq? l acc) acc)
                      (else
                       (fold (lambda (x acc)
                               (if (any (lambda (y) (same? y x)) acc)
                                   acc
                                   (cons x acc)))
                             acc l))))
              '() lists))

    (define (lset-intersection same? l . lists)
      (filter (lambda (x)
                (every (lambda (other) (any (lambda (y) (same? x y)) other))
                       lists))
              l))

    (define (lset-difference same? l . lists)
      (filter (lambda (x)
                (every (lambda (other) (not (any (lambda (y) (same? x y)) other)))
                       lists))
              l))

    (define (lset-xor same? . lists)
      (reduce (lambda (b a)
                (append (lset-difference same? a b)
                        (lset-difference (lambda (x y) (same? y x)) b a)))
              '() lists))

    (define (lset-diff+intersection same? l . lists)
      (partition (lambda (x)
                   (not (any (lambda (other) (any (lambda (y) (same? x y)) other))
                             lists)))
                 l))

    (define lset-union! lset-union)
    (define lset-intersection! lset-intersection)
    (define lset-difference! lset-difference)
    (define lset-xor! lset-xor)
    (define lset-diff+intersection! lset-diff+intersection)))
