;; category: string
;; wc: counts lines, words and characters of a generated text by reading it
;; character by character from a string port (read-char, peek-char).
(define (make-text words seed)
  (let ((out (open-output-string)))
    (let loop ((i 0) (x seed))
      (if (< i words)
          (let ((len (+ 1 (remainder x 9))))
            (do ((j 0 (+ j 1))) ((= j len))
              (write-char (integer->char (+ 97 (remainder (+ x (* j 7)) 26))) out))
            (write-char (cond ((= (remainder x 13) 0) #\newline)
                              ((= (remainder x 7) 0) #\tab)
                              (else #\space))
                        out)
            (loop (+ i 1) (remainder (+ (* x 1103515245) 12345) 2147483648)))))
    (get-output-string out)))

(define (separator? c) (or (char=? c #\space) (char=? c #\tab) (char=? c #\newline)))

;; A word ends at a non-separator whose successor (peek-char) is a
;; separator or the end.
(define (wc text)
  (let ((in (open-input-string text)))
    (let loop ((lines 0) (words 0) (chars 0))
      (let ((c (read-char in)))
        (cond ((eof-object? c) (list lines words chars))
              ((char=? c #\newline) (loop (+ lines 1) words (+ chars 1)))
              ((separator? c) (loop lines words (+ chars 1)))
              (else
               (let ((next (peek-char in)))
                 (loop lines
                       (if (or (eof-object? next) (separator? next)) (+ words 1) words)
                       (+ chars 1)))))))))

(define (repeat k text)
  (let loop ((i 0) (r '(0 0 0)))
    (if (= i k) r (loop (+ i 1) (map + r (wc text))))))

(display "wc x 8 = ")
(display (repeat 8 (make-text 40000 17)))
(newline)
