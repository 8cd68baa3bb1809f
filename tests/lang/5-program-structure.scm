;; R7RS 5: programs, import of user libraries (tests/lang/lib/pxtest/*.sld),
;; definitions, define-values, define-record-type, define-syntax, include,
;; cond-expand.
(import (scheme base) (scheme char) (scheme write) (scheme process-context)
        (scheme eval) (scheme lazy)
        (pxtest stack)
        (only (pxtest util) double stack-sum describe-impl)
        (prefix (only (pxtest util) triple) u:)
        (rename (only (pxtest util) double) (double twice))
        (except (pxtest util) triple double stack-sum describe-impl))
(include "harness.scm")

;; 5.2 import declarations and user libraries
(test '(2 2) (let ((s (stack-push (stack-push (make-stack) 1) 2)))
               (list (stack-top s) (stack-size s))))
(test "renamed export" 1 (stack-top (pop (stack-push (stack-push (make-stack) 1) 2))))
(test "only" 8 (double 4))
(test "prefix" 12 (u:triple 4))
(test "rename of an import" 10 (twice 5))
(test "a library importing another library" 6
      (stack-sum (stack-push (stack-push (stack-push (make-stack) 1) 2) 3)))
(test "cond-expand inside define-library" 'r7rs (describe-impl))
(test "exported macro uses the library's private helpers" '(3 3)
      (with-pushed s (1 2 3) (list (stack-top s) (stack-size s))))
(test "library state is shared, the library is instantiated once" #t
      (let ((before (push-count)))
        (stack-push (make-stack) 'x)
        (= (push-count) (+ before 1))))
(test "library body from include" #t (stack-empty? (make-stack)))
(test-error "an error raised inside a library procedure" error-object? "empty"
            (stack-top (make-stack)))
(test-error "an unexported name is not visible" (unbound-variable 'stack-secret)
            (eval 'stack-secret (environment '(pxtest stack))))
(test "environment with a user library" 2
      (eval '(stack-size (stack-push (stack-push (make-stack) 1) 2))
            (environment '(scheme base) '(pxtest stack))))

;; 5.3 variable definitions
(define add3 (lambda (x) (+ x 3)))
(test 6 (add3 3))
(define first car)
(test 1 (first '(1 2)))
(define (curried a) (lambda (b) (+ a b)))
(test 7 ((curried 3) 4))
(define (rest-def a . r) (list a r))
(test '(1 (2 3)) (rest-def 1 2 3))
(define (all-rest . r) r)
(test '(1 2) (all-rest 1 2))
(define redefined 1)
(define redefined 2)
(test "a second define of a global acts like set!" 2 redefined)

;; 5.3.2 internal definitions
(test 45 (let ((x 5))
           (define foo (lambda (y) (bar x y)))
           (define bar (lambda (a b) (+ (* a b) a)))
           (foo (+ x 3))))
(test "internal definitions are mutually recursive" '(#t #f)
      (let ()
        (define (ev? n) (if (= n 0) #t (od? (- n 1))))
        (define (od? n) (if (= n 0) #f (ev? (- n 1))))
        (list (ev? 10) (ev? 7))))
(test "internal definitions shadow globals" 'inner
      (let ()
        (define add3 'inner)
        add3))
(test "internal definitions in a lambda body" 12
      ((lambda () (define a 4) (define b 8) (+ a b))))
(test "internal definitions from a begin in a body" 3
      (let () (begin (define a 1) (define b 2)) (+ a b)))
(test "internal definitions produced by a macro" 11
      (let ()
        (define-syntax def-ten (syntax-rules () ((_ n) (define n 10))))
        (def-ten ten)
        (+ ten 1)))
(test "internal definitions in let* and letrec bodies" '(2 4)
      (list (let* ((a 1)) (define b (+ a 1)) b)
            (letrec ((a 2)) (define b (* a 2)) b)))
(test "internal define in a named let body" 6
      (let loop ((i 0))
        (define j (+ i 1))
        (if (< j 6) (loop j) j)))

;; 5.3.3 multiple-value definitions
(define-values (dv-x dv-y) (exact-integer-sqrt 17))
(test '(4 1) (list dv-x dv-y))
(define-values (dv-a . dv-rest) (values 1 2 3))
(test '(1 (2 3)) (list dv-a dv-rest))
(define-values dv-all (values 'p 'q))
(test '(p q) dv-all)
(define-values () (values))
(test 3 (let ()
          (define-values (x y) (values 1 2))
          (+ x y)))
(test "internal define-values with rest" '(1 (2))
      (let () (define-values (a . b) (values 1 2)) (list a b)))

;; 5.4 syntax definitions
(define-syntax swap-it!
  (syntax-rules () ((_ a b) (let ((t a)) (set! a b) (set! b t)))))
(test '(b a) (let ((p 'a) (q 'b)) (swap-it! p q) (list p q)))
(test "macro defined later in the file than a procedure that uses it at run time" 'late
      (let ()
        (define-syntax late (syntax-rules () ((_) 'late)))
        (late)))

;; 5.5 record-type definitions
(define-record-type pare
  (kons x y)
  pare?
  (x kar set-kar!)
  (y kdr))
(test #t (pare? (kons 1 2)))
(test #f (pare? (cons 1 2)))
(test 1 (kar (kons 1 2)))
(test 2 (kdr (kons 1 2)))
(test 3 (let ((k (kons 1 2))) (set-kar! k 3) (kar k)))
(define-record-type <point>
  (make-point x y)
  point?
  (x point-x set-point-x!)
  (y point-y set-point-y!)
  (tag point-tag set-point-tag!))
(test "field not in the constructor can be set" 'red
      (let ((p (make-point 1 2))) (set-point-tag! p 'red) (point-tag p)))
(test "constructor order" '(1 2) (let ((p (make-point 1 2))) (list (point-x p) (point-y p))))
(define-record-type <point3> (make-point3 x y z) point3? (x point3-x) (y point3-y) (z point3-z))
(test "two record types with the same fields are distinct" '(#f #f)
      (list (point? (make-point3 1 2 3)) (point3? (make-point 1 2))))
(test "a record is not a vector, pair, or procedure" '(#f #f #f)
      (let ((p (make-point 1 2))) (list (vector? p) (pair? p) (procedure? p))))
(test "records are distinct objects" #f (eq? (make-point 1 2) (make-point 1 2)))
(test "records are eqv? to themselves" #t (let ((p (make-point 1 2))) (eqv? p p)))
(test "record predicate on other data" '(#f #f #f) (list (point? 5) (point? '()) (point? "p")))
(test-error "accessor on the wrong record type" (type-error 'point-x "<point>")
            (point-x (make-point3 1 2 3)))
(test-error "accessor on a non-record" (type-error 'point-x "<point>") (point-x 5))
(test-error "constructor arity" (error-from 'make-point "expected 2 arguments")
            ((lambda (f) (f 1)) make-point))
(test "record type with no fields" #t
      (let ()
        (define-record-type empty (make-empty) empty?)
        (empty? (make-empty))))
(test "record type defined in a body" 5
      (let ()
        (define-record-type box (make-box v) box? (v unbox set-box!))
        (let ((b (make-box 4))) (set-box! b 5) (unbox b))))
(test "records in data structures" '(1 2 3)
      (map point-x (list (make-point 1 0) (make-point 2 0) (make-point 3 0))))

;; 4.1.7 inclusion
(include "inc/defs.scm")
(test 17 included-value)
(test 20 (included-proc 3))
(include-ci "inc/upper.scm")
(test "include-ci reads as if with #!fold-case" 'mixedcase
      included-ci-value)
(define include-counter 0)
(test "include in a body splices the expressions" 10 (let () (include "inc/body.scm")))

;; 4.2.1 / 5.6 cond-expand
(test 'yes (cond-expand (r7rs 'yes) (else 'no)))
(test 'no (cond-expand (no-such-feature-at-all 'yes) (else 'no)))
(test 'and (cond-expand ((and r7rs (not no-such-feature-at-all)) 'and) (else 'no)))
(test 'or (cond-expand ((or no-such-feature-at-all r7rs) 'or) (else 'no)))
(test 'lib (cond-expand ((library (scheme base)) 'lib) (else 'no)))
(test 'nolib (cond-expand ((library (no such library)) 'lib) (else 'nolib)))
(test 'user-lib (cond-expand ((library (pxtest stack)) 'user-lib) (else 'no)))
(test "first matching clause wins" 1 (cond-expand (r7rs 1) (r7rs 2) (else 3)))
(test "cond-expand body with several expressions" 3 (cond-expand (else 1 2 3)))
(test "features contains r7rs" #t (and (memq 'r7rs (features)) #t))
(test "features is a list of symbols" #t
      (let loop ((f (features))) (or (null? f) (and (symbol? (car f)) (loop (cdr f))))))
(cond-expand
  (r7rs (define ce-defined 'top)))
(test "cond-expand at top level can define" 'top ce-defined)

(test-end)
