;;; prelude.scm - the parts of the core written in Scheme: derived syntax,
;;; higher-order procedures, dynamic-wind, continuations, exceptions,
;;; promises, parameters, eval/load and the program/REPL driver.
;;; Compiled into the system environment at start-up.

;;; --- derived expression types ---

(define-syntax and
  (syntax-rules ()
    ((_) #t)
    ((_ e) e)
    ((_ e r ...) (if e (and r ...) #f))))

(define-syntax or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((t e)) (if t t (or r ...))))))

(define-syntax when
  (syntax-rules ()
    ((_ c e ...) (if c (begin e ...)))))

(define-syntax unless
  (syntax-rules ()
    ((_ c e ...) (if c (if #f #f) (begin e ...)))))

(define-syntax let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (let* (rest ...) body ...)))))

(define-syntax cond
  (syntax-rules (else =>)
    ((_) (if #f #f))
    ((_ (else e ...)) (begin e ...))
    ((_ (test => f) clause ...) (let ((t test)) (if t (f t) (cond clause ...))))
    ((_ (test) clause ...) (or test (cond clause ...)))
    ((_ (test e ...) clause ...) (if test (begin e ...) (cond clause ...)))))

(define-syntax case
  (syntax-rules ()
    ((_ key clause ...) (let ((k key)) (%case k clause ...)))))

(define-syntax %case
  (syntax-rules (else =>)
    ((_ k) (if #f #f))
    ((_ k (else => f)) (f k))
    ((_ k (else e ...)) (begin e ...))
    ((_ k ((d) => f) clause ...) (if (eqv? k 'd) (f k) (%case k clause ...)))
    ((_ k ((d ...) => f) clause ...) (if (memv k '(d ...)) (f k) (%case k clause ...)))
    ((_ k ((d) e ...) clause ...) (if (eqv? k 'd) (begin e ...) (%case k clause ...)))
    ((_ k ((d ...) e ...) clause ...) (if (memv k '(d ...)) (begin e ...) (%case k clause ...)))))

(define-syntax do
  (syntax-rules ()
    ((_ ((var init step ...) ...) (test expr ...) command ...)
     (let loop ((var init) ...)
       (if test
           (begin (if #f #f) expr ...)
           (begin command ... (loop (%do-step var step ...) ...)))))))

(define-syntax %do-step
  (syntax-rules ()
    ((_ x) x)
    ((_ x y) y)))

;; Several values are one object, which a variable can hold until every
;; expression has been evaluated; %apply-values spreads it over formals.
(define-syntax let-values
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((formals expr)) body ...)
     (%apply-values (lambda formals body ...) expr))
    ((_ ((formals expr) ...) body ...)
     (%let-values ((formals expr) ...) () body ...))))

(define-syntax %let-values
  (syntax-rules ()
    ((_ () ((formals tmp) ...) body ...)
     (%let-values-bind ((formals tmp) ...) body ...))
    ((_ ((formals expr) more ...) (done ...) body ...)
     (let ((tmp expr))
       (%let-values (more ...) (done ... (formals tmp)) body ...)))))

(define-syntax %let-values-bind
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((formals tmp) more ...) body ...)
     (%apply-values (lambda formals (%let-values-bind (more ...) body ...)) tmp))))

(define-syntax let*-values
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((formals expr) more ...) body ...)
     (%apply-values (lambda formals (let*-values (more ...) body ...)) expr))))

(define-syntax delay-force
  (syntax-rules ()
    ((_ e) (%make-promise #f (lambda () e)))))

(define-syntax delay
  (syntax-rules ()
    ((_ e) (delay-force (make-promise e)))))

(define-syntax parameterize
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((p v)) body ...)
     (%parameterize1 p v (lambda () body ...)))
    ((_ ((p v) ...) body ...)
     (%parameterize (list p ...) (list v ...) (lambda () body ...)))))

(define-syntax guard
  (syntax-rules ()
    ((_ (var clause ...) body ...)
     (%guard (lambda (var) (%guard-clauses clause ...))
             (lambda () body ...)))))

;; The tests, as a procedure of the condition: a thunk of the chosen
;; clause's body, or #f when none applies.
(define-syntax %guard-clauses
  (syntax-rules (else =>)
    ((_) #f)
    ((_ (else e ...)) (lambda () e ...))
    ((_ (test => f) clause ...)
     (let ((t test)) (if t (lambda () (f t)) (%guard-clauses clause ...))))
    ((_ (test) clause ...)
     (let ((t test)) (if t (lambda () t) (%guard-clauses clause ...))))
    ((_ (test e ...) clause ...)
     (if test (lambda () e ...) (%guard-clauses clause ...)))))

(define-syntax assert
  (syntax-rules ()
    ((_ e) (if e (if #f #f) (error "assertion failed" 'e)))))

;;; --- lists and higher-order procedures ---

(define (%all-pairs? ls)
  (if (null? ls) #t (if (pair? (car ls)) (%all-pairs? (cdr ls)) #f)))

;; One and two lists, the common cases, need no list of the lists.
(define (map f l . ls)
  (cond ((null? ls)
         (let loop ((l l) (acc '()))
           (if (pair? l)
               (loop (cdr l) (cons (f (car l)) acc))
               (reverse acc))))
        ((null? (cdr ls))
         (let loop ((a l) (b (car ls)) (acc '()))
           (if (and (pair? a) (pair? b))
               (loop (cdr a) (cdr b) (cons (f (car a) (car b)) acc))
               (reverse acc))))
        (else
         (let loop ((ls (cons l ls)) (acc '()))
           (if (%all-pairs? ls)
               (loop (map cdr ls) (cons (apply f (map car ls)) acc))
               (reverse acc))))))

(define (for-each f l . ls)
  (cond ((null? ls)
         (let loop ((l l))
           (if (pair? l) (begin (f (car l)) (loop (cdr l))))))
        ((null? (cdr ls))
         (let loop ((a l) (b (car ls)))
           (if (and (pair? a) (pair? b))
               (begin (f (car a) (car b)) (loop (cdr a) (cdr b))))))
        (else
         (let loop ((ls (cons l ls)))
           (if (%all-pairs? ls)
               (begin (apply f (map car ls)) (loop (map cdr ls))))))))

(define (vector-map f v . vs)
  (if (null? vs)
      (let* ((n (vector-length v)) (r (make-vector n)))
        (do ((i 0 (+ i 1))) ((= i n) r)
          (vector-set! r i (f (vector-ref v i)))))
      (list->vector (apply map f (vector->list v) (map vector->list vs)))))

(define (vector-for-each f v . vs)
  (if (null? vs)
      (let ((n (vector-length v)))
        (do ((i 0 (+ i 1))) ((= i n))
          (f (vector-ref v i))))
      (begin (apply for-each f (vector->list v) (map vector->list vs))
             (if #f #f))))

(define (member x l . cmp)
  (if (null? cmp)
      (%member x l)
      (let ((same? (car cmp)))
        (let loop ((l l))
          (cond ((not (pair? l)) #f)
                ((same? x (car l)) l)
                (else (loop (cdr l))))))))

(define (assoc x l . cmp)
  (if (null? cmp)
      (%assoc x l)
      (let ((same? (car cmp)))
        (let loop ((l l))
          (cond ((not (pair? l)) #f)
                ((same? x (car (car l))) (car l))
                (else (loop (cdr l))))))))

;;; --- multiple values, dynamic-wind, continuations ---

;; call-with-values and call-with-current-continuation are the VM's.

;; %winders (defined by the VM) lists one #(before after handlers) per
;; dynamic-wind entered and not left, handlers being the exception
;; handlers the thunks run with, and one (param . value) per parameterize
;; binding (see %parameterize).  A body's multiple values are one object in a
;; variable, so passing them on needs no list.
(define (dynamic-wind before thunk after)
  (before)
  (%wind-push! before after)
  (let ((v (thunk)))
    (%wind-pop!)
    (after)
    v))

(define (%travel-to target)
  (let ((common (%common-tail %winders target)))
    (let unwind ()
      (if (not (eq? %winders common))
          (let ((w (car %winders)))
            (set! %winders (cdr %winders))
            (%wind w 1)
            (unwind))))
    (let rewind ((l target))
      (if (not (eq? l common))
          (begin (rewind (cdr l))
                 (%wind (car l) 0)
                 (set! %winders l))))))

;; Runs entry w's before (i 0) or after (i 1) thunk, or passes a
;; parameterize binding, which swaps either way.
(define (%wind w i)
  (if (pair? w)
      (%param-swap! w)
      (begin (set! %handlers (vector-ref w 2))
             ((vector-ref w i)))))

;; call-with-current-continuation is the VM's: a continuation carries the
;; %winders and %handlers it was captured with (the VM reinstates the
;; handlers); calling it in another dynamic-wind state goes through %resume.
(define (%resume k winders . vals)
  (%travel-to winders)
  (%continue k vals))

(define call/cc call-with-current-continuation)

;;; --- exceptions ---

;; %handlers (defined by the VM) is the list of installed handlers, the
;; current one first.  Leaving a handler's extent by a continuation
;; reinstates the continuation's handlers, so no dynamic-wind is needed.
(define (with-exception-handler handler thunk)
  (if (not (procedure? handler))
      (error "with-exception-handler: expected procedure as argument 1, got" handler))
  (let ((saved %handlers))
    (set! %handlers (cons handler saved))
    (let ((v (thunk)))
      (set! %handlers saved)
      v)))

(define (raise obj)
  (let ((hs %handlers))
    (if (null? hs)
        (%uncaught obj)
        (begin
          (set! %handlers (cdr hs))
          ((car hs) obj)
          (raise (%make-error "exception handler returned from raise" (list obj)))))))

(define (raise-continuable obj)
  (let ((hs %handlers))
    (if (null? hs)
        (%uncaught obj)
        (begin
          (set! %handlers (cdr hs))
          (let ((v ((car hs) obj)))
            (set! %handlers hs)
            v)))))

(define (error msg . irritants)
  (raise (%make-error msg irritants)))


;; R7RS guard: the clause tests run in the guard's dynamic environment
;; (the handler travels there, still on the raise's stack, so no
;; continuation of the raise is captured: that could copy a deep stack,
;; say when the heap ran out).  A chosen clause's body runs after escaping
;; to the guard; when none applies, the handler travels back and raises
;; again, continuably, in the dynamic environment of the original raise.
;; A body that returns does so through with-exception-handler, with no
;; continuation call.
(define (%guard choose body)
  (let ((outer-winders %winders) (outer-handlers %handlers))
    ((call/cc
       (lambda (guard-k)
         (with-exception-handler
           (lambda (condition)
             (let ((inner-winders %winders) (inner-handlers %handlers))
               (%travel-to outer-winders)
               (set! %handlers outer-handlers)
               (let ((clause (choose condition)))
                 (if clause
                     (guard-k clause)
                     (begin
                       (%travel-to inner-winders)
                       (set! %handlers inner-handlers)
                       (raise-continuable condition))))))
           (lambda ()
             (let ((v (body)))
               (lambda () v)))))))))

(define %on-uncaught #f)

(define (%report obj)
  (let ((port (current-error-port)))
    (display "error: " port)
    (display (%condition-text obj) port)
    (if (not (error-object? obj)) (%display-where (%raise-site) port))
    (newline port)
    (flush-output-port port)))

;; A failure while reporting (say, the heap is still exhausted) ends the
;; program instead of recursing.
(define %reporting #f)

;; An unhandled shutdown request ends even a REPL, with SIGTERM's status.
(define (%uncaught obj)
  (if %reporting (%exit 70))
  (set! %reporting #t)
  (%keep-backtrace obj)
  (%report obj)
  (if %show-backtrace (%print-backtrace %last-backtrace (current-error-port)))
  (set! %reporting #f)
  (cond ((shutdown-condition? obj) (%exit 143))
        (%on-uncaught (%on-uncaught obj))
        (else (%exit (if (interrupt-condition? obj) 130 70)))))

;;; --- promises and parameters ---

(define (make-promise v)
  (if (promise? v) v (%make-promise #t v)))

(define (force p)
  (if (not (promise? p))
      p
      (let ((st (%promise-state p)))
        (if (car st)
            (cdr st)
            (let ((p2 (make-promise ((cdr st)))))
              (let ((st (%promise-state p)))
                (if (not (car st))
                    (let ((st2 (%promise-state p2)))
                      (set-car! st (car st2))
                      (set-cdr! st (cdr st2))
                      (%promise-set-state! p2 st))))
              (force p))))))

(define (make-parameter value . converter)
  (if (null? converter)
      (%make-parameter value #f)
      (%make-parameter ((car converter) value) (car converter))))

;; The bindings are entries on %winders (see %param-push! in control.c).
;; Every value is converted, and every parameter checked, before the
;; first binding is made.
(define (%param-convert p v)
  (let ((c (%param-converter p))) (if c (c v) v)))

(define (%parameterize1 p v thunk)
  (%param-push! p (%param-convert p v))
  (let ((r (thunk)))
    (%param-pop!)
    r))

(define (%parameterize ps vs thunk)
  (let convert ((l ps) (vs vs) (new '()))
    (if (pair? l)
        (convert (cdr l) (cdr vs) (cons (%param-convert (car l) (car vs)) new))
        (let bind ((l ps) (new (reverse new)))
          (if (pair? l)
              (begin (%param-push! (car l) (car new)) (bind (cdr l) (cdr new)))
              (let ((r (thunk)))
                (let unbind ((l ps))
                  (if (pair? l) (begin (%param-pop!) (unbind (cdr l)))))
                r))))))

;;; --- eval, environments, libraries, load, exit ---

(define (%library-run lib)
  (let ((s (%library-start! lib)))
    (if s
        (begin (for-each %library-run (car s))
               ((cdr s))))))

(define (eval expr . env)
  ((%compile expr (if (null? env) (interaction-environment) (car env)))))

(define (environment . specs)
  (let ((r (%environment specs)))
    (for-each %library-run (cdr r))
    (car r)))

(define (scheme-report-environment . version) (environment '(scheme r5rs)))
(define (null-environment . version) (environment '(scheme r5rs)))

(define (load file . env)
  (let ((port (open-input-file file))
        (env (if (null? env) (interaction-environment) (car env))))
    (let loop ()
      (let ((r (%read-compile port env file)))
        (if (not (eof-object? r))
            (begin ((car r)) (loop)))))
    (close-port port)
    (if #f #f)))

(define (exit . status)
  (%travel-to '())
  (apply %exit status))

(define (emergency-exit . status)
  (apply %exit status))

;;; --- the driver ---

(define (%print-values . vs)
  (for-each (lambda (v)
              (if (not (%void? v))
                  (begin (write v) (newline))))
            vs))

(define (%run port name print?)
  (let loop ((env #f))
    (let ((r (%read-compile port env name)))
      (if (eof-object? r)
          (exit 0)
          (begin
            (if print?
                (call-with-values (car r) %print-values)
                ((car r)))
            (loop (cdr r)))))))

(define (disassemble proc)
  (display (%disassemble proc)))

;; p --disassemble: compiles each top-level form, as running the program
;; would (macros and imports take effect), and lists it instead of
;; running it.
(define (%disassemble-program port name)
  (let loop ((env #f))
    (let ((r (%read-compile port env name)))
      (if (eof-object? r)
          (exit 0)
          (begin
            (disassemble (car r))
            (newline)
            (loop (cdr r)))))))

;; %repl is in repl.scm.
(define (%main mode text name)
  (cond ((eq? mode 'file) (%run (%open-input-source text name) name #f))
        ((eq? mode 'expr) (%run (open-input-string text) name #t))
        ((eq? mode 'disassemble)
         (%disassemble-program (%open-input-source text name) name))
        (else (%repl))))

(%tag! "lazy" 'delay 'delay-force 'force 'make-promise)
(%tag! "eval" 'eval 'environment)
(%tag! "load" 'load)
(%tag! "process-context" 'exit 'emergency-exit)
(%tag! "r5rs" 'scheme-report-environment 'null-environment)
(%tag! "pxen misc" 'assert)
(%tag! "pxen debug" 'disassemble)
