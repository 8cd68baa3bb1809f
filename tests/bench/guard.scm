;; category: control
;; guard: raising and catching conditions in a hot loop: guard with raise of
;; non-condition objects, error and error-object accessors, re-raising to an
;; outer guard, and with-exception-handler with raise-continuable.
(define (checked-div a b)
  (if (= b 0) (raise 'division-by-zero) (quotient a b)))

(define (safe-div a b)
  (guard (e ((symbol? e) -1))
    (checked-div a b)))

(define (parse-digit c)
  (if (char-numeric? c)
      (- (char->integer c) 48)
      (error "not a digit" c)))

(define (digit-or-zero c)
  (guard (e ((error-object? e) (length (error-object-irritants e))))
    (parse-digit c)))

(define (nested i)
  (guard (outer ((string? outer) (string-length outer)))
    (guard (inner ((number? inner) inner))
      (raise (if (even? i) i "odd")))))

(define (continuable i)
  (with-exception-handler
   (lambda (c) (* c 2))
   (lambda () (+ 1 (raise-continuable i)))))

(define (run i)
  (+ (safe-div 100 (remainder i 3))
     (digit-or-zero (if (even? i) #\7 #\x))
     (nested i)
     (continuable (remainder i 10))))

(define (repeat n)
  (let loop ((i 0) (r 0))
    (if (= i n) r (loop (+ i 1) (+ r (run i))))))

(display "guard x 100000 = ")
(display (repeat 100000))
(newline)
