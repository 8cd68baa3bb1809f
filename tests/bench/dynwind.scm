;; category: control
;; dynwind: nested dynamic-wind, entered normally and left both normally
;; and by escaping continuations, counting the before and after thunks.
(define entered 0)
(define left 0)

(define (nest depth thunk)
  (if (= depth 0)
      (thunk)
      (dynamic-wind
       (lambda () (set! entered (+ entered 1)))
       (lambda () (+ 1 (nest (- depth 1) thunk)))
       (lambda () (set! left (+ left 1))))))

(define (run i)
  (+ (nest 5 (lambda () i))
     (call-with-current-continuation
      (lambda (k) (nest 5 (lambda () (if (odd? i) (k 0) i)))))))

(define (repeat n)
  (let loop ((i 0) (r 0))
    (if (= i n) r (loop (+ i 1) (+ r (run i))))))

(display "dynwind x 150000 = ")
(let ((r (repeat 150000)))
  (display (list r entered left)))
(newline)
