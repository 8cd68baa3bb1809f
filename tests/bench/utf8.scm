;; category: string
;; utf8: converts strings with non-ASCII characters to UTF-8 bytevectors and
;; back (string->utf8, utf8->string), and walks the bytes.
(define (make-text n)
  (let ((chars (list #\a #\Z #\space (integer->char 233) (integer->char 955)
                     (integer->char 8364) (integer->char 128512) #\0)))
    (let loop ((i 0) (l '()))
      (if (= i n) (list->string l) (loop (+ i 1) (cons (list-ref chars (remainder (* i i) 8)) l))))))

(define (byte-sum bv)
  (let loop ((i 0) (s 0))
    (if (= i (bytevector-length bv)) s (loop (+ i 1) (+ s (bytevector-u8-ref bv i))))))

(define (run text)
  (let* ((bv (string->utf8 text))
         (back (utf8->string bv)))
    (+ (bytevector-length bv) (remainder (byte-sum bv) 1000) (if (string=? back text) 1 0))))

(define (repeat k)
  (let ((text (make-text 20000)))
    (let loop ((i 0) (r 0))
      (if (= i k) r (loop (+ i 1) (+ r (run text)))))))

(display "utf8 20000 x 360 = ")
(display (repeat 360))
(newline)
