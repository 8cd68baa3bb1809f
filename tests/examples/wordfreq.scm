;; wordfreq.scm - a program that uses files: counts the words of
;; poem.txt (in this program's directory, its export root), prints the most
;; frequent ones and writes the full table to wordfreq.out.
;; Run it with: bash tests/run-program.sh tests/examples/wordfreq.scm
;; or, hosted: p --fs tests/examples tests/examples/wordfreq.scm
(import (scheme base) (scheme char) (scheme file) (scheme write))

(define (read-words port)
  (let loop ((words '()) (current '()))
    (let ((c (read-char port)))
      (cond ((eof-object? c)
             (reverse (if (null? current) words (cons (list->string (reverse current)) words))))
            ((or (char-alphabetic? c) (char=? c #\'))
             (loop words (cons (char-downcase c) current)))
            ((null? current) (loop words current))
            (else (loop (cons (list->string (reverse current)) words) '()))))))

(define (count-words words)
  (let loop ((words words) (table '()))
    (if (null? words)
        table
        (let ((entry (assoc (car words) table)))
          (if entry
              (begin (set-cdr! entry (+ (cdr entry) 1)) (loop (cdr words) table))
              (loop (cdr words) (cons (cons (car words) 1) table)))))))

(define (insert entry sorted)
  (cond ((null? sorted) (list entry))
        ((or (> (cdr entry) (cdar sorted))
             (and (= (cdr entry) (cdar sorted)) (string<? (car entry) (caar sorted))))
         (cons entry sorted))
        (else (cons (car sorted) (insert entry (cdr sorted))))))

(define (sort-table table)
  (let loop ((table table) (sorted '()))
    (if (null? table) sorted (loop (cdr table) (insert (car table) sorted)))))

(define table (sort-table (count-words (call-with-input-file "poem.txt" read-words))))

(display "distinct words: ")
(display (length table))
(newline)
(let loop ((entries table) (k 0))
  (when (and (pair? entries) (< k 5))
    (display (cdar entries))
    (display " ")
    (display (caar entries))
    (newline)
    (loop (cdr entries) (+ k 1))))

(call-with-output-file "wordfreq.out"
  (lambda (port)
    (for-each (lambda (entry)
                (write (car entry) port)
                (write-char #\space port)
                (write (cdr entry) port)
                (newline port))
              table)))
(display "full table written to wordfreq.out")
(newline)
