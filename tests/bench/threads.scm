;; category: callcc
;; threads: cooperative threads built from call/cc, the classic round-robin
;; scheduler: each thread runs a loop that yields after every step, and a
;; queue of continuations decides who runs next.  Every switch captures
;; one thread's continuation and resumes another's.
(define queue-head '())
(define queue-tail '())

(define (enqueue! x)
  (let ((cell (list x)))
    (if (null? queue-head)
        (set! queue-head cell)
        (set-cdr! queue-tail cell))
    (set! queue-tail cell)))

(define (dequeue!)
  (let ((x (car queue-head)))
    (set! queue-head (cdr queue-head))
    x))

(define scheduler-k #f)
(define switches 0)
(define total 0)

;; Saves the running thread at the back of the queue and runs the next.
(define (yield)
  (call-with-current-continuation
   (lambda (k)
     (set! switches (+ switches 1))
     (enqueue! k)
     ((dequeue!) #f))))

;; A finished thread runs the next one, or returns to the scheduler.
(define (finish)
  (if (null? queue-head)
      (scheduler-k #t)
      ((dequeue!) #f)))

(define (spawn! body)
  (enqueue! (lambda (ignore) (body) (finish))))

;; A thread with some stack of its own: it yields from inside a recursion
;; of depth d, so switching threads swaps different stacks.
(define (worker id steps depth)
  (lambda ()
    (let loop ((i 0))
      (if (< i steps)
          (begin
            (let ((v (descend depth (lambda () (yield) (+ id i)))))
              (set! total (+ total v)))
            (loop (+ i 1)))))))

(define (descend d thunk)
  (if (= d 0) (thunk) (+ 0 (descend (- d 1) thunk))))

(define (run threads steps)
  (set! queue-head '())
  (set! queue-tail '())
  (do ((id 0 (+ id 1))) ((= id threads))
    (spawn! (worker id steps (+ 1 (remainder (* id 7) 13)))))
  (call-with-current-continuation
   (lambda (k)
     (set! scheduler-k k)
     ((dequeue!) #f)))
  total)

(define (repeat n)
  (let loop ((i 0))
    (if (< i n) (begin (run 10 1000) (loop (+ i 1))))))

(repeat 80)
(display "threads 10 x 1000 x 80 = ")
(display (list total switches))
(newline)
