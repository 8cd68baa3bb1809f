;; R7RS 6.12: eval, environment, interaction-environment.
(include "harness.scm")

(test 21 (eval '(* 7 3) (environment '(scheme base))))
(test 20 (let ((f (eval '(lambda (f x) (f x x)) (environment '(scheme base)))))
           (f + 10)))
(test 3 (eval '(+ 1 2) (interaction-environment)))
(test "eval of a self-evaluating datum" 5 (eval 5 (environment '(scheme base))))
(test "eval of a quoted list" '(a b) (eval ''(a b) (environment '(scheme base))))
(test "eval with several libraries" #\A
      (eval '(char-upcase #\a) (environment '(scheme base) '(scheme char))))
(test "environment with only" 3
      (eval '(+ 1 2) (environment '(only (scheme base) +))))
(test "environment with prefix" 3
      (eval '(b:+ 1 2) (environment '(prefix (scheme base) b:))))
(test "environment with rename" 3
      (eval '(plus 1 2) (environment '(rename (scheme base) (+ plus)))))
(test-error "environment with except hides the name" (unbound-variable 'car)
            (eval '(car '(1)) (environment '(except (scheme base) car))))
(test-error "a name not in the environment is unbound" (unbound-variable 'char-upcase)
            (eval '(char-upcase #\a) (environment '(only (scheme base) +))))
(test "eval of a macro use" 2
      (eval '(let-syntax ((m (syntax-rules () ((_ x) (+ x 1))))) (m 1)) (environment '(scheme base))))
(test "eval of special forms" '(1 2 3)
      (eval '(let loop ((i 3) (acc '())) (if (= i 0) acc (loop (- i 1) (cons i acc))))
            (environment '(scheme base))))
(test "eval of a definition in the interaction environment persists" 42
      (begin
        (eval '(define eval-test-defined 42) (interaction-environment))
        (eval 'eval-test-defined (interaction-environment))))
(test "eval of a define-syntax in the interaction environment persists" 'macro-ok
      (begin
        (eval '(define-syntax eval-test-macro (syntax-rules () ((_) 'macro-ok))) (interaction-environment))
        (eval '(eval-test-macro) (interaction-environment))))
(test "eval of a lambda gives a procedure" #t
      (procedure? (eval '(lambda (x) x) (environment '(scheme base)))))
(test "eval of a procedure object in a datum" 6
      (eval (list + 1 2 3) (environment '(scheme base))))
(test "eval uses (scheme write)" "\"a\""
      (eval '(let ((p (open-output-string))) (write "a" p) (get-output-string p))
            (environment '(scheme base) '(scheme write))))
(test "eval with (scheme r5rs)" 6
      (eval '(apply + (list 1 2 3)) (environment '(scheme r5rs))))
(test "scheme-report-environment style: (scheme r5rs) has force and delay" 3
      (eval '(force (delay 3)) (environment '(scheme r5rs))))
(test "eval of a compound built at run time" 120
      (eval (list 'let (list (list 'n 5))
                  '(let f ((n n)) (if (= n 0) 1 (* n (f (- n 1))))))
            (environment '(scheme base))))
(test-error "eval of bad syntax raises" (error-from 'if "bad syntax")
            (eval '(if) (environment '(scheme base))))
(test-error "eval of an unbound variable raises" (unbound-variable 'eval-no-such-variable)
            (eval 'eval-no-such-variable (environment '(scheme base))))
(test-error "environment of an unknown library raises" (error-from 'import "library not found")
            (environment '(no such library here)))
(test "errors inside eval can be caught and inspected" "boom"
      (guard (e ((error-object? e) (error-object-message e)))
        (eval '(error "boom") (environment '(scheme base)))))
(test "eval does not see the caller's local variables" 'global-value
      (let ((eval-local-var 'local))
        (eval '(begin (define eval-local-var 'global-value) eval-local-var)
              (interaction-environment))))
(test "nested eval" 4
      (eval '(eval '(* 2 2) (environment '(scheme base)))
            (environment '(scheme base) '(scheme eval))))

(test-end)
