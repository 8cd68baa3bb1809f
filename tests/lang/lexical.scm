;; R7RS 2 and 7.1 lexical syntax as the reader and printer see it, and
;; number->string's radix (6.2.7).
(include "harness.scm")

(define (read-string* s) (read (open-input-string s)))
(define (written x)
  (let ((port (open-output-string))) (write x port) (get-output-string port)))

;; Exponent markers: e, and s f d l as older reports and other Schemes
;; write them, in either case.
(test 100.0 (read-string* "1s2"))
(test 100.0 (read-string* "1f2"))
(test 100.0 (read-string* "1d2"))
(test 100.0 (read-string* "1l2"))
(test 100.0 (read-string* "1E2"))
(test 100.0 (read-string* "1S2"))
(test 15.0 (read-string* "1.5L1"))
(test 0.025 (read-string* "2.5d-2"))
(test 100 (read-string* "#e1f2"))
(test 100.0 (string->number "1d2"))

;; "#t #f #true #false": case is insignificant in them.
(test #t (read-string* "#T"))
(test #t (read-string* "#TRUE"))
(test #f (read-string* "#FALSE"))
(test #f (read-string* "#F"))
(test #t (read-string* "#True"))

;; A comment runs to the end of the line; a lone CR ends a line too.
(test '(a b) (read-string* (string #\( #\a #\space #\; #\x #\return #\b #\))))
(test 'b (let ((port (open-input-string (string #\; #\x #\return #\b))))
           (read port)))

;; write: "Symbols that contain non-ASCII characters are escaped with
;; vertical lines", and so must any symbol that would not read back as
;; itself, including those that read as numbers in a reader with complex
;; numbers.
(define (round-trips? s)
  (let ((sym (string->symbol s)))
    (eq? sym (read-string* (written sym)))))
(for-each
 (lambda (s) (test-assert (string-append "bars for " s)
                          (and (char=? #\| (string-ref (written (string->symbol s)) 0))
                               (round-trips? s))))
 '("+i" "-i" "+I" "1+" "+NaN.0abc" "-inf.0" "+inf.0i" ".5a" "+1a" "+5" "." "" "a b"))
(for-each
 (lambda (s) (test (string-append "no bars for " s) s (written (string->symbol s))))
 '("+" "-" "..." "+a" "->x" ".a" "+.a" "-@" "a.b" "abc"))

;; number->string: any radix 2 to 36 for exact numbers; 2, 8 and 16 for
;; inexact ones (digits of their exact binary value).
(test "ff" (number->string 255 16))
(test "73" (number->string 255 36))
(test "z" (number->string 35 36))
(test "101" (number->string 10 3))
(test "-1/10" (number->string -1/3 3))
(test "100000000000000000000" (number->string (expt 36 20) 36))
(test "0.1" (number->string 0.5 2))
(test "ff.0" (number->string 255. 16))
(test "-0.6" (number->string -0.75 8))
(test "-0.0" (number->string -0.0 16))
(test "+inf.0" (number->string +inf.0 2))
(test "0.0001100110011001100110011001100110011001100110011001101"
      (number->string 0.1 2))
(test-error (range-error 'number->string) (number->string 10 37))
(test-error (range-error 'number->string) (number->string 10 1))
(test-error (error-from 'number->string "radix") (number->string 1.5 3))

;; A read error names the file it comes from, as well as the line.
(define bad-file "lexical-scratch.scm")
(call-with-output-file bad-file
  (lambda (port) (write-string "(a b)\n(c . )\n" port)))
(test-error read-error? "lexical-scratch.scm"
            (let ((port (open-input-file bad-file)))
              (read port)
              (read port)))
(test-error read-error? "line 2"
            (let ((port (open-input-file bad-file)))
              (read port)
              (read port)))
(delete-file bad-file)

(test-end)
