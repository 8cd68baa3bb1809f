;;; (srfi 152): the reduced string library.  Its procedures are (srfi 135)'s
;;; on strings: those returning characters, indexes or booleans are the
;;; very same procedures, renamed; those returning texts are wrapped to
;;; return fresh strings.  The R7RS string procedures are re-exported.
(define-library (srfi 152)
  (import (scheme base) (scheme char) (srfi 135))
  (export string? make-string string string->vector string->list
          vector->string list->string string-length string-ref substring
          string-copy string=? string<? string>? string<=? string>=?
          string-ci=? string-ci<? string-ci>? string-ci<=? string-ci>=?
          string-append string-map string-for-each read-string write-string
          string-set! string-fill! string-copy!
          (rename textual-null? string-null?)
          (rename textual-every string-every)
          (rename textual-any string-any)
          (rename textual-prefix-length string-prefix-length)
          (rename textual-suffix-length string-suffix-length)
          (rename textual-prefix? string-prefix?)
          (rename textual-suffix? string-suffix?)
          (rename textual-index string-index)
          (rename textual-index-right string-index-right)
          (rename textual-skip string-skip)
          (rename textual-skip-right string-skip-right)
          (rename textual-contains string-contains)
          (rename textual-contains-right string-contains-right)
          (rename textual-fold string-fold)
          (rename textual-fold-right string-fold-right)
          (rename textual-for-each-index string-for-each-index)
          (rename textual-count string-count)
          string-tabulate string-unfold string-unfold-right
          reverse-list->string string-take string-drop string-take-right
          string-drop-right string-pad string-pad-right string-trim
          string-trim-right string-trim-both string-replace
          string-take-while string-take-while-right string-drop-while
          string-drop-while-right string-span string-break
          string-concatenate string-concatenate-reverse string-join
          string-map-index string-filter string-remove string-replicate
          string-segment string-split)
  (begin
    (define-syntax define-as-string
      (syntax-rules ()
        ((_ (name textual-name) ...)
         (begin
           (define (name . args) (textual->string (apply textual-name args)))
           ...))))

    (define-as-string
      (string-tabulate text-tabulate) (string-unfold text-unfold)
      (string-unfold-right text-unfold-right)
      (reverse-list->string reverse-list->text) (string-take textual-take)
      (string-drop textual-drop) (string-take-right textual-take-right)
      (string-drop-right textual-drop-right) (string-pad textual-pad)
      (string-pad-right textual-pad-right) (string-trim textual-trim)
      (string-trim-right textual-trim-right) (string-trim-both textual-trim-both)
      (string-replace textual-replace) (string-concatenate textual-concatenate)
      (string-concatenate-reverse textual-concatenate-reverse)
      (string-join textual-join) (string-map-index textual-map-index)
      (string-filter textual-filter) (string-remove textual-remove)
      (string-replicate textual-replicate))

    ;; The bounds of the optional [start end] of s.
    (define (bounds s opt)
      (values (if (pair? opt) (car opt) 0)
              (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) (string-length s))))

    (define (string-take-while s pred . opt)
      (let-values (((start end) (bounds s opt)))
        (substring s start (or (textual-skip s pred start end) end))))
    (define (string-drop-while s pred . opt)
      (let-values (((start end) (bounds s opt)))
        (substring s (or (textual-skip s pred start end) end) end)))
    (define (string-take-while-right s pred . opt)
      (let-values (((start end) (bounds s opt)))
        (substring s (let ((i (textual-skip-right s pred start end))) (if i (+ i 1) start)) end)))
    (define (string-drop-while-right s pred . opt)
      (let-values (((start end) (bounds s opt)))
        (substring s start (let ((i (textual-skip-right s pred start end))) (if i (+ i 1) start)))))
    (define (string-span s pred . opt)
      (let-values (((start end) (bounds s opt)))
        (let ((i (or (textual-skip s pred start end) end)))
          (values (substring s start i) (substring s i end)))))
    (define (string-break s pred . opt)
      (apply string-span s (lambda (c) (not (pred c))) opt))

    (define (string-segment s k)
      (if (not (and (exact-integer? k) (> k 0)))
          (error "string-segment: segment length must be a positive integer" k))
      (let loop ((i 0) (acc '()))
        (if (>= i (string-length s))
            (reverse acc)
            (loop (+ i k) (cons (substring s i (min (string-length s) (+ i k))) acc)))))

    (define (string-split . args) (map textual->string (apply textual-split args)))))
