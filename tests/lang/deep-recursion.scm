;; Deep non-tail recursion: the Scheme stack is bounded only by the heap.
;; Running out of heap raises a catchable error, and the program goes on.
(include "harness.scm")

(define depth (workload 1000000 2000))
(define (count-up k) (if (= k 0) 0 (+ 1 (count-up (- k 1)))))
(test "non-tail recursion 10^6 deep" depth (count-up depth))
;; Lists of a quarter of that length: the list and the frames that build it
;; must both fit in the 64 MiB heap.
(define list-depth (quotient depth 4))
(define (build k) (if (= k 0) '() (cons k (build (- k 1)))))
(test "building a list by non-tail recursion" list-depth (length (build list-depth)))
(test "map over a long list (map may recurse)" list-depth
      (length (map (lambda (x) x) (build list-depth))))
(test "append of long lists" (* 2 list-depth) (length (append (build list-depth) (build list-depth))))
(test "deep recursion through apply" (workload 100000 500)
      (let f ((k (workload 100000 500))) (if (= k 0) 0 (+ 1 (apply f (list (- k 1)))))))
(test "deep recursion through call/cc frames" (workload 100000 500)
      (let f ((k (workload 100000 500)))
        (if (= k 0) 0 (+ 1 (call/cc (lambda (c) (f (- k 1))))))))
(test "deep recursion through dynamic-wind" (workload 10000 200)
      (let f ((k (workload 10000 200)))
        (if (= k 0) 0 (+ 1 (dynamic-wind (lambda () #f) (lambda () (f (- k 1))) (lambda () #f))))))
(test "equal? on two long lists" #t
      (let* ((a (build (quotient list-depth 2))) (b (build (quotient list-depth 2)))) (equal? a b)))
(test "write of a deeply nested list" (+ 4 (* 2 (workload 100000 500)))
      (let loop ((k (workload 100000 500)) (d '()))
        (if (= k 0)
            (let ((p (open-output-string))) (write (list d) p) (string-length (get-output-string p)))
            (loop (- k 1) (list d)))))
(test "reading a deeply nested list" (- (workload 100000 500) 1)
      (let* ((k (workload 100000 500))
             (text (string-append (make-string k #\() (make-string k #\)))))
        (let count ((d (read (open-input-string text))) (n 0))
          (if (null? d) n (count (car d) (+ n 1))))))

;; Running out of memory.  The collector-at-every-allocation run skips these:
;; filling 64 MiB one allocation at a time would take hours there.
(if (not harness-stress)
    (begin
      (test-error "infinite recursion raises a catchable heap exhausted error" error-object? "heap"
                  (let f ((k 0)) (+ 1 (f (+ k 1)))))
      (test "the program goes on after heap exhaustion" 1000 (length (build 1000)))
      (test-error "unbounded allocation raises a catchable error" error-object? "heap"
                  (let loop ((l '())) (loop (cons (make-vector 100 l) l))))
      (test "a second heap exhaustion is caught as well" 'caught
            (guard (e ((error-object? e) 'caught))
              (let f ((k 0)) (cons k (f (+ k 1))))))
      (test "a huge single allocation raises instead of crashing" 'caught
            (guard (e ((error-object? e) 'caught))
              (make-vector 1000000000000 0)))
      (test "a huge string allocation raises" 'caught
            (guard (e ((error-object? e) 'caught))
              (make-string 1000000000000 #\a)))
      (test "dynamic-wind after thunks run when the heap runs out" 'unwound
            (let ((state 'not-unwound))
              (guard (e (#t state))
                (dynamic-wind (lambda () #f)
                              (lambda () (let f ((k 0)) (+ 1 (f (+ k 1)))))
                              (lambda () (set! state 'unwound))))))
      (test "deep recursion works again after exhaustion" depth (count-up depth))))

(test-end)
