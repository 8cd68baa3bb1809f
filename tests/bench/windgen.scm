;; category: callcc
;; windgen: generators whose producer runs inside dynamic-wind and
;; parameterize, so every element leaves the producer's dynamic extent and
;; the next re-enters it: the before and after thunks run and the
;; parameter binding is swapped out and in again on each switch.
(define level (make-parameter 0))
(define ins 0)
(define outs 0)

(define (make-gen n)
  (define return #f)
  (define resume #f)
  (define (produce)
    (parameterize ((level (+ (level) 1)))
      (dynamic-wind
       (lambda () (set! ins (+ ins 1)))
       (lambda ()
         (let loop ((i 0))
           (if (< i n)
               (begin
                 (call-with-current-continuation
                  (lambda (k)
                    (set! resume k)
                    (return (+ i (* 1000 (level))))))
                 (loop (+ i 1))))))
       (lambda () (set! outs (+ outs 1)))))
    (return 'done))
  (lambda ()
    (call-with-current-continuation
     (lambda (r)
       (set! return r)
       (if resume (resume #f) (produce))))))

;; Sums two generators' elements pairwise, the second one in a deeper
;; binding of the parameter.
(define (run n)
  (let ((g1 (make-gen n))
        (g2 (parameterize ((level 5)) (make-gen n))))
    (let loop ((sum 0))
      (let ((a (g1)) (b (parameterize ((level 10)) (g2))))
        (if (or (eq? a 'done) (eq? b 'done))
            sum
            (loop (+ sum a b (level))))))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (+ r (run 1000))))))

(define result (repeat 240))
(display "windgen 1000 x 240 = ")
(display (list result ins outs))
(newline)
