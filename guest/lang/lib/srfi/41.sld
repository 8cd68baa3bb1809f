;;; (srfi 41): streams.  A stream is a record holding an R7RS promise that
;;; yields either the null marker or a stream pair of a promised car and a
;;; stream cdr; stream-lambda bodies are chained with delay-force, so
;;; walking a long stream runs in constant space.
;;; also-named: (scheme stream)
(define-library (srfi 41)
  (import (scheme base) (scheme lazy) (scheme case-lambda))
  (export stream-null stream-cons stream? stream-null? stream-pair?
          stream-car stream-cdr stream-lambda
          define-stream list->stream port->stream stream stream->list
          stream-append stream-concat stream-constant stream-drop
          stream-drop-while stream-filter stream-fold stream-for-each
          stream-from stream-iterate stream-length stream-let stream-map
          stream-match stream-of stream-range stream-ref stream-reverse
          stream-scan stream-take stream-take-while stream-unfold
          stream-unfolds stream-zip)
  (begin
    (define-record-type <stream>
      (make-stream promise)
      stream?
      (promise stream-promise))

    (define-record-type <stream-pair>
      (make-stream-pair kar kdr)
      stream-pair-record?
      (kar stream-pair-kar)
      (kdr stream-pair-kdr))

    (define null-marker (list 'stream-null))

    (define stream-null (make-stream (delay null-marker)))

    (define (promise-of who x)
      (if (stream? x)
          (stream-promise x)
          (error (string-append who ": not a stream") x)))

    ;; A stream whose value is that of the stream expression, computed on
    ;; demand; delay-force keeps chains of these iterative.
    (define-syntax lazy-stream
      (syntax-rules ()
        ((_ expr) (make-stream (delay-force (promise-of "stream" expr))))))

    (define-syntax stream-cons
      (syntax-rules ()
        ((_ a b) (make-stream (delay (make-stream-pair (delay a) (lazy-stream b)))))))

    (define-syntax stream-lambda
      (syntax-rules ()
        ((_ formals body0 body ...)
         (lambda formals (lazy-stream (let () body0 body ...))))))

    (define (stream-null? x)
      (and (stream? x) (eq? (force (stream-promise x)) null-marker)))

    (define (stream-pair? x)
      (and (stream? x) (stream-pair-record? (force (stream-promise x)))))

    (define (pair-of who s)
      (let ((v (force (promise-of who s))))
        (if (stream-pair-record? v)
            v
            (error (string-append who ": the stream is empty") s))))

    (define (stream-car s) (force (stream-pair-kar (pair-of "stream-car" s))))
    (define (stream-cdr s) (stream-pair-kdr (pair-of "stream-cdr" s)))

    ;; --- derived syntax ---

    (define-syntax define-stream
      (syntax-rules ()
        ((_ (name . formals) body0 body ...)
         (define name (stream-lambda formals body0 body ...)))))

    (define-syntax stream
      (syntax-rules ()
        ((_) stream-null)
        ((_ x y ...) (stream-cons x (stream y ...)))))

    (define-syntax stream-let
      (syntax-rules ()
        ((_ tag ((var expr) ...) body0 body ...)
         ((letrec ((tag (stream-lambda (var ...) body0 body ...))) tag) expr ...))))

    ;; (stream-of expr clause ...): each (var in s) loops, nested left to
    ;; right; (var is e) binds; any other clause filters.
    (define-syntax stream-of
      (syntax-rules (in is)
        ((_ expr) (stream expr))
        ((_ expr (var in s) clause ...)
         (stream-concat (stream-map (lambda (var) (stream-of expr clause ...)) s)))
        ((_ expr (var is e) clause ...)
         (let ((var e)) (stream-of expr clause ...)))
        ((_ expr test clause ...)
         (if test (stream-of expr clause ...) stream-null))))

    ;; (stream-match s clause ...): clauses are (pattern [fender] expr).
    ;; A pattern element _ is matched like any identifier (it is bound,
    ;; which is harmless since _ cannot be referred to).
    (define-syntax stream-match
      (syntax-rules ()
        ((_ s-expr clause ...)
         (let ((s s-expr))
           (match-clauses s clause ...)))))

    (define-syntax match-clauses
      (syntax-rules ()
        ((_ s) (error "stream-match: no pattern matches" s))
        ((_ s (pattern fender expr) clause ...)
         (let ((r (match-pattern s pattern (if fender (list expr) #f))))
           (if r (car r) (match-clauses s clause ...))))
        ((_ s (pattern expr) clause ...)
         (let ((r (match-pattern s pattern (list expr))))
           (if r (car r) (match-clauses s clause ...))))))

    ;; Evaluates body (a one-element list, or #f) with the pattern's
    ;; variables bound, or gives #f when the stream does not fit.
    (define-syntax match-pattern
      (syntax-rules ()
        ((_ s () body) (if (stream-null? s) body #f))
        ((_ s (p . rest) body)
         (if (stream-pair? s)
             (let ((p (stream-car s)) (tail (stream-cdr s)))
               (match-pattern tail rest body))
             #f))
        ((_ s var body) (let ((var s)) body))))

    ;; --- procedures ---

    (define (list->stream l)
      (if (not (list? l)) (error "list->stream: not a list" l))
      (let build ((l l))
        (if (null? l) stream-null (stream-cons (car l) (build (cdr l))))))

    (define port->stream
      (case-lambda
        (() (port->stream (current-input-port)))
        ((port)
         (let loop ()
           (lazy-stream
            (let ((c (read-char port)))
              (if (eof-object? c) stream-null (stream-cons c (loop)))))))))

    (define stream->list
      (case-lambda
        ((s) (stream->list -1 s))
        ((n s)
         (let loop ((s s) (n n) (acc '()))
           (if (or (zero? n) (not (stream-pair? s)))
               (begin (promise-of "stream->list" s) (reverse acc))
               (loop (stream-cdr s) (- n 1) (cons (stream-car s) acc)))))))

    (define-stream (stream-append . ss)
      (cond ((null? ss) stream-null)
            ((stream-null? (car ss)) (apply stream-append (cdr ss)))
            (else (stream-cons (stream-car (car ss))
                               (apply stream-append (stream-cdr (car ss)) (cdr ss))))))

    (define-stream (stream-concat ss)
      (cond ((stream-null? ss) stream-null)
            ((stream-null? (stream-car ss)) (stream-concat (stream-cdr ss)))
            (else (stream-cons (stream-car (stream-car ss))
                               (stream-concat (stream-cons (stream-cdr (stream-car ss))
                                                           (stream-cdr ss)))))))

    (define (stream-constant . objs)
      (if (null? objs)
          stream-null
          (let loop ((l objs))
            (if (null? l) (loop objs) (stream-cons (car l) (loop (cdr l)))))))

    (define-stream (stream-drop n s)
      (if (or (zero? n) (stream-null? s))
          s
          (stream-drop (- n 1) (stream-cdr s))))

    (define-stream (stream-drop-while pred s)
      (if (and (stream-pair? s) (pred (stream-car s)))
          (stream-drop-while pred (stream-cdr s))
          s))

    (define-stream (stream-filter pred s)
      (cond ((stream-null? s) stream-null)
            ((pred (stream-car s))
             (stream-cons (stream-car s) (stream-filter pred (stream-cdr s))))
            (else (stream-filter pred (stream-cdr s)))))

    (define (stream-fold proc base s)
      (let loop ((acc base) (s s))
        (if (stream-pair? s)
            (loop (proc acc (stream-car s)) (stream-cdr s))
            (begin (promise-of "stream-fold" s) acc))))

    (define (stream-for-each proc s . ss)
      (let loop ((ss (cons s ss)))
        (when (let all ((l ss)) (or (null? l) (and (stream-pair? (car l)) (all (cdr l)))))
          (apply proc (map stream-car ss))
          (loop (map stream-cdr ss)))))

    (define stream-from
      (case-lambda
        ((first) (stream-from first 1))
        ((first step)
         (let loop ((x first)) (stream-cons x (loop (+ x step)))))))

    (define (stream-iterate proc base)
      (let loop ((x base)) (stream-cons x (loop (proc x)))))

    (define (stream-length s)
      (let loop ((s s) (n 0))
        (if (stream-pair? s) (loop (stream-cdr s) (+ n 1)) n)))

    (define-stream (stream-map proc s . ss)
      (let ((ss (cons s ss)))
        (if (let all ((l ss)) (or (null? l) (and (stream-pair? (car l)) (all (cdr l)))))
            (stream-cons (apply proc (map stream-car ss))
                         (apply stream-map proc (map stream-cdr ss)))
            stream-null)))

    (define stream-range
      (case-lambda
        ((first past) (stream-range first past (if (< first past) 1 -1)))
        ((first past step)
         (let loop ((x first))
           (if (if (> step 0) (< x past) (> x past))
               (stream-cons x (loop (+ x step)))
               stream-null)))))

    (define (stream-ref s n)
      (let loop ((s s) (n n))
        (cond ((not (stream-pair? s)) (error "stream-ref: index beyond the stream" n))
              ((zero? n) (stream-car s))
              (else (loop (stream-cdr s) (- n 1))))))

    (define (stream-reverse s)
      (let loop ((s s) (acc stream-null))
        (if (stream-pair? s)
            (loop (stream-cdr s) (let ((x (stream-car s))) (stream-cons x acc)))
            acc)))

    (define-stream (stream-scan proc base s)
      (if (stream-pair? s)
          (stream-cons base (stream-scan proc (proc base (stream-car s)) (stream-cdr s)))
          (stream base)))

    (define-stream (stream-take n s)
      (if (or (zero? n) (stream-null? s))
          stream-null
          (stream-cons (stream-car s) (stream-take (- n 1) (stream-cdr s)))))

    (define-stream (stream-take-while pred s)
      (if (and (stream-pair? s) (pred (stream-car s)))
          (stream-cons (stream-car s) (stream-take-while pred (stream-cdr s)))
          stream-null))

    (define (stream-unfold mapper pred gen base)
      (let loop ((x base))
        (if (pred x) (stream-cons (mapper x) (loop (gen x))) stream-null)))

    ;; One shared stream of result lists, from which each output stream
    ;; picks its column.
    (define (stream-unfolds proc seed)
      (define-stream (results seed)
        (call-with-values (lambda () (proc seed))
          (lambda (next . rs) (stream-cons rs (results next)))))
      (define-stream (column i rs)
        (let ((r (list-ref (stream-car rs) i)))
          (cond ((not r) (column i (stream-cdr rs)))
                ((null? r) stream-null)
                (else (stream-cons (car r) (column i (stream-cdr rs)))))))
      (let* ((rs (results seed))
             (n (length (stream-car rs))))
        (let loop ((i (- n 1)) (acc '()))
          (if (< i 0)
              (apply values acc)
              (loop (- i 1) (cons (column i rs) acc))))))

    (define (stream-zip s . ss) (apply stream-map list s ss))))
