;;; (srfi 134): immutable deques, as a banker's deque: a front list and a
;;; reversed back list with their lengths, rebalanced when one grows more
;;; than three times the other, so each end is reached in amortised O(1).
;;; also-named: (scheme ideque)
(define-library (srfi 134)
  (import (scheme base) (scheme case-lambda))
  (export ideque ideque-tabulate ideque-unfold ideque-unfold-right ideque?
          ideque-empty? ideque= ideque-any ideque-every ideque-front
          ideque-back ideque-remove-front ideque-remove-back
          ideque-add-front ideque-add-back ideque-ref ideque-take
          ideque-take-right ideque-drop ideque-drop-right ideque-split-at
          ideque-length ideque-append ideque-reverse ideque-count ideque-zip
          ideque-map ideque-filter-map ideque-for-each ideque-for-each-right
          ideque-fold ideque-fold-right ideque-append-map ideque-filter
          ideque-remove ideque-partition ideque-find ideque-find-right
          ideque-take-while ideque-take-while-right ideque-drop-while
          ideque-drop-while-right ideque-span ideque-break list->ideque
          ideque->list generator->ideque ideque->generator)
  (begin
    (define-record-type <ideque>
      (raw-ideque lenf front lenr rear)
      ideque?
      (lenf dq-lenf)
      (front dq-front)
      (lenr dq-lenr)
      (rear dq-rear))

    (define (take l n) (if (zero? n) '() (cons (car l) (take (cdr l) (- n 1)))))

    ;; Splits the elements evenly when one side outgrows the other.
    (define (balanced lenf f lenr r)
      (let ((n (+ lenf lenr)))
        (cond ((> lenf (+ (* 3 lenr) 1))
               (let ((keep (quotient n 2)))
                 (raw-ideque keep (take f keep)
                             (- n keep) (append r (reverse (list-tail f keep))))))
              ((> lenr (+ (* 3 lenf) 1))
               (let ((keep (quotient n 2)))
                 (raw-ideque (- n keep) (append f (reverse (list-tail r keep)))
                             keep (take r keep))))
              (else (raw-ideque lenf f lenr r)))))

    (define empty (raw-ideque 0 '() 0 '()))

    (define (list->ideque l) (balanced (length l) l 0 '()))
    (define (ideque . xs) (list->ideque xs))
    (define (ideque->list dq) (append (dq-front dq) (reverse (dq-rear dq))))

    (define (ideque-tabulate n proc)
      (let loop ((i (- n 1)) (acc '()))
        (if (< i 0) (list->ideque acc) (loop (- i 1) (cons (proc i) acc)))))

    (define (ideque-unfold stop? mapper successor seed)
      (let loop ((seed seed) (acc '()))
        (if (stop? seed)
            (list->ideque (reverse acc))
            (loop (successor seed) (cons (mapper seed) acc)))))

    (define (ideque-unfold-right stop? mapper successor seed)
      (let loop ((seed seed) (acc '()))
        (if (stop? seed)
            (list->ideque acc)
            (loop (successor seed) (cons (mapper seed) acc)))))

    (define (ideque-length dq) (+ (dq-lenf dq) (dq-lenr dq)))
    (define (ideque-empty? dq) (zero? (ideque-length dq)))

    (define (check-nonempty who dq)
      (if (ideque-empty? dq) (error (string-append who ": the ideque is empty") dq)))

    ;; With the invariant, an empty side means the other holds at most one.
    (define (ideque-front dq)
      (check-nonempty "ideque-front" dq)
      (if (null? (dq-front dq)) (car (dq-rear dq)) (car (dq-front dq))))

    (define (ideque-back dq)
      (check-nonempty "ideque-back" dq)
      (if (null? (dq-rear dq)) (car (dq-front dq)) (car (dq-rear dq))))

    (define (ideque-remove-front dq)
      (check-nonempty "ideque-remove-front" dq)
      (if (null? (dq-front dq))
          empty
          (balanced (- (dq-lenf dq) 1) (cdr (dq-front dq)) (dq-lenr dq) (dq-rear dq))))

    (define (ideque-remove-back dq)
      (check-nonempty "ideque-remove-back" dq)
      (if (null? (dq-rear dq))
          empty
          (balanced (dq-lenf dq) (dq-front dq) (- (dq-lenr dq) 1) (cdr (dq-rear dq)))))

    (define (ideque-add-front dq x)
      (balanced (+ (dq-lenf dq) 1) (cons x (dq-front dq)) (dq-lenr dq) (dq-rear dq)))

    (define (ideque-add-back dq x)
      (balanced (dq-lenf dq) (dq-front dq) (+ (dq-lenr dq) 1) (cons x (dq-rear dq))))

    (define (ideque-reverse dq)
      (raw-ideque (dq-lenr dq) (dq-rear dq) (dq-lenf dq) (dq-front dq)))

    (define (check-index who dq n)
      (if (not (and (exact-integer? n) (<= 0 n (ideque-length dq))))
          (error (string-append who ": index out of range") n)))

    (define (ideque-ref dq n)
      (if (not (and (exact-integer? n) (<= 0 n) (< n (ideque-length dq))))
          (error "ideque-ref: index out of range" n))
      (if (< n (dq-lenf dq))
          (list-ref (dq-front dq) n)
          (list-ref (dq-rear dq) (- (ideque-length dq) n 1))))

    (define (ideque-take dq n)
      (check-index "ideque-take" dq n)
      (list->ideque (take (ideque->list dq) n)))
    (define (ideque-drop dq n)
      (check-index "ideque-drop" dq n)
      (list->ideque (list-tail (ideque->list dq) n)))
    (define (ideque-take-right dq n)
      (check-index "ideque-take-right" dq n)
      (ideque-reverse (ideque-take (ideque-reverse dq) n)))
    (define (ideque-drop-right dq n)
      (check-index "ideque-drop-right" dq n)
      (ideque-reverse (ideque-drop (ideque-reverse dq) n)))
    (define (ideque-split-at dq n) (values (ideque-take dq n) (ideque-drop dq n)))

    (define (ideque-append . dqs)
      (list->ideque (apply append (map ideque->list dqs))))

    (define (ideque= same? . dqs)
      (define (same2 a b)
        (and (= (ideque-length a) (ideque-length b))
             (let loop ((x (ideque->list a)) (y (ideque->list b)))
               (or (null? x)
                   (and (same? (car x) (car y)) (loop (cdr x) (cdr y)))))))
      (let loop ((dqs dqs))
        (or (null? dqs) (null? (cdr dqs))
            (and (same2 (car dqs) (cadr dqs)) (loop (cdr dqs))))))

    (define (ideque-any pred dq)
      (let loop ((l (ideque->list dq)))
        (and (pair? l) (or (pred (car l)) (loop (cdr l))))))

    (define (ideque-every pred dq)
      (let loop ((l (ideque->list dq)) (last #t))
        (if (null? l) last (let ((r (pred (car l)))) (and r (loop (cdr l) r))))))

    (define (ideque-count pred dq)
      (let loop ((l (ideque->list dq)) (n 0))
        (if (null? l) n (loop (cdr l) (if (pred (car l)) (+ n 1) n)))))

    (define (ideque-zip dq . dqs)
      (list->ideque (apply map list (ideque->list dq) (map ideque->list dqs))))

    (define (ideque-map proc dq) (list->ideque (map proc (ideque->list dq))))

    (define (ideque-filter-map proc dq)
      (list->ideque
       (let loop ((l (ideque->list dq)) (acc '()))
         (if (null? l)
             (reverse acc)
             (let ((v (proc (car l)))) (loop (cdr l) (if v (cons v acc) acc)))))))

    (define (ideque-for-each proc dq) (for-each proc (ideque->list dq)))
    (define (ideque-for-each-right proc dq)
      (for-each proc (ideque->list (ideque-reverse dq))))

    (define (ideque-fold proc nil dq)
      (let loop ((l (ideque->list dq)) (acc nil))
        (if (null? l) acc (loop (cdr l) (proc (car l) acc)))))
    (define (ideque-fold-right proc nil dq) (ideque-fold proc nil (ideque-reverse dq)))

    (define (ideque-append-map proc dq)
      (list->ideque (apply append (map proc (ideque->list dq)))))

    (define (ideque-filter pred dq)
      (list->ideque (let loop ((l (ideque->list dq)))
                      (cond ((null? l) '())
                            ((pred (car l)) (cons (car l) (loop (cdr l))))
                            (else (loop (cdr l)))))))
    (define (ideque-remove pred dq) (ideque-filter (lambda (x) (not (pred x))) dq))
    (define (ideque-partition pred dq)
      (values (ideque-filter pred dq) (ideque-remove pred dq)))

    (define ideque-find
      (case-lambda
        ((pred dq) (ideque-find pred dq (lambda () #f)))
        ((pred dq failure)
         (let loop ((l (ideque->list dq)))
           (cond ((null? l) (failure))
                 ((pred (car l)) (car l))
                 (else (loop (cdr l))))))))
    (define ideque-find-right
      (case-lambda
        ((pred dq) (ideque-find pred (ideque-reverse dq)))
        ((pred dq failure) (ideque-find pred (ideque-reverse dq) failure))))

    ;; The longest prefix satisfying pred, and the rest, as lists.
    (define (span-list pred l)
      (let loop ((l l) (acc '()))
        (if (and (pair? l) (pred (car l)))
            (loop (cdr l) (cons (car l) acc))
            (values (reverse acc) l))))

    (define (ideque-span pred dq)
      (let-values (((head tail) (span-list pred (ideque->list dq))))
        (values (list->ideque head) (list->ideque tail))))
    (define (ideque-break pred dq) (ideque-span (lambda (x) (not (pred x))) dq))

    (define (ideque-take-while pred dq)
      (let-values (((head tail) (ideque-span pred dq))) head))
    (define (ideque-drop-while pred dq)
      (let-values (((head tail) (ideque-span pred dq))) tail))
    (define (ideque-take-while-right pred dq)
      (ideque-reverse (ideque-take-while pred (ideque-reverse dq))))
    (define (ideque-drop-while-right pred dq)
      (ideque-reverse (ideque-drop-while pred (ideque-reverse dq))))

    (define (generator->ideque gen)
      (let loop ((acc '()))
        (let ((x (gen)))
          (if (eof-object? x) (list->ideque (reverse acc)) (loop (cons x acc))))))

    (define (ideque->generator dq)
      (lambda ()
        (if (ideque-empty? dq)
            (eof-object)
            (let ((x (ideque-front dq)))
              (set! dq (ideque-remove-front dq))
              x))))))
