;;; (srfi 28): basic format strings.  ~a displays the next argument, ~s
;;; writes it, ~% is a newline and ~~ a tilde; anything else is an error.
(define-library (srfi 28)
  (import (scheme base) (scheme write))
  (export format)
  (begin
    (define (format spec . args)
      (let ((out (open-output-string)) (n (string-length spec)))
        (let loop ((i 0) (args args))
          (cond ((= i n)
                 (if (pair? args) (error "format: too many arguments" args))
                 (get-output-string out))
                ((not (char=? (string-ref spec i) #\~))
                 (write-char (string-ref spec i) out)
                 (loop (+ i 1) args))
                ((= (+ i 1) n) (error "format: ~ at the end of the format string" spec))
                (else
                 (let ((d (string-ref spec (+ i 1))))
                   (case d
                     ((#\a #\s)
                      (if (null? args) (error "format: too few arguments" spec))
                      ((if (char=? d #\a) display write) (car args) out)
                      (loop (+ i 2) (cdr args)))
                     ((#\%) (newline out) (loop (+ i 2) args))
                     ((#\~) (write-char #\~ out) (loop (+ i 2) args))
                     (else (error "format: unknown directive" d spec)))))))))))
