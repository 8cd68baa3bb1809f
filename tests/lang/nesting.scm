;; Expressions nested far deeper than any program writes are an error the
;; program can catch, never a crash of p: the compiler and the expander
;; must not recurse on the C stack without bound.
(include "harness.scm")

(define env (interaction-environment))

;; Far past the C stack budget either way; under P_GC_STRESS every level's
;; allocation copies the whole deep form, so the light depth keeps that
;; quadratic cost to seconds.
(define deep (workload 50000 5000))

;; (op (op ... (op leaf) ...)) nested n deep.
(define (nest op leaf n)
  (let loop ((i 0) (x leaf))
    (if (= i n) x (loop (+ i 1) (list op x)))))

(define (nest+ n)
  (let loop ((i 0) (x 0))
    (if (= i n) x (loop (+ i 1) (list '+ 1 x)))))

(test "200 deep compiles" 200 (eval (nest+ 200) env))
(test-error "50,000 nested calls" error-object? "nesting too deep" (eval (nest+ deep) env))
(test-error "50,000 nested begins" error-object? "nesting too deep" (eval (nest 'begin 0 deep) env))
(test-error "50,000 nested lambdas" error-object? "nesting too deep"
            (eval (let loop ((i 0) (x 0)) (if (= i deep) x (loop (+ i 1) (list 'lambda '() x)))) env))
(test "50,000 nested lists in a quasiquote without unquote are data" deep
      (let loop ((x (eval (list 'quasiquote (nest 'a 1 deep)) env)) (n 0))
        (if (pair? x) (loop (cadr x) (+ n 1)) n)))
(test-error "50,000 nested lists around an unquote" error-object? "nesting too deep"
            (eval (list 'quasiquote (nest 'a (list 'unquote '(+ 1 2)) deep)) env))
(test "deep quoted data is fine" deep
      (let loop ((x (eval (list 'quote (nest 'a 1 deep)) env)) (n 0))
        (if (pair? x) (loop (cadr x) (+ n 1)) n)))
(test-error "50,000 nested macro uses" error-object? "nesting too deep"
            (eval (list 'let-syntax '((m (syntax-rules () ((_ x) (+ 1 x)))))
                        (nest 'm 0 deep))
                  env))
;; Feature requirements and import sets are walked by recursion too: deep
;; enough, they are the same catchable error (the light depth of the GC
;; stress run may fit the budget, and then they just work).
(define (nesting-error-or expected)
  (lambda (thunk)
    (guard (e ((and (error-object? e)
                    (harness-contains? (error-object-message e) "nesting too deep"))
               'nesting-too-deep))
      (if (equal? (thunk) expected) 'nesting-too-deep 'wrong-value))))
(test "a cond-expand requirement nested 50,000 deep" 'nesting-too-deep
      ((nesting-error-or 1)
       (lambda ()
         (eval (list 'cond-expand
                     (list (let loop ((i 0) (x 'r7rs)) (if (= i deep) x (loop (+ i 2) (list 'not (list 'not x)))))
                           1)
                     '(else 2))
               env))))
(test "an import set nested 50,000 deep" 'nesting-too-deep
      ((nesting-error-or #t)
       (lambda ()
         (eval (list 'import (let loop ((i 0) (x '(scheme base)))
                               (if (= i deep) x (loop (+ i 1) (list 'only x 'car)))))
               (environment '(scheme base)))
         #t)))
(test "p still works after all that" 3 (eval '(+ 1 2) env))

(test-end)
