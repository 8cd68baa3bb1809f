;; category: library
;; regexp: searching a log text with regular expressions: extracting
;; words, numbers and addresses, replacing, as SRE (SRFI 115 in p, irregex
;; in CHICKEN) or as the POSIX pattern written beside it (Guile's
;; (ice-9 regex)); prelude/NAME/regexp.scm binds make-pattern and rx-.
(define (make-log n)
  (let ((out (open-output-string)))
    (do ((i 0 (+ i 1))) ((= i n) (get-output-string out))
      (write-string "user" out)
      (write-string (number->string (modulo (* i 37) 1000)) out)
      (write-string " logged in at " out)
      (write-string (number->string (+ 10 (modulo i 14))) out)
      (write-string ":" out)
      (write-string (number->string (+ 10 (modulo (* i 7) 50))) out)
      (write-string " from 10.0." out)
      (write-string (number->string (modulo i 256)) out)
      (write-string "." out)
      (write-string (number->string (modulo (* i 3) 256)) out)
      (newline out))))

(define word (make-pattern '(+ alpha) "[[:alpha:]]+"))
(define number (make-pattern '(+ digit) "[0-9]+"))
(define address
  (make-pattern '(: (+ digit) "." (+ digit) "." (+ digit) "." (+ digit))
                "[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+"))
(define clock
  (make-pattern '(: (= 2 digit) ":" (= 2 digit)) "[0-9][0-9]:[0-9][0-9]"))

(define (run n)
  (let ((text (make-log n)))
    (+ (length (rx-extract word text))
       (* 1000 (length (rx-extract number text)))
       (* 1000000 (length (rx-extract address text)))
       (string-length (rx-replace-all clock text "hh:mm"))
       (string-length (rx-replace-all number text "#")))))

(display "regexp 1000 = ")
(display (run 1000))
(newline)
