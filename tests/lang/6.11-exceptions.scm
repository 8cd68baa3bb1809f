;; R7RS 6.11: with-exception-handler, raise, raise-continuable, error,
;; error objects, guard.
(include "harness.scm")

(test "handler is called with the raised object and k escapes" 'condition
      (call-with-current-continuation
       (lambda (k)
         (with-exception-handler
          (lambda (x) (k 'condition))
          (lambda () (+ 1 (raise 'an-error)))))))
(test "handler output before escape" "condition: an-error"
      (let ((p (open-output-string)))
        (call-with-current-continuation
         (lambda (k)
           (with-exception-handler
            (lambda (x) (display "condition: " p) (write x p) (k 'exception))
            (lambda () (+ 1 (raise 'an-error))))))
        (get-output-string p)))
(test 65 (with-exception-handler
          (lambda (con)
            (cond ((string? con) 'string)
                  (else 'other))
            42)
          (lambda () (+ (raise-continuable "should be a number") 23))))
(test "raise-continuable returns the handler's value" 65
      (with-exception-handler
       (lambda (con) 42)
       (lambda () (+ (raise-continuable 'oops) 23))))
(test "returning from a raise handler is an error that reaches the outer handler" 'outer
      (call/cc
       (lambda (k)
         (with-exception-handler
          (lambda (e) (k 'outer))
          (lambda ()
            (with-exception-handler
             (lambda (e) 'returned)
             (lambda () (raise 'non-continuable))))))))
(test "the handler runs with the outer handler installed" '(inner-saw x outer-saw y)
      (let ((log '()))
        (call/cc
         (lambda (k)
           (with-exception-handler
            (lambda (e) (set! log (cons 'outer-saw (cons e log))) (k #f))
            (lambda ()
              (with-exception-handler
               (lambda (e) (set! log (cons 'inner-saw (cons e log))) (raise 'y))
               (lambda () (raise 'x)))))))
        (let loop ((l log) (acc '()))
          (if (null? l) acc (loop (cddr l) (cons (car l) (cons (cadr l) acc)))))))
(test "handler installed only for the thunk's extent" 'after
      (begin
        (with-exception-handler (lambda (e) 'ignored) (lambda () 'inside))
        (guard (e (#t 'after)) (raise 'z))))
(test "nested raise-continuable handlers" 111
      (with-exception-handler
       (lambda (e) (+ e 100))
       (lambda ()
         (with-exception-handler
          (lambda (e) (+ (raise-continuable (+ e 10)) 0))
          (lambda () (raise-continuable 1))))))
(test "any object can be raised" '(5 "s" (l i s t) #(v))
      (map (lambda (obj) (guard (e (#t e)) (raise obj))) (list 5 "s" '(l i s t) #(v))))
(test "raise of #f can be caught" #f (guard (e (#t e)) (raise #f)))

;; error and error objects
(test #t (guard (e (#t (error-object? e))) (error "msg" 1 2)))
(test "msg" (guard (e (#t (error-object-message e))) (error "msg" 1 2)))
(test '(1 2) (guard (e (#t (error-object-irritants e))) (error "msg" 1 2)))
(test '() (guard (e (#t (error-object-irritants e))) (error "no irritants")))
(test '(a "b" (c)) (guard (e (#t (error-object-irritants e))) (error "x" 'a "b" '(c))))
(test #f (error-object? 'symbol))
(test #f (error-object? "string"))
(test #f (guard (e (#t (error-object? e))) (raise 'sym)))
(test "error with a symbol-ish message still works" #t
      (guard (e ((error-object? e) (string? (error-object-message e)))) (error "who: what")))
(test "error objects from the system are error objects" #t
      (guard (e (#t (error-object? e))) (car '())))
(test "system error messages are strings" #t
      (guard (e (#t (string? (error-object-message e)))) (vector-ref (vector) 0)))
(test "system error irritants are lists" #t
      (guard (e (#t (list? (error-object-irritants e)))) (+ 'a 1)))
(test #t (guard (e (#t (file-error? e))) (open-input-file "no-such-file-for-6.11.txt")))
(test #f (guard (e (#t (file-error? e))) (error "plain")))
(test #t (guard (e (#t (read-error? e))) (read (open-input-string "(1 2"))))
(test #t (guard (e (#t (read-error? e))) (read (open-input-string ")"))))
(test #f (guard (e (#t (read-error? e))) (error "plain")))
(test #f (read-error? 5))
(test #f (file-error? 5))
(test "error-object-message of a file error" #t
      (guard (e (#t (string? (error-object-message e)))) (open-input-file "no-such-file-for-6.11.txt")))

;; guard
(test 42 (guard (condition ((assq 'a condition) => cdr) ((assq 'b condition)))
           (raise (list (cons 'a 42)))))
(test '(b . 23) (guard (condition ((assq 'a condition) => cdr) ((assq 'b condition)))
                  (raise (list (cons 'b 23)))))
(test "guard with => on an error object" "bad thing"
      (guard (e ((and (error-object? e) e) => error-object-message)) (error "bad thing")))
(test "guard re-raises to an outer guard when no clause matches" 'outer-caught
      (guard (e ((eq? e 'inner) 'inner-caught) ((eq? e 'outer) 'outer-caught))
        (guard (e ((eq? e 'inner) 'inner-caught))
          (raise 'outer))))
(test "guard re-raise keeps the same object" #t
      (let ((obj (list 'unique)))
        (guard (e (#t (eq? e obj)))
          (guard (e ((string? e) #f))
            (raise obj)))))
(test "reraise from a guard clause" 'second
      (guard (e ((eq? e 'second) 'second))
        (guard (e ((eq? e 'first) (raise 'second)))
          (raise 'first))))
(test "guard re-raise is continuable in the original context" 43
      (with-exception-handler
       (lambda (c) 42)
       (lambda ()
         (+ (guard (e ((string? e) 0))
              (raise-continuable 'not-a-string))
            1))))
(test "guard catches errors from deep inside calls" 'deep
      (guard (e ((symbol? e) e))
        (let loop ((n 100)) (if (= n 0) (raise 'deep) (+ 1 (loop (- n 1)))))))
(test "guard inside a loop" 1000
      (let loop ((i 0) (caught 0))
        (if (= i 1000) caught
            (loop (+ i 1) (+ caught (guard (e (#t 1)) (raise i)))))))
(test "guard with else clause" 'else (guard (e ((string? e) 's) (else 'else)) (raise 1)))
(test "guard body value when no exception" '(1 2) (guard (e (#t 'no)) (list 1 2)))
(test "guard binds its variable only in clauses" 'x
      (let ((e 'x)) (guard (e (#t e)) #f) e))
(test "guard restores parameterize bindings" 'outer
      (let ((p (make-parameter 'outer)))
        (guard (e (#t (p)))
          (parameterize ((p 'inner)) (raise 'boom)))))
(test "error inside a handler body is caught by the outer guard" 'outer
      (guard (e ((eq? e 'from-handler) 'outer))
        (with-exception-handler
         (lambda (c) (raise 'from-handler))
         (lambda () (raise 'original)))))

(test "exception in map's procedure" 'caught
      (guard (e (#t 'caught)) (map (lambda (x) (if (= x 2) (raise 'two) x)) '(1 2 3))))
(test "exception from apply" 'caught
      (guard (e (#t 'caught)) (apply (lambda (x) (raise x)) '(1))))
(test "exception from vector-map" 'caught
      (guard (e (#t 'caught)) (vector-map (lambda (x) (raise x)) #(1))))
(test "exception from string-for-each" 'caught
      (guard (e (#t 'caught)) (string-for-each (lambda (c) (raise c)) "ab")))
(test "exception from dynamic-wind before thunk" 'caught
      (guard (e (#t 'caught)) (dynamic-wind (lambda () (raise 'b)) (lambda () 1) (lambda () 2))))

;; R7RS 4.2.7: with no matching clause, guard re-raises with
;; raise-continuable "within the dynamic environment of the original call
;; to raise", so the dynamic-wind the guard left is entered again.
(test "guard re-raises in the dynamic environment of the raise"
      '(before after before (outer boom) after)
      (let* ((log '())
             (note (lambda (x) (set! log (cons x log)))))
        (call/cc
         (lambda (k)
           (with-exception-handler
            (lambda (e) (note (list 'outer e)) (k #f))
            (lambda ()
              (guard (e ((string? e) 'no))
                (dynamic-wind
                 (lambda () (note 'before))
                 (lambda () (raise 'boom))
                 (lambda () (note 'after))))))))
        (reverse log)))
(test "a re-raised condition sees the parameterize of the raise" 'inner
      (let ((p (make-parameter 'outer)))
        (with-exception-handler
         (lambda (e) (p))
         (lambda ()
           (guard (e (#f 'never))
             (parameterize ((p 'inner))
               (raise-continuable 'c)))))))
(test "the handler's value returns from raise-continuable through guard" 42
      (with-exception-handler
       (lambda (e) 41)
       (lambda ()
         (guard (e ((string? e) 'no))
           (+ 1 (raise-continuable 'c))))))

(test-end)
