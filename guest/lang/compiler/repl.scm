;;; repl.scm - the interactive REPL: reading and printing, the ,commands,
;;; backtraces and tracing.  Run after the prelude, in the system
;;; environment.  The REPL reads from the current input port whatever
;;; is in front of it (a pipe, a terminal's line editor on the dom0 side,
;;; a REPL socket): it prints "> " when it wants a datum and nothing else
;;; unasked, so that a line editor can recognise the prompt.

;;; --- backtraces ---

;; %uncaught keeps the calls that led to the last uncaught error: the
;; REPL shows them on ,bt, and after every error when P_BACKTRACE is set.
(define %last-backtrace '())
(define %last-condition #f)
(define %show-backtrace
  (let ((v (get-environment-variable "P_BACKTRACE")))
    (and v (not (string=? v "")) (not (string=? v "0")))))

(define (%keep-backtrace obj)
  (set! %last-condition obj)
  (set! %last-backtrace (%backtrace 40)))

;; Where the last uncaught object was raised: the innermost kept call with
;; a source position (raise itself and the handlers have none).  An error
;; object carries its own.
(define (%raise-site)
  (let loop ((l %last-backtrace))
    (cond ((not (pair? l)) #f)
          ((and (pair? (car l)) (cdr (car l))) (cdr (car l)))
          (else (loop (cdr l))))))

;; " (file:line)" for a where of %backtrace, as %condition-text cites it.
(define (%display-where where port)
  (cond ((pair? where)
         (display " (" port) (display (car where) port) (display ":" port)
         (display (cdr where) port) (display ")" port))
        (where (display " (line " port) (display where port) (display ")" port))))

;; The innermost frames without a source line are the raising machinery
;; (raise, error, the handler stack); the outermost the driver.
(define (%backtrace-frames frames)
  (define (located? f) (and (cdr f) #t))
  (define (drop-unlocated l)
    (if (and (pair? l) (pair? (car l)) (not (located? (car l))))
        (drop-unlocated (cdr l))
        l))
  (let* ((inner (drop-unlocated frames))
         (more (let loop ((l inner))
                 (cond ((null? l) 0) ((pair? (car l)) (loop (cdr l))) (else (car l)))))
         (calls (let loop ((l inner) (acc '()))
                  (if (and (pair? l) (pair? (car l))) (loop (cdr l) (cons (car l) acc)) acc))))
    (cons (reverse (if (zero? more) (drop-unlocated calls) calls)) more)))

(define (%print-backtrace frames port)
  (let* ((r (%backtrace-frames frames)) (calls (car r)) (more (cdr r)))
    (if (null? calls)
        (display "no Scheme calls with source lines led to it\n" port)
        (begin
          (display "backtrace, innermost call first:\n" port)
          (let loop ((l calls) (i 0))
            (if (pair? l)
                (let ((name (car (car l))) (where (cdr (car l))))
                  (display "  " port)
                  (display i port)
                  (display (if (< i 10) "  in " " in ") port)
                  (cond (name (display name port))
                        ((null? (cdr l)) (display "the top level" port))
                        (else (display "an anonymous procedure" port)))
                  (cond ((pair? where)
                         (display " at " port) (display (car where) port)
                         (display ":" port) (display (cdr where) port))
                        (where (display " at line " port) (display where port)))
                  (newline port)
                  (loop (cdr l) (+ i 1)))))
          (if (> more 0)
              (begin (display "  ... and " port) (display more port)
                     (display " outer calls\n" port)))))
    (flush-output-port port)))

;;; --- tracing ---

(define %traced '())		; (name original wrapper) for each traced name
(define %trace-depth 0)

(define (%trace-indent d port)
  (let loop ((i 0)) (if (< i d) (begin (display "| " port) (loop (+ i 1))))))

(define (%make-traced name proc)
  (lambda args
    (let ((port (current-output-port)) (d %trace-depth))
      (%trace-indent d port)
      (write (cons name args) port)
      (newline port)
      (set! %trace-depth (+ d 1))
      (call-with-values (lambda () (apply proc args))
        (lambda vs
          (set! %trace-depth d)
          (%trace-indent d port)
          (if (null? vs) (display "no values" port))
          (let loop ((l vs))
            (if (pair? l)
                (begin (write (car l) port)
                       (if (pair? (cdr l)) (display " " port))
                       (loop (cdr l)))))
          (newline port)
          (apply values vs))))))

(define (%assign! name value env)
  ((eval (list 'lambda '(%v) (list 'set! name '%v)) env) value))

(define (%trace! name env)
  (if (not (symbol? name)) (error ",trace: expected a procedure's name, got" name))
  (let ((proc (eval name env)))
    (if (not (procedure? proc)) (error ",trace: not a procedure:" name))
    (if (not (assq name %traced))
        (let ((wrapper (%make-traced name proc)))
          (%assign! name wrapper env)
          (set! %traced (cons (list name proc wrapper) %traced))))))

(define (%untrace! name env)
  (let ((t (assq name %traced)))
    (if (not t) (error ",untrace: not traced:" name))
    (if (eq? (eval name env) (car (cddr t)))
        (%assign! name (cadr t) env))
    (set! %traced (let loop ((l %traced))
                    (cond ((null? l) '())
                          ((eq? (car l) t) (cdr l))
                          (else (cons (car l) (loop (cdr l)))))))))

;;; --- describing values ---

(define (%plural n word)
  (string-append (number->string n) " " word (if (= n 1) "" "s")))

(define (%describe v port)
  (define (say . parts) (for-each (lambda (x) (display x port)) parts) (newline port))
  (write v port)
  (newline port)
  (display "  is " port)
  (cond ((procedure? v)
         (let ((info (%procedure-info v)))
           ;; (name required rest? where) or, for a primitive, (name min max)
           (cond ((not info) (say "a procedure"))
                 ((= (length info) 3)
                  (say "the primitive " (car info) " taking "
                       (let ((lo (cadr info)) (hi (car (cddr info))))
                         (cond ((= lo hi) (%plural lo "argument"))
                               ((< hi 0) (string-append "at least " (%plural lo "argument")))
                               (else (string-append (number->string lo) " to "
                                                    (%plural hi "argument")))))))
                 (else
                  (let ((name (car info)) (req (cadr info)) (rest (car (cddr info)))
                        (where (cadr (cddr info))))
                    (say (if name "the procedure " "an anonymous procedure")
                         (if name name "")
                         " taking " (if rest "at least " "") (%plural req "argument")
                         (if (pair? where)
                             (string-append ", defined at " (car where) ":"
                                            (number->string (cdr where)))
                             "")))))))
        ((and (exact-integer? v)) (say "an exact integer"))
        ((and (rational? v) (exact? v)) (say "an exact rational number"))
        ((real? v) (say "an inexact real number"))
        ((number? v) (say "a complex number"))
        ((string? v) (say "a string of " (%plural (string-length v) "character")))
        ((symbol? v) (say "a symbol"))
        ((char? v) (say "the character U+" (number->string (char->integer v) 16)))
        ((null? v) (say "the empty list"))
        ((list? v) (say "a list of " (%plural (length v) "element")))
        ((pair? v) (say "a pair (an improper list)"))
        ((vector? v) (say "a vector of " (%plural (vector-length v) "element")))
        ((bytevector? v) (say "a bytevector of " (%plural (bytevector-length v) "byte")))
        ((boolean? v) (say "a boolean"))
        ((error-object? v)
         (say "an error object: " (%condition-text v)))
        ((eof-object? v) (say "the end-of-file object"))
        ((port? v) (say "a port"))
        ((promise? v) (say "a promise"))
        ((%void? v) (say "the unspecified value"))
        (else (say "an object of a record type or of the implementation"))))

;;; --- the commands ---

(define %repl-commands
  '((help "" "this list")
    (load "FILE ..." "load Scheme files into the REPL's environment")
    (time "EXPR" "evaluate EXPR; show the time, collections and bytes allocated")
    (gc "" "collect now and show the collector's statistics")
    (bt "" "the backtrace of the last error")
    (expand "FORM" "FORM with the macro use at its head expanded")
    (describe "EXPR" "what the value of EXPR is")
    (import "LIB ..." "import libraries, e.g. ,import (srfi 1)")
    (trace "PROC ..." "show the calls to and returns from the procedures named")
    (untrace "[PROC ...]" "stop tracing them (all of them without names)")
    (quit "" "leave the REPL")))

(define (%repl-help out)
  (display "REPL commands (their arguments follow on the same line):\n" out)
  (for-each
    (lambda (c)
      (let ((usage (string-append "," (symbol->string (car c)) " " (cadr c))))
        (display "  " out)
        (display usage out)
        (let pad ((k (string-length usage)))
          (if (< k 20) (begin (display " " out) (pad (+ k 1)))))
        (display (car (cddr c)) out)
        (newline out)))
    %repl-commands)
  (display "Ctrl-C interrupts an evaluation.  At an empty prompt Ctrl-D leaves: it ends\n" out)
  (display "a local REPL and detaches from a guest (p-launch attach).  Errors print one\n" out)
  (display "line; ,bt shows the calls that led to the last one (P_BACKTRACE=1: always).\n" out))

;; The data after a command, up to the end of its line.
(define (%command-args in)
  (let loop ((acc '()))
    (let ((c (peek-char in)))
      (cond ((eof-object? c) (reverse acc))
            ((char=? c #\newline) (read-char in) (reverse acc))
            ((char=? c #\;)
             (let skip () (let ((c (read-char in)))
                            (if (not (or (eof-object? c) (char=? c #\newline))) (skip))))
             (reverse acc))
            ((char-whitespace? c) (read-char in) (loop acc))
            (else (loop (cons (read in) acc)))))))

(define (%one-arg name args)
  (if (or (null? args) (pair? (cdr args)))
      (error (string-append "," (symbol->string name) ": expected one argument, got")
             (length args)))
  (car args))

(define (%seconds jiffies)
  (let ((ms (round (/ (* jiffies 1000000) (jiffies-per-second)))))
    (string-append (number->string (quotient ms 1000000)) "."
                   (let ((f (number->string (+ 1000000 (remainder ms 1000000)))))
                     (substring f 1 7)))))

(define (%stat name stats) (cdr (assq name stats)))

(define (%time expr env out)
  (let* ((s0 (gc-stats)) (t0 (current-jiffy)))
    (call-with-values (lambda () (eval expr env))
      (lambda vs
        (let ((t1 (current-jiffy)) (s1 (gc-stats)))
          (define (delta name) (- (%stat name s1) (%stat name s0)))
          (apply %print-values vs)
          (display "; " out)
          (display (%seconds (- t1 t0)) out)
          (display " s elapsed, " out)
          (display (%plural (delta 'collections) "collection") out)
          (display " (" out)
          (display (%seconds (quotient (* (delta 'total-pause-ns) (jiffies-per-second))
                                       1000000000)) out)
          (display " s paused), " out)
          (display (%plural (delta 'bytes-allocated) "byte") out)
          (display " allocated\n" out))))))

(define (%show-gc-stats out)
  (for-each (lambda (s)
              (display "  " out) (display (car s) out) (display ": " out)
              (display (cdr s) out) (newline out))
            (gc-stats)))

(define (%repl-command name in out env)
  (let ((args (%command-args in)))
    (case name
      ((help) (%repl-help out))
      ((load)
       (if (null? args) (error ",load: expected a file name"))
       (for-each (lambda (f) (load (if (symbol? f) (symbol->string f) f) env)) args))
      ((time) (%time (%one-arg name args) env out))
      ((gc) (gc) (%show-gc-stats out))
      ((bt)
       (if %last-condition
           (begin (display "error: " out)
                  (display (%condition-text %last-condition) out)
                  (newline out)
                  (%print-backtrace %last-backtrace out))
           (display "no error yet\n" out)))
      ((expand) (write (%expand (%one-arg name args) env) out) (newline out))
      ((describe) (%describe (eval (%one-arg name args) env) out))
      ((import) (if (pair? args) (eval (cons 'import args) env)))
      ((trace)
       (for-each (lambda (n) (%trace! n env)) args)
       (display "traced:" out)
       (for-each (lambda (t) (display " " out) (display (car t) out)) %traced)
       (newline out))
      ((untrace)
       (for-each (lambda (n) (%untrace! n env)) (if (null? args) (map car %traced) args)))
      ((quit) (exit 0))
      ;; for the line editor's Tab: the names that start with a prefix
      ((complete)
       (let loop ((l (%complete env (%one-arg name args))))
         (if (pair? l)
             (begin (display (car l) out)
                    (if (pair? (cdr l)) (display " " out))
                    (loop (cdr l)))))
       (newline out))
      (else (error (string-append "unknown REPL command ," (symbol->string name)
                                  " (,help lists the commands)"))))))

;;; --- the loop ---

;; After a read error the rest of its line is dropped: what follows a
;; stray character (an arrow key's "[A") would otherwise open a datum
;; that swallows the next lines.
(define (%skip-line in)
  (let skip ()
    (if (char-ready? in)
        (let ((c (read-char in)))
          (if (not (or (eof-object? c) (char=? c #\newline))) (skip))))))

(define (%repl)
  (let ((in (current-input-port))
        (out (current-output-port))
        (env (interaction-environment)))
    (let loop ()
      (call/cc
        (lambda (k)
          (set! %on-uncaught
                (lambda (obj)
                  (set! %trace-depth 0)
                  (if (read-error? obj) (%skip-line in))
                  (k #f)))
          (display "> " out)
          (flush-output-port out)
          (let ((r (%read-compile in env "repl" #t)))
            (cond ((eof-object? r) (newline out) (exit 0))
                  ((symbol? r) (%repl-command r in out env))
                  (else (call-with-values (car r) %print-values)))
            (flush-output-port out))))
      (loop))))
