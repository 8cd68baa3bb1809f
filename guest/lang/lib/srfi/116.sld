;;; (srfi 116): immutable lists.  An ipair is a record of icar and icdr,
;;; disjoint from pairs; ilists end in the empty list.  Procedures that
;;; build new lists convert to ordinary lists, reuse (srfi 1), and convert
;;; back (the cost stays O(n)); those that return a tail of their argument
;;; walk the ipairs themselves, so the tail is shared.
;;; also-named: (scheme ilist)
(define-library (srfi 116)
  (import (scheme base) (scheme case-lambda) (prefix (srfi 1) s1:) (srfi 128))
  (export iq ipair ilist xipair ipair* make-ilist ilist-tabulate ilist-copy iiota
          ipair? proper-ilist? ilist? dotted-ilist? not-ipair? null-ilist? ilist=
          icar icdr icaar icadr icdar icddr icaaar icaadr icadar icaddr icdaar
          icdadr icddar icdddr icaaaar icaaadr icaadar icaaddr icadaar icadadr
          icaddar icadddr icdaaar icdaadr icdadar icdaddr icddaar icddadr
          icdddar icddddr ilist-ref
          ifirst isecond ithird ifourth ififth isixth iseventh ieighth ininth
          itenth icar+icdr itake idrop ilist-tail itake-right idrop-right
          isplit-at ilast last-ipair
          ilength iappend iconcatenate ireverse iappend-reverse izip iunzip1
          iunzip2 iunzip3 iunzip4 iunzip5 icount
          imap ifor-each ifold iunfold ipair-fold ireduce ifold-right
          iunfold-right ipair-fold-right ireduce-right iappend-map
          ipair-for-each ifilter-map imap-in-order
          ifilter ipartition iremove
          imember imemq imemv ifind ifind-tail iany ievery ilist-index
          itake-while idrop-while ispan ibreak
          idelete idelete-duplicates
          iassoc iassq iassv ialist-cons ialist-delete
          replace-icar replace-icdr
          pair->ipair ipair->pair list->ilist ilist->list tree->itree
          itree->tree gtree->itree gtree->tree
          iapply
          ipair-comparator ilist-comparator make-ilist-comparator
          make-improper-ilist-comparator make-ipair-comparator
          make-icar-comparator make-icdr-comparator)
  (begin
    (define-record-type <ipair>
      (ipair icar icdr)
      ipair?
      (icar icar)
      (icdr icdr))

    ;; --- conversions ---

    ;; The spine of an ilist as a list, keeping a dotted tail.
    (define (ilist->list l)
      (let loop ((l l) (acc '()))
        (if (ipair? l) (loop (icdr l) (cons (icar l) acc)) (s1:append-reverse acc l))))

    (define (list->ilist l)
      (let loop ((r (let rev ((l l) (acc '()))
                      (if (pair? l) (rev (cdr l) (cons (car l) acc)) (cons l acc)))))
        (let build ((r (cdr r)) (acc (car r)))
          (if (null? r) acc (build (cdr r) (ipair (car r) acc))))))

    (define (pair->ipair p) (ipair (car p) (cdr p)))
    (define (ipair->pair p) (cons (icar p) (icdr p)))

    (define (tree->itree x)
      (if (pair? x) (ipair (tree->itree (car x)) (tree->itree (cdr x))) x))
    (define (itree->tree x)
      (if (ipair? x) (cons (itree->tree (icar x)) (itree->tree (icdr x))) x))
    (define (gtree->itree x)
      (cond ((pair? x) (ipair (gtree->itree (car x)) (gtree->itree (cdr x))))
            ((ipair? x) (ipair (gtree->itree (icar x)) (gtree->itree (icdr x))))
            (else x)))
    (define (gtree->tree x)
      (cond ((pair? x) (cons (gtree->tree (car x)) (gtree->tree (cdr x))))
            ((ipair? x) (cons (gtree->tree (icar x)) (gtree->tree (icdr x))))
            (else x)))

    (define-syntax iq
      (syntax-rules ()
        ((_ datum ...) (tree->itree '(datum ...)))))

    (define (L f) (lambda args (list->ilist (apply f args))))
    (define (proc-then-lists f) (lambda (p . ls) (apply f p (map ilist->list ls))))

    ;; --- constructors ---

    (define (ilist . xs) (list->ilist xs))
    (define (xipair d a) (ipair a d))
    (define (ipair* x . rest) (list->ilist (apply s1:cons* x rest)))
    (define make-ilist (L s1:make-list))
    (define ilist-tabulate (L s1:list-tabulate))
    (define (ilist-copy l) (list->ilist (ilist->list l)))
    (define iiota (L s1:iota))

    ;; --- predicates ---

    (define (ilist-kind l)
      (let loop ((l l))
        (cond ((null? l) 'proper) ((ipair? l) (loop (icdr l))) (else 'dotted))))
    (define (proper-ilist? x) (eq? (ilist-kind x) 'proper))
    (define ilist? proper-ilist?)
    (define (dotted-ilist? x) (eq? (ilist-kind x) 'dotted))
    (define (not-ipair? x) (not (ipair? x)))
    (define (null-ilist? l)
      (cond ((ipair? l) #f)
            ((null? l) #t)
            (else (error "null-ilist?: argument is not an ilist" l))))
    (define (ilist= same? . ls) (apply s1:list= same? (map ilist->list ls)))

    ;; --- selectors ---

    (define-syntax define-cxr
      (syntax-rules ()
        ((_ (name step ...) ...)
         (begin (define (name p) (compose-steps p step ...)) ...))))
    (define-syntax compose-steps
      (syntax-rules ()
        ((_ p) p)
        ((_ p f g ...) (f (compose-steps p g ...)))))
    (define-cxr
      (icaar icar icar) (icadr icar icdr) (icdar icdr icar) (icddr icdr icdr)
      (icaaar icar icar icar) (icaadr icar icar icdr) (icadar icar icdr icar)
      (icaddr icar icdr icdr) (icdaar icdr icar icar) (icdadr icdr icar icdr)
      (icddar icdr icdr icar) (icdddr icdr icdr icdr)
      (icaaaar icar icar icar icar) (icaaadr icar icar icar icdr)
      (icaadar icar icar icdr icar) (icaaddr icar icar icdr icdr)
      (icadaar icar icdr icar icar) (icadadr icar icdr icar icdr)
      (icaddar icar icdr icdr icar) (icadddr icar icdr icdr icdr)
      (icdaaar icdr icar icar icar) (icdaadr icdr icar icar icdr)
      (icdadar icdr icar icdr icar) (icdaddr icdr icar icdr icdr)
      (icddaar icdr icdr icar icar) (icddadr icdr icdr icar icdr)
      (icdddar icdr icdr icdr icar) (icddddr icdr icdr icdr icdr))

    (define (idrop l k) (if (zero? k) l (idrop (icdr l) (- k 1))))
    (define ilist-tail idrop)
    (define (ilist-ref l k) (icar (idrop l k)))
    (define (ifirst l) (icar l))
    (define (isecond l) (ilist-ref l 1))
    (define (ithird l) (ilist-ref l 2))
    (define (ifourth l) (ilist-ref l 3))
    (define (ififth l) (ilist-ref l 4))
    (define (isixth l) (ilist-ref l 5))
    (define (iseventh l) (ilist-ref l 6))
    (define (ieighth l) (ilist-ref l 7))
    (define (ininth l) (ilist-ref l 8))
    (define (itenth l) (ilist-ref l 9))
    (define (icar+icdr p) (values (icar p) (icdr p)))

    (define (itake l k) (list->ilist (s1:take (ilist->list l) k)))
    (define (itake-right l k)
      (let loop ((lag l) (lead (idrop l k)))
        (if (ipair? lead) (loop (icdr lag) (icdr lead)) lag)))
    (define (idrop-right l k) (list->ilist (s1:drop-right (ilist->list l) k)))
    (define (isplit-at l k) (values (itake l k) (idrop l k)))
    (define (last-ipair l) (if (ipair? (icdr l)) (last-ipair (icdr l)) l))
    (define (ilast l) (icar (last-ipair l)))

    ;; --- miscellaneous ---

    (define (ilength l)
      (let loop ((l l) (n 0)) (if (ipair? l) (loop (icdr l) (+ n 1)) n)))

    ;; The last argument is shared, as append shares its last list.
    (define (iappend . ls)
      (if (null? ls)
          '()
          (let ((rev (reverse ls)))
            (let loop ((rev (cdr rev)) (acc (car rev)))
              (if (null? rev)
                  acc
                  (loop (cdr rev) (iappend-reverse (ireverse (car rev)) acc)))))))
    (define (iconcatenate ls) (apply iappend (ilist->list ls)))
    (define (ireverse l)
      (let loop ((l l) (acc '())) (if (ipair? l) (loop (icdr l) (ipair (icar l) acc)) acc)))
    (define (iappend-reverse rev tail)
      (if (ipair? rev) (iappend-reverse (icdr rev) (ipair (icar rev) tail)) tail))

    (define (izip . ls) (list->ilist (map list->ilist (apply s1:zip (map ilist->list ls)))))
    (define (columns ls n)
      (let ((rows (map ilist->list (ilist->list ls))))
        (let loop ((i (- n 1)) (acc '()))
          (if (< i 0)
              (apply values acc)
              (loop (- i 1) (cons (list->ilist (map (lambda (r) (list-ref r i)) rows)) acc))))))
    (define (iunzip1 ls) (columns ls 1))
    (define (iunzip2 ls) (columns ls 2))
    (define (iunzip3 ls) (columns ls 3))
    (define (iunzip4 ls) (columns ls 4))
    (define (iunzip5 ls) (columns ls 5))
    (define icount (proc-then-lists s1:count))

    ;; --- fold, unfold and map ---

    (define (imap f . ls) (list->ilist (apply s1:map f (map ilist->list ls))))
    (define imap-in-order imap)
    (define (ifor-each f . ls) (apply s1:for-each f (map ilist->list ls)))
    (define (ifold kons knil . ls) (apply s1:fold kons knil (map ilist->list ls)))
    (define (ifold-right kons knil . ls) (apply s1:fold-right kons knil (map ilist->list ls)))
    (define (ireduce f ridentity l) (s1:reduce f ridentity (ilist->list l)))
    (define (ireduce-right f ridentity l) (s1:reduce-right f ridentity (ilist->list l)))

    ;; The pair procedures see the ipairs themselves.
    (define (ipair-fold kons knil l)
      (let loop ((l l) (acc knil))
        (if (ipair? l) (loop (icdr l) (kons l acc)) acc)))
    (define (ipair-fold-right kons knil l)
      (let loop ((l l))
        (if (ipair? l) (kons l (loop (icdr l))) knil)))
    (define (ipair-for-each f l)
      (let loop ((l l)) (when (ipair? l) (f l) (loop (icdr l)))))

    (define iunfold
      (case-lambda
        ((stop? mapper successor seed)
         (list->ilist (s1:unfold stop? mapper successor seed)))
        ((stop? mapper successor seed tail-gen)
         (let loop ((seed seed) (acc '()))
           (if (stop? seed)
               (let build ((acc acc) (l (tail-gen seed)))
                 (if (null? acc) l (build (cdr acc) (ipair (car acc) l))))
               (loop (successor seed) (cons (mapper seed) acc)))))))
    (define iunfold-right
      (case-lambda
        ((stop? mapper successor seed) (iunfold-right stop? mapper successor seed '()))
        ((stop? mapper successor seed tail)
         (let loop ((seed seed) (acc tail))
           (if (stop? seed) acc (loop (successor seed) (ipair (mapper seed) acc)))))))

    (define (iappend-map f . ls)
      (apply iappend (apply s1:map f (map ilist->list ls))))
    (define (ifilter-map f . ls) (list->ilist (apply s1:filter-map f (map ilist->list ls))))

    ;; --- filtering ---

    (define (ifilter pred l) (list->ilist (s1:filter pred (ilist->list l))))
    (define (iremove pred l) (list->ilist (s1:remove pred (ilist->list l))))
    (define (ipartition pred l)
      (let-values (((in out) (s1:partition pred (ilist->list l))))
        (values (list->ilist in) (list->ilist out))))

    ;; --- searching: results are tails of the argument ---

    (define (ifind-tail pred l)
      (let loop ((l l))
        (cond ((not (ipair? l)) #f) ((pred (icar l)) l) (else (loop (icdr l))))))
    (define (ifind pred l) (let ((t (ifind-tail pred l))) (and t (icar t))))
    (define imember
      (case-lambda
        ((x l) (imember x l equal?))
        ((x l same?) (ifind-tail (lambda (y) (same? x y)) l))))
    (define (imemq x l) (imember x l eq?))
    (define (imemv x l) (imember x l eqv?))
    (define (iany pred . ls) (apply s1:any pred (map ilist->list ls)))
    (define (ievery pred . ls) (apply s1:every pred (map ilist->list ls)))
    (define (ilist-index pred . ls) (apply s1:list-index pred (map ilist->list ls)))
    (define (itake-while pred l) (list->ilist (s1:take-while pred (ilist->list l))))
    (define (idrop-while pred l)
      (let loop ((l l)) (if (and (ipair? l) (pred (icar l))) (loop (icdr l)) l)))
    (define (ispan pred l) (values (itake-while pred l) (idrop-while pred l)))
    (define (ibreak pred l) (ispan (lambda (x) (not (pred x))) l))

    ;; --- deleting and association lists ---

    (define (idelete x l . same) (list->ilist (apply s1:delete x (ilist->list l) same)))
    (define (idelete-duplicates l . same)
      (list->ilist (apply s1:delete-duplicates (ilist->list l) same)))
    (define iassoc
      (case-lambda
        ((x l) (iassoc x l equal?))
        ((x l same?)
         (let loop ((l l))
           (cond ((not (ipair? l)) #f)
                 ((same? x (icar (icar l))) (icar l))
                 (else (loop (icdr l))))))))
    (define (iassq x l) (iassoc x l eq?))
    (define (iassv x l) (iassoc x l eqv?))
    (define (ialist-cons k v l) (ipair (ipair k v) l))
    (define (ialist-delete key l . same)
      (let ((same? (if (pair? same) (car same) equal?)))
        (ifilter (lambda (e) (not (same? key (icar e)))) l)))

    (define (replace-icar p x) (ipair x (icdr p)))
    (define (replace-icdr p x) (ipair (icar p) x))

    (define (iapply f . args)
      (let ((rev (reverse args)))
        (apply f (append (reverse (cdr rev)) (ilist->list (car rev))))))

    ;; --- comparators ---

    (define (make-ipair-comparator ca cd)
      (make-comparator
       (lambda (x) (and (ipair? x) (comparator-test-type ca (icar x))
                        (comparator-test-type cd (icdr x))))
       (lambda (a b) (and (=? ca (icar a) (icar b)) (=? cd (icdr a) (icdr b))))
       (lambda (a b) (if (=? ca (icar a) (icar b)) (<? cd (icdr a) (icdr b)) (<? ca (icar a) (icar b))))
       (lambda (x) (modulo (+ (* 31 (comparator-hash ca (icar x))) (comparator-hash cd (icdr x)))
                           (hash-bound)))))

    (define (make-icar-comparator c)
      (make-comparator (lambda (x) (and (ipair? x) (comparator-test-type c (icar x))))
                       (lambda (a b) (=? c (icar a) (icar b)))
                       (lambda (a b) (<? c (icar a) (icar b)))
                       (lambda (x) (comparator-hash c (icar x)))))
    (define (make-icdr-comparator c)
      (make-comparator (lambda (x) (and (ipair? x) (comparator-test-type c (icdr x))))
                       (lambda (a b) (=? c (icdr a) (icdr b)))
                       (lambda (a b) (<? c (icdr a) (icdr b)))
                       (lambda (x) (comparator-hash c (icdr x)))))

    (define (make-ilist-comparator c)
      (make-list-comparator c proper-ilist? null? icar icdr))

    ;; The empty list, then ipairs (by icar, then icdr), then anything else
    ;; by the element comparator.
    (define (make-improper-ilist-comparator c)
      (define (rank x) (cond ((null? x) 0) ((ipair? x) 1) (else 2)))
      (define (same? a b)
        (and (= (rank a) (rank b))
             (case (rank a)
               ((0) #t)
               ((1) (and (same? (icar a) (icar b)) (same? (icdr a) (icdr b))))
               (else (=? c a b)))))
      (define (less? a b)
        (cond ((< (rank a) (rank b)) #t)
              ((> (rank a) (rank b)) #f)
              ((= (rank a) 0) #f)
              ((= (rank a) 1) (if (same? (icar a) (icar b))
                                  (less? (icdr a) (icdr b))
                                  (less? (icar a) (icar b))))
              (else (<? c a b))))
      (define (hash x)
        (cond ((null? x) 0)
              ((ipair? x) (modulo (+ (* 31 (hash (icar x))) (hash (icdr x)) 1) (hash-bound)))
              (else (comparator-hash c x))))
      (make-comparator (lambda (x) #t) same? less? hash))

    (define ipair-comparator
      (make-ipair-comparator (make-default-comparator) (make-default-comparator)))
    (define ilist-comparator (make-ilist-comparator (make-default-comparator)))))
