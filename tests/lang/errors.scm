;; Errors the system signals: each is a catchable condition whose message
;; says what went wrong (the words checked are the ones any clear message
;; about the problem has to contain).
(include "harness.scm")

(define env (environment '(scheme base)))
(define (text-has-any? c words)
  (let ((text (harness-condition-text c)))
    (let loop ((w words))
      (and (pair? w) (or (harness-contains? text (car w)) (loop (cdr w)))))))
(define (mentions . words) (lambda (c) (and (error-object? c) (text-has-any? c words))))

;; wrong type
(test-error "car of a number" (mentions "pair") (car 5))
(test-error "car of the empty list" (mentions "pair") (car '()))
(test-error "cdr of the empty list" (mentions "pair") (cdr '()))
(test-error "car of the empty list names car" (mentions "car") (car '()))
(test-error "+ of a symbol" (mentions "number") (+ 1 'a))
(test-error "arithmetic names the procedure" (mentions "+") (+ 1 "2"))
(test-error "< of a string" (mentions "number" "real") (< 1 "2"))
(test-error "vector-ref of a list" (mentions "vector") (vector-ref '(1 2) 0))
(test-error "string-length of a symbol" (mentions "string") (string-length 'abc))
(test-error "symbol->string of a string" (mentions "symbol") (symbol->string "abc"))
(test-error "char-upcase of a string" (mentions "char") (char-upcase "a"))
(test-error "calling a non-procedure" (mentions "procedure" "applicable" "apply") (5 3))
(test-error "calling a string" (mentions "procedure" "applicable" "apply") ("f" 1))
(test-error "apply with a non-list" (mentions "list") (apply + 1))
(test-error "length of an improper list" (mentions "list") (length '(1 . 2)))
(test-error "vector-set! with a non-integer index" (mentions "integer" "index") (vector-set! (vector 1) 'x 0))
(test-error "exact of a string" (mentions "number") (exact "1"))
(test-error "integer->char of a symbol" (mentions "integer") (integer->char 'a))
(test-error "list-tail past the end" (mentions "list" "pair" "range") (list-tail '(1) 2))

;; wrong arity
(define (two a b) (list a b))
(test-error "too many arguments" (mentions "argument") (two 1 2 3))
(test-error "too few arguments" (mentions "argument") (two 1))
(test-error "arity error names the procedure" (mentions "two") (two 1 2 3))
(test-error "arity error of a lambda with a rest list" (mentions "argument")
            ((lambda (a b . c) a) 1))
(test-error "arity error of a primitive" (mentions "argument") (car '(1) '(2)))
(test-error "arity error of cons" (mentions "argument") (cons 1))
(test-error "arity error through apply" (mentions "argument") (apply two '(1 2 3)))
(test-error "case-lambda with no matching clause" (mentions "argument" "arity" "clause")
            ((case-lambda ((a) a) ((a b) b)) 1 2 3))

;; unbound variable
(test-error "unbound variable" (mentions "unbound" "undefined") (eval 'no-such-variable-anywhere env))
(test-error "unbound variable names the variable" (mentions "no-such-variable-anywhere")
            (eval 'no-such-variable-anywhere env))
(test-error "unbound variable in a call" (mentions "undefined-procedure-xyz")
            (eval '(undefined-procedure-xyz 1 2) env))
(test-error "unbound variable inside a procedure body, at call time" (mentions "later-unbound-var")
            ((eval '(lambda () later-unbound-var) env)))
(test-error "set! of an unbound variable" (mentions "set-unbound-var" "unbound")
            (eval '(set! set-unbound-var 1) (interaction-environment)))

;; bad syntax
(test-error "if with no arguments" (mentions "syntax" "if") (eval '(if) env))
(test-error "if with too many arguments" (mentions "syntax" "if") (eval '(if 1 2 3 4) env))
(test-error "lambda without a body" (mentions "syntax" "lambda") (eval '(lambda (x)) env))
(test-error "lambda with a bad parameter" (mentions "syntax" "lambda" "parameter") (eval '(lambda (1) 1) env))
(test-error "let with a malformed binding" (mentions "syntax" "let") (eval '(let ((x)) x) env))
(test-error "quote with two arguments" (mentions "syntax" "quote") (eval '(quote 1 2) env))
(test-error "define in an expression context" (mentions "syntax" "define" "context")
            (eval '(+ 1 (define x 2)) env))
(test-error "set! of a non-identifier" (mentions "syntax" "set!") (eval '(set! 1 2) env))
(test-error "no matching syntax-rules clause" (mentions "syntax" "match" "my-macro")
            (eval '(let-syntax ((my-macro (syntax-rules () ((_ a) a)))) (my-macro 1 2)) env))
(test-error "cond with a non-list clause" (mentions "syntax" "cond") (eval '(cond 5) env))
(test-error "a keyword used as a variable" (mentions "syntax" "if" "keyword") (eval 'if env))
(test-error "an empty combination" (mentions "syntax" "combination" "empty" "()") (eval '() env))

;; ranges
(test-error "vector-ref out of range" (mentions "range" "index" "bound") (vector-ref (vector 1 2) 2))
(test-error "vector-ref with a negative index" (mentions "range" "index" "bound") (vector-ref (vector 1 2) -1))
(test-error "string-ref out of range" (mentions "range" "index" "bound") (string-ref "abc" 10))
(test-error "bytevector-u8-ref out of range" (mentions "range" "index" "bound") (bytevector-u8-ref #u8(1) 1))
(test-error "substring with bad indices" (mentions "range" "index" "bound" "substring") (substring "abc" 2 1))
(test-error "list-ref out of range" (mentions "range" "index" "list" "pair") (list-ref '(1 2) 5))
(test-error "make-vector with a negative size" (mentions "range" "size" "negative" "length" "make-vector")
            (make-vector -1 0))
(test-error "bytevector-u8-set! with a value that is not a byte" (mentions "byte" "range" "255")
            (bytevector-u8-set! (bytevector 0) 0 256))
(test-error "integer->char of a surrogate" (mentions "char" "range" "surrogate" "scalar") (integer->char #xD800))

;; arithmetic
(test-error "division by zero" (mentions "zero") (/ 1 0))
(test-error "quotient by zero" (mentions "zero") (quotient 1 0))
(test-error "modulo by zero" (mentions "zero") (modulo 5 0))
(test-error "exact of infinity" (mentions "exact" "infinit" "inf") (exact +inf.0))

;; user errors and raise
(test-error "error message and irritants are kept" (mentions "my message") (error "my message" 1 2))
(test-error "error irritants appear in the description" (mentions "irritant-sym") (error "msg" 'irritant-sym))
(test-error "raise of a non-condition keeps the object" (lambda (c) (eq? c 'raised-symbol)) (raise 'raised-symbol))

;; errors leave the system usable
(test "after many errors the program goes on" 100
      (let loop ((i 0) (caught 0))
        (if (= i 100) caught
            (loop (+ i 1) (+ caught (guard (e (#t 1)) (car '())))))))
(test "an error inside a deep recursion unwinds it" 'caught
      (guard (e ((error-object? e) 'caught))
        (let f ((k 0)) (if (= k (workload 10000 500)) (car '()) (+ 1 (f (+ k 1)))))))

(test-end)
