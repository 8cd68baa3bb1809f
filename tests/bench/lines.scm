;; category: string
;; lines: writes a text of comma-separated records to a string port with
;; display, then reads it back line by line with read-line and takes
;; each line apart into fields with string-ref, char=?, substring and
;; string->number.
(define (make-text n)
  (let ((out (open-output-string)))
    (do ((i 0 (+ i 1))) ((= i n) (get-output-string out))
      (display (number->string i) out)
      (display "," out)
      (display (make-string (+ 1 (remainder (* i 7) 23))
                            (integer->char (+ 97 (remainder i 26))))
               out)
      (display "," out)
      (display (number->string (* i i)) out)
      (newline out))))

(define (fields line)
  (let loop ((i 0) (start 0) (acc '()))
    (cond ((= i (string-length line))
           (reverse (cons (substring line start i) acc)))
          ((char=? (string-ref line i) #\,)
           (loop (+ i 1) (+ i 1) (cons (substring line start i) acc)))
          (else (loop (+ i 1) start acc)))))

(define (sum-text text)
  (let ((in (open-input-string text)))
    (let loop ((lines 0) (total 0))
      (let ((line (read-line in)))
        (if (eof-object? line)
            (list lines total)
            (let ((f (fields line)))
              (loop (+ lines 1)
                    (+ total
                       (string->number (car f))
                       (string-length (cadr f))
                       (remainder (string->number (caddr f)) 1000)))))))))

(define (repeat k n)
  (let loop ((i 0) (r '()))
    (if (= i k) r (loop (+ i 1) (sum-text (make-text n))))))

(display "lines 20000 x 6 = ")
(display (repeat 6 20000))
(newline)
