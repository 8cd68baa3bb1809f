;; heap: 768M
;; A million levels of data: literals, quasiquote, the reader, the printer
;; and equal? keep their own stacks, so depth is bounded by memory, never
;; by the C stack.  (The first line gives run-scm.sh the heap this needs.)
(include "harness.scm")

(define env (interaction-environment))
(define huge (workload 1000000 5000))

(define (nest-car n leaf)
  (let loop ((i 0) (x leaf)) (if (= i n) x (loop (+ i 1) (list x)))))
(define (nest-vector n)
  (let loop ((i 0) (x 0)) (if (= i n) x (loop (+ i 1) (vector x)))))
(define (car-depth x)
  (let loop ((x x) (n 0)) (if (pair? x) (loop (car x) (+ n 1)) n)))
(define (vector-depth x)
  (let loop ((x x) (n 0)) (if (vector? x) (loop (vector-ref x 0) (+ n 1)) n)))

(test "read a million nested lists" (- huge 1)
      (car-depth (read (open-input-string
                        (string-append (make-string huge #\() (make-string huge #\)))))))
(test "a million nested lists quoted" huge
      (car-depth (eval (list 'quote (nest-car huge '())) env)))
(test "a million nested lists quasiquoted" huge
      (car-depth (eval (list 'quasiquote (nest-car huge '())) env)))
(test "a million nested lists in a macro's quoted template" (+ huge 1)
      (car-depth (eval (list 'let-syntax '((m (syntax-rules () ((_ x) '(x mark)))))
                             (list 'm (nest-car huge '())))
                       env)))
(test "a million nested vectors quoted" huge
      (vector-depth (eval (list 'quote (nest-vector huge)) env)))
(test "a million nested vectors as a literal" huge
      (vector-depth (eval (nest-vector huge) env)))
(test "a million nested vectors quasiquoted" huge
      (vector-depth (eval (list 'quasiquote (nest-vector huge)) env)))
(test "equal? on a million nested lists" #t (equal? (nest-car huge 1) (nest-car huge 1)))
(test "write a million nested lists" (+ (* 2 huge) 2)
      (let ((o (open-output-string)))
        (write (nest-car huge '()) o)
        (string-length (get-output-string o))))
(test "p still works after all that" 3 (eval '(+ 1 2) env))

(test-end)
