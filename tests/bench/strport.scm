;; category: string
;; strport: writes nested data (lists, vectors, strings, symbols, numbers,
;; characters) to string ports with write and reads it back with read.
(define (make-datum depth seed)
  (if (= depth 0)
      (case (remainder seed 6)
        ((0) seed)
        ((1) (string-append "s" (number->string seed) " \"q\""))
        ((2) (string->symbol (string-append "sym" (number->string (remainder seed 50)))))
        ((3) (integer->char (+ 65 (remainder seed 26))))
        ((4) (- seed))
        (else (list 'quote seed)))
      (let ((k (+ (* seed 5) depth)))
        (if (odd? depth)
            (list (make-datum (- depth 1) k) (make-datum (- depth 1) (+ k 1)) (make-datum (- depth 1) (+ k 2)))
            (vector (make-datum (- depth 1) k) (make-datum (- depth 1) (+ k 3)))))))

;; The text's length depends on how an implementation writes some data
;; (quote forms, characters), so the result counts leaves instead.
(define (round-trip datum)
  (let ((out (open-output-string)))
    (write datum out)
    (let ((back (read (open-input-string (get-output-string out)))))
      (if (equal? back datum) (leaves back) -1))))

(define (leaves d)
  (cond ((pair? d) (if (eq? (car d) 'quote) 1 (+ (leaves (car d)) (leaves (cdr d)))))
        ((vector? d) (leaves (vector->list d)))
        ((null? d) 0)
        (else 1)))

(define (repeat k)
  (let ((d (make-datum 11 1)))
    (let loop ((i 0) (r 0))
      (if (= i k) r (loop (+ i 1) (+ r (round-trip d)))))))

(display "strport x 20 = ")
(display (repeat 20))
(newline)
