;; Continuations under the VM's incremental capture: a capture shares the
;; part of the stack an earlier capture already holds, and a re-entry
;; copies only what differs from the stack in place.  These check that
;; sharing never hands back stale frames.
(include "harness.scm")

;; Re-entering one continuation many times, each time from a different
;; stack: the frames below the capture must come back every time.
(test "re-entering a continuation 10000 times" 10000
      (let ((k #f) (n 0))
        (let ((v (call/cc (lambda (c) (set! k c) 0))))
          (set! n (+ n 1))
          (if (< v 9999) (k (+ v 1)) n))))

(define (deep n thunk) (if (= n 0) (thunk) (+ 1 (deep (- n 1) thunk))))

(test "capture deep in a recursion, re-entered from the top level" (* 3 1001)
      (let ((k #f) (runs 0) (sum 0))
        (set! sum (+ sum (deep 1000 (lambda () (call/cc (lambda (c) (set! k c) 1))))))
        (set! runs (+ runs 1))
        (if (< runs 3) (k 1) sum)))

;; A local of the capturing frame set after a first capture: a later
;; capture from the same frame must hold the new value, not the one the
;; earlier capture copied.
(test "a let variable bound after an earlier capture" '(1 2 2)
      (let ((k2 #f) (seen '()))
        (define (f)
          (let* ((a (call/cc (lambda (c) 1)))
                 (b (+ a 1))
                 (c (call/cc (lambda (c) (set! k2 c) b))))
            (set! seen (cons c seen))
            (list a b c)))
        (let ((r (f)))
          (if (< (length seen) 2) (k2 2) r))))

;; Two generators that walk trees of different depths, resumed in turn:
;; each re-entry replaces the other generator's stack.
(define (make-gen tree)
  (define return #f)
  (define resume #f)
  (define (walk t)
    (cond ((null? t) #t)
          ((pair? t) (walk (car t)) (walk (cdr t)))
          (else (call/cc (lambda (k) (set! resume k) (return t))))))
  (lambda ()
    (call/cc (lambda (r)
               (set! return r)
               (if resume (resume #t) (begin (walk tree) (return 'done)))))))
(define (left-comb n) (let loop ((t 0) (i 1)) (if (> i n) t (loop (cons t i) (+ i 1)))))
(define (right-comb lo hi) (if (= lo hi) hi (cons lo (right-comb (+ lo 1) hi))))
(test "alternating generators over differently shaped trees" 301
      (let ((g1 (make-gen (left-comb 300))) (g2 (make-gen (right-comb 0 300))))
        (let loop ((n 0))
          (let ((a (g1)) (b (g2)))
            (cond ((eq? a 'done) n)
                  ((= a b) (loop (+ n 1)))
                  (else (list 'mismatch a b)))))))

(test "a continuation captured deep, resumed after many collections"
      '(200 201 202 203 204)
      (let ((k #f) (out '()))
        (let ((v (deep 200 (lambda () (call/cc (lambda (c) (set! k c) 0))))))
          (set! out (cons v out))
          (let churn ((i 0) (junk '()))
            (if (< i (workload 200000 2000)) (churn (+ i 1) (cons (make-vector 3 i) junk))))
          (if (< (length out) 5) (k (length out)) (reverse out)))))

(test "dynamic-wind entered again through a continuation"
      '(before after before after before after)
      (let ((k #f) (log '()) (n 0))
        (dynamic-wind
          (lambda () (set! log (cons 'before log)))
          (lambda () (call/cc (lambda (c) (set! k c))))
          (lambda () (set! log (cons 'after log))))
        (set! n (+ n 1))
        (if (< n 3) (k #f) (reverse log))))

(test "escaping out of nested dynamic-winds runs each after once" '(c b a)
      (let ((log '()))
        (call/cc
          (lambda (k)
            (dynamic-wind
              (lambda () #f)
              (lambda ()
                (dynamic-wind
                  (lambda () #f)
                  (lambda ()
                    (dynamic-wind (lambda () #f) (lambda () (k 1))
                                  (lambda () (set! log (cons 'c log)))))
                  (lambda () (set! log (cons 'b log)))))
              (lambda () (set! log (cons 'a log))))))
        (reverse log)))

(test "guard in a loop, re-raising to an outer guard" (workload 20000 500)
      (let loop ((i 0) (caught 0))
        (if (= i (workload 20000 500))
            caught
            (loop (+ i 1)
                  (+ caught
                     (guard (e ((string? e) 1))
                       (guard (e ((symbol? e) 0))
                         (raise (if (even? i) "s" "t")))))))))

(test "a continuation called with several values" '(1 2 3)
      (call-with-values (lambda () (call/cc (lambda (k) (k 1 2 3)))) list))

;; Exception handlers are part of what a continuation reinstates.
(test "a continuation escaping a handler's extent reinstates the outer handler" 'outer
      (with-exception-handler
        (lambda (c) 'outer)
        (lambda ()
          (call/cc (lambda (k)
                     (with-exception-handler (lambda (c) 'inner) (lambda () (k 0)))))
          (raise-continuable 'x))))

(test "an after thunk run by an escape sees its dynamic-wind's handlers" 'outer
      (let ((seen #f))
        (with-exception-handler
          (lambda (c) 'outer)
          (lambda ()
            (call/cc
              (lambda (k)
                (dynamic-wind
                  (lambda () #f)
                  (lambda () (with-exception-handler (lambda (c) 'inner) (lambda () (k 0))))
                  (lambda () (set! seen (raise-continuable 'x))))))
            seen))))

;; R7RS guard: the clauses are tested in the guard's dynamic environment;
;; with none applying the condition is raised again in the raise's.
(test "guard with no matching clause re-raises where the raise was" '(11 (in out in handler out))
      (let ((log '()))
        (define (note x) (set! log (cons x log)))
        (let ((v (with-exception-handler
                   (lambda (c) (note 'handler) 10)
                   (lambda ()
                     (guard (e (#f 0))
                       (dynamic-wind (lambda () (note 'in))
                                     (lambda () (+ 1 (raise-continuable 1)))
                                     (lambda () (note 'out))))))))
          (list v (reverse log)))))

;; A capture shares with the previous one only what lies below the frame
;; that runs after it: that frame's own slots (here the loop's i, rewritten
;; by the tail call) must be copied again.
(test "a frame's argument rewritten by a tail call after a capture" '(0 1 2 1 2)
      (let ((seen '()) (first-k #f) (again #t))
        (let loop ((i 0))
          (if (< i 3)
              (begin
                (call/cc (lambda (k) (if (= i 1) (set! first-k k))))
                (set! seen (cons i seen))
                (loop (+ i 1)))))
        (if again (begin (set! again #f) (first-k #f)))
        (reverse seen)))

;; parameterize bindings are entries on the dynamic-wind list: a
;; continuation leaving or re-entering their extent swaps them in order with
;; the dynamic-wind thunks.
(test "re-entering a parameterize restores its binding" '(inner outer inner outer)
      (let ((p (make-parameter 'outer)) (k #f) (seen '()) (n 0))
        (parameterize ((p 'inner))
          (call/cc (lambda (c) (set! k c)))
          (set! seen (cons (p) seen)))
        (set! seen (cons (p) seen))
        (set! n (+ n 1))
        (if (< n 2) (k #f))
        (reverse seen)))
(test "dynamic-wind thunks see the bindings outside them" '(in b out b in b out b)
      (let ((p (make-parameter 'a)) (log '()) (k #f) (n 0))
        (parameterize ((p 'b))
          (dynamic-wind
            (lambda () (set! log (cons (p) (cons 'in log))))
            (lambda () (parameterize ((p 'c)) (call/cc (lambda (c) (set! k c)))))
            (lambda () (set! log (cons (p) (cons 'out log))))))
        (set! n (+ n 1))
        (if (< n 2) (k #f))
        (reverse log)))
(test "jumping between the extents of two parameterize forms" '(x y x outer)
      (let ((p (make-parameter 'outer)) (kx #f) (seen '()))
        (parameterize ((p 'x))
          (call/cc (lambda (c) (set! kx c)))
          (set! seen (cons (p) seen)))
        (if (= (length seen) 1)
            (parameterize ((p 'y))
              (set! seen (cons (p) seen))
              (kx #f)))
        (reverse (cons (p) seen))))
(test "several parameters are converted before any is bound" '(10 2 10)
      (let* ((a (make-parameter 'outer))
             (b (make-parameter 0 (lambda (x) (if (number? x) x (a))))))
        (parameterize ((a 10) (b 2))
          (list (a) (b) (parameterize ((a 'inner) (b 'ignored)) (b))))))
(test "a failing converter leaves no binding behind" '(caught 1 1)
      (let* ((a (make-parameter 1))
             (b (make-parameter 0 (lambda (x) (if (number? x) x (raise 'bad))))))
        (let ((r (guard (e ((eq? e 'bad) 'caught))
                   (parameterize ((a 2) (b 'x)) 'no))))
          (list r (a) (parameterize ((b 5)) (a))))))
(test-error "parameterize of a non-parameter" (type-error 'parameterize "parameter")
            (parameterize ((car 1)) 'no))
(test "parameterize returns several values" '(1 2)
      (let ((p (make-parameter 0)))
        (call-with-values (lambda () (parameterize ((p 1)) (values (p) 2))) list)))

;; A continuation takes any number of values, also when calling it leaves
;; a dynamic-wind.
(define (iota-list n) (let loop ((i n) (l '())) (if (= i 0) l (loop (- i 1) (cons i l)))))
(test "a continuation called with no values" '()
      (call-with-values (lambda () (call/cc (lambda (k) (k)))) list))
(test "a continuation called with 1,000 values" 1000
      (length (call-with-values (lambda () (call/cc (lambda (k) (apply k (iota-list 1000))))) list)))
(test "a continuation leaving a dynamic-wind with 1,000 values" '(1000 after)
      (let ((log '()))
        (let ((n (length (call-with-values
                           (lambda ()
                             (call/cc (lambda (k)
                                        (dynamic-wind (lambda () #f)
                                                      (lambda () (apply k (iota-list 1000)))
                                                      (lambda () (set! log (cons 'after log)))))))
                           list))))
          (cons n log))))
(test "a continuation leaving a dynamic-wind with no values" '()
      (call-with-values
        (lambda () (call/cc (lambda (k) (dynamic-wind (lambda () #f) (lambda () (k)) (lambda () #f)))))
        list))

;; call-with-values: the producer returns into a frame of the VM's own that
;; calls the consumer in its place.
(test "re-entering a producer's continuation calls the consumer again" '((1 10) (2 20) (3 30))
      (let ((k #f) (seen '()))
        (call-with-values
          (lambda () (call/cc (lambda (c) (set! k c) (values 1 10))))
          (lambda (a b) (set! seen (cons (list a b) seen))))
        (if (< (length seen) 3)
            (let ((n (+ 1 (length seen)))) (k n (* n 10))))
        (reverse seen)))
(test "a primitive as producer and as consumer" '(() 6)
      (list (call-with-values values list)
            (call-with-values (lambda () (values 1 2 3)) +)))
(test "the consumer is called in tail position" #t
      (let loop ((i (workload 1000000 2000)) (acc 0) (n (workload 1000000 2000)))
        (if (= i 0)
            (= acc (quotient (* n (+ n 1)) 2))
            (call-with-values (lambda () (values i acc))
              (lambda (a b) (loop (- a 1) (+ b a) n))))))
(test-error "call-with-values takes two arguments" (error-from 'call-with-values "2 arguments")
            (call-with-values (lambda () 1)))

(test-end)
