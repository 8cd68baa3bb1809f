;; category: string
;; chars: character-level string work: string->list and list->string, case
;; conversion, classification, reversal and comparison of strings.
(define (make-text n)
  (let loop ((i 0) (l '()))
    (if (= i n)
        (list->string l)
        (loop (+ i 1)
              (cons (case (remainder (* i 7) 11)
                      ((0) #\space) ((1) #\7) ((2) #\,)
                      (else (integer->char (+ (if (even? i) 65 97) (remainder i 26)))))
                    l)))))

(define (swap-case s)
  (list->string
   (map (lambda (c)
          (cond ((char-upper-case? c) (char-downcase c))
                ((char-lower-case? c) (char-upcase c))
                (else c)))
        (string->list s))))

(define (count-kinds s)
  (let loop ((l (string->list s)) (alpha 0) (digit 0) (space 0))
    (if (null? l)
        (+ alpha (* 1000 digit) (* 1000000 space))
        (let ((c (car l)))
          (loop (cdr l)
                (if (char-alphabetic? c) (+ alpha 1) alpha)
                (if (char-numeric? c) (+ digit 1) digit)
                (if (char-whitespace? c) (+ space 1) space))))))

(define (run s)
  (let* ((t (swap-case s))
         (r (list->string (reverse (string->list t)))))
    (+ (count-kinds t)
       (if (string=? (swap-case t) s) 1 0)
       (if (string<? r t) 2 0)
       (if (string-ci=? s t) 4 0))))

(define (repeat k)
  (let ((s (make-text 10000)))
    (let loop ((i 0) (r 0))
      (if (= i k) r (loop (+ i 1) (+ r (run s)))))))

(display "chars 10000 x 80 = ")
(display (repeat 80))
(newline)
