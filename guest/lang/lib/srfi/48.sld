;;; (srfi 48): intermediate format strings.  ~y writes its argument like
;;; ~s followed by a newline (the SRFI permits this in place of a pretty
;;; printer); ~w is write, which labels shared structure.  ~& starts a new
;;; line unless this call has just written one.
(define-library (srfi 48)
  (import (scheme base) (scheme char) (scheme write) (scheme case-lambda))
  (export format)
  (begin
    (define help-text
      "(format [<port>] <format-string> [<arg>...]) -- <port> is #t, #f or an output-port
~H [Help] output this text
~A [Any] (display arg) for humans
~S [Slashified] (write arg) for parsers
~W [WriteCircular] like ~s, but handles recursive structures
~~ [tilde] output a tilde
~T [Tab] output a tab character
~% [Newline] output a newline character
~& [Freshline] output a newline character if the previous output was not a newline
~D [Decimal] the arg is a number which is output in decimal radix
~X [heXadecimal] the arg is a number which is output in hexdecimal radix
~O [Octal] the arg is a number which is output in octal radix
~B [Binary] the arg is a number which is output in binary radix
~w,dF [Fixed] the arg is a string or number which has width w and d digits after the decimal
~C [Character] charater arg is output by write-char
~_ [Space] a single space character is output
~Y [Yuppify] the list arg is pretty-printed to the output
~? [Indirection] recursive format: next arg is a format-string and the following arg a list of arguments
~K [Indirection] same as ~?
")

    (define (pad-left s width)
      (if (< (string-length s) width)
          (string-append (make-string (- width (string-length s)) #\space) s)
          s))

    ;; x with exactly d digits after the point, rounded.
    (define (fixed x d)
      (let* ((scale (expt 10 d))
             (n (round (* (exact x) scale)))
             (digits (number->string (abs n)))
             (digits (if (<= (string-length digits) d)
                         (string-append (make-string (- (+ d 1) (string-length digits)) #\0) digits)
                         digits))
             (point (- (string-length digits) d)))
        (string-append (if (negative? n) "-" "")
                       (substring digits 0 point)
                       (if (> d 0) "." "")
                       (substring digits point (string-length digits)))))

    (define (number-in who x radix)
      (if (not (number? x)) (error (string-append "format: " who " needs a number") x))
      (number->string x radix))

    ;; Writes the directives of spec to out; returns the unused arguments.
    ;; line is a one-element list: #t once this call has written output
    ;; ending in a newline, #f after other output or none, shared with
    ;; the formats ~? runs.
    (define (run spec args out line)
      (let ((n (string-length spec)))
        (define (emit s)
          (when (> (string-length s) 0)
            (write-string s out)
            (set-car! line (char=? (string-ref s (- (string-length s) 1)) #\newline))))
        (define (next-arg args)
          (if (null? args) (error "format: too few arguments" spec))
          (car args))
        (define (shown proc x)
          (let ((p (open-output-string))) (proc x p) (get-output-string p)))
        (let loop ((i 0) (args args))
          (cond
           ((= i n) args)
           ((not (char=? (string-ref spec i) #\~))
            (emit (string (string-ref spec i)))
            (loop (+ i 1) args))
           (else
            ;; Optional width and digits: ~w,dF.
            (let scan ((j (+ i 1)) (nums '()) (cur #f))
              (if (>= j n) (error "format: incomplete directive at the end" spec))
              (let ((c (string-ref spec j)))
                (cond
                 ((char-numeric? c)
                  (scan (+ j 1) nums (+ (* 10 (or cur 0)) (digit-value c))))
                 ((char=? c #\,) (scan (+ j 1) (cons (or cur 0) nums) #f))
                 (else
                  (let ((params (reverse (if cur (cons cur nums) nums)))
                        (k (+ j 1)))
                    (case (char-downcase c)
                      ((#\a) (emit (shown display (next-arg args))) (loop k (cdr args)))
                      ((#\s #\w) (emit (shown write (next-arg args))) (loop k (cdr args)))
                      ((#\y) (emit (shown write (next-arg args))) (emit "\n") (loop k (cdr args)))
                      ((#\d) (emit (number-in "~d" (next-arg args) 10)) (loop k (cdr args)))
                      ((#\x) (emit (number-in "~x" (next-arg args) 16)) (loop k (cdr args)))
                      ((#\o) (emit (number-in "~o" (next-arg args) 8)) (loop k (cdr args)))
                      ((#\b) (emit (number-in "~b" (next-arg args) 2)) (loop k (cdr args)))
                      ((#\c)
                       (let ((ch (next-arg args)))
                         (if (not (char? ch)) (error "format: ~c needs a character" ch))
                         (emit (string ch))
                         (loop k (cdr args))))
                      ((#\f)
                       (let* ((x (next-arg args))
                              (width (if (pair? params) (car params) 0))
                              (s (cond ((and (number? x) (pair? params) (pair? (cdr params)))
                                        (fixed x (cadr params)))
                                       ((number? x) (number->string x))
                                       ((string? x) x)
                                       (else (error "format: ~f needs a number or string" x)))))
                         (emit (pad-left s width))
                         (loop k (cdr args))))
                      ((#\? #\k)
                       (let ((sub (next-arg args)))
                         (if (null? (cdr args)) (error "format: ~? needs a list of arguments" spec))
                         (let ((rest (run sub (cadr args) out line)))
                           (if (pair? rest) (error "format: too many arguments" rest)))
                         (loop k (cddr args))))
                      ((#\~) (emit "~") (loop k args))
                      ((#\t) (emit "\t") (loop k args))
                      ((#\%) (emit "\n") (loop k args))
                      ((#\_) (emit " ") (loop k args))
                      ((#\&)
                       (if (not (car line)) (emit "\n"))
                       (loop k args))
                      ((#\h) (emit help-text) (loop k args))
                      (else (error "format: unknown directive" c spec)))))))))))))

    (define (format first . rest)
      (let-values (((dest spec args)
                    (cond ((string? first) (values #f first rest))
                          ((null? rest) (error "format: no format string" first))
                          (else (values first (car rest) (cdr rest))))))
        (let ((out (cond ((eq? dest #f) (open-output-string))
                         ((eq? dest #t) (current-output-port))
                         ((output-port? dest) dest)
                         (else (error "format: not a port, #t or #f" dest)))))
          (let ((unused (run spec args out (list #f))))
            (if (pair? unused) (error "format: too many arguments" unused)))
          (if (eq? dest #f) (get-output-string out)))))))
