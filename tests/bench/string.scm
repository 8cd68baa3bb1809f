;; category: string
;; string: building strings with string-append, string ports, substring
;; and number->string.
(define (build-appended n)
  (let loop ((i 0) (s ""))
    (if (= i n)
        s
        (loop (+ i 1) (string-append s (number->string (remainder i 10)))))))

(define (build-port n)
  (let ((port (open-output-string)))
    (let loop ((i 0))
      (if (< i n)
          (begin
            (write-string-compat (number->string i) port)
            (write-char #\, port)
            (loop (+ i 1)))))
    (get-output-string port)))
(define (write-string-compat s port) (display s port))

(define (checksum s)
  (let loop ((i 0) (h 0))
    (if (= i (string-length s))
        h
        (loop (+ i 1) (remainder (+ (* h 31) (char->integer (string-ref s i))) 1000003)))))

(define (chunks s k)
  (let loop ((i 0) (n 0))
    (if (> (+ i k) (string-length s))
        n
        (loop (+ i k) (+ n (string-length (substring s i (+ i k))))))))

(define (run)
  (let* ((a (build-appended 4000))
         (b (build-port 40000)))
    (+ (checksum a) (checksum b) (chunks b 7) (string-length a) (string-length b))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (run)))))

(display "string = ")
(display (repeat 10))
(newline)
