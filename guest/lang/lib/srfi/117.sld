;;; (srfi 117): queues based on lists, a record holding the first and last
;;; pairs so both ends can be reached in O(1).  As in SRFI 1's unfold and
;;; unfold-right, list-queue-unfold puts the generated elements before the
;;; queue in the order generated, list-queue-unfold-right after it in
;;; reverse.
;;; also-named: (scheme list-queue)
(define-library (srfi 117)
  (import (scheme base) (scheme case-lambda))
  (export make-list-queue list-queue list-queue-copy list-queue-unfold
          list-queue-unfold-right list-queue? list-queue-empty?
          list-queue-front list-queue-back list-queue-list
          list-queue-first-last list-queue-add-front! list-queue-add-back!
          list-queue-remove-front! list-queue-remove-back!
          list-queue-remove-all! list-queue-set-list! list-queue-append
          list-queue-append! list-queue-concatenate list-queue-map
          list-queue-map! list-queue-for-each)
  (begin
    (define-record-type <list-queue>
      (raw-queue first last)
      list-queue?
      (first queue-first set-queue-first!)
      (last queue-last set-queue-last!))

    (define (last-pair l) (if (pair? (cdr l)) (last-pair (cdr l)) l))

    (define make-list-queue
      (case-lambda
        ((l) (raw-queue l (if (null? l) '() (last-pair l))))
        ((l last) (raw-queue l last))))

    (define (list-queue . elements) (make-list-queue elements))

    (define (list-queue-copy q) (make-list-queue (list-copy (queue-first q))))

    (define (list-queue-empty? q) (null? (queue-first q)))

    (define (check-nonempty who q)
      (if (list-queue-empty? q)
          (error (string-append who ": the list queue is empty") q)))

    (define (list-queue-front q)
      (check-nonempty "list-queue-front" q)
      (car (queue-first q)))

    (define (list-queue-back q)
      (check-nonempty "list-queue-back" q)
      (car (queue-last q)))

    (define (list-queue-list q) (queue-first q))

    (define (list-queue-first-last q) (values (queue-first q) (queue-last q)))

    (define (list-queue-add-front! q x)
      (let ((p (cons x (queue-first q))))
        (if (null? (queue-first q)) (set-queue-last! q p))
        (set-queue-first! q p)))

    (define (list-queue-add-back! q x)
      (let ((p (list x)))
        (if (null? (queue-first q))
            (set-queue-first! q p)
            (set-cdr! (queue-last q) p))
        (set-queue-last! q p)))

    (define (list-queue-remove-front! q)
      (check-nonempty "list-queue-remove-front!" q)
      (let ((p (queue-first q)))
        (set-queue-first! q (cdr p))
        (if (null? (cdr p)) (set-queue-last! q '()))
        (car p)))

    (define (list-queue-remove-back! q)
      (check-nonempty "list-queue-remove-back!" q)
      (let ((x (car (queue-last q))) (first (queue-first q)))
        (if (null? (cdr first))
            (begin (set-queue-first! q '()) (set-queue-last! q '()))
            (let loop ((p first))
              (if (eq? (cdr p) (queue-last q))
                  (begin (set-cdr! p '()) (set-queue-last! q p))
                  (loop (cdr p)))))
        x))

    (define (list-queue-remove-all! q)
      (let ((l (queue-first q)))
        (set-queue-first! q '())
        (set-queue-last! q '())
        l))

    (define list-queue-set-list!
      (case-lambda
        ((q l) (list-queue-set-list! q l (if (null? l) '() (last-pair l))))
        ((q l last) (set-queue-first! q l) (set-queue-last! q last))))

    (define (list-queue-concatenate qs)
      (make-list-queue (apply append (map queue-first qs))))

    (define (list-queue-append . qs) (list-queue-concatenate qs))

    ;; Links the queues' lists together instead of copying them.
    (define (list-queue-append! . qs)
      (let ((out (list-queue)))
        (for-each (lambda (q)
                    (unless (list-queue-empty? q)
                      (if (list-queue-empty? out)
                          (set-queue-first! out (queue-first q))
                          (set-cdr! (queue-last out) (queue-first q)))
                      (set-queue-last! out (queue-last q))))
                  qs)
        out))

    (define list-queue-unfold
      (case-lambda
        ((stop? mapper successor seed)
         (list-queue-unfold stop? mapper successor seed (list-queue)))
        ((stop? mapper successor seed q)
         (let loop ((seed seed) (acc '()))
           (if (stop? seed)
               (begin (for-each (lambda (x) (list-queue-add-front! q x)) acc) q)
               (loop (successor seed) (cons (mapper seed) acc)))))))

    (define list-queue-unfold-right
      (case-lambda
        ((stop? mapper successor seed)
         (list-queue-unfold-right stop? mapper successor seed (list-queue)))
        ((stop? mapper successor seed q)
         (let loop ((seed seed) (acc '()))
           (if (stop? seed)
               (begin (for-each (lambda (x) (list-queue-add-back! q x)) acc) q)
               (loop (successor seed) (cons (mapper seed) acc)))))))

    (define (list-queue-map proc q) (make-list-queue (map proc (queue-first q))))

    (define (list-queue-map! proc q)
      (let loop ((p (queue-first q)))
        (when (pair? p)
          (set-car! p (proc (car p)))
          (loop (cdr p)))))

    (define (list-queue-for-each proc q) (for-each proc (queue-first q)))))
