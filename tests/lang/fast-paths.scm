;; The VM's and the primitives' fast paths for data must give what the
;; general paths give: the inline flonum arithmetic and comparisons (mixed
;; with fixnums, at the edge of what a double holds exactly, with NaN),
;; the character tables below U+0100 and the one-pass list->string.
(include "harness.scm")

;; through variables, so the compiler cannot fold the arithmetic
(define (add a b) (+ a b))
(define (sub a b) (- a b))
(define (mul a b) (* a b))
(define (lt a b) (< a b))
(define (gt a b) (> a b))
(define (le a b) (<= a b))
(define (ge a b) (>= a b))
(define (num= a b) (= a b))
(define big-exact 9007199254740993)	; 2^53 + 1: no double holds it
(define nan (/ 0. 0.))

(test "flonum + flonum" 4.0 (add 1.5 2.5))
(test "fixnum + flonum" 3.5 (add 1 2.5))
(test "flonum - fixnum" -0.5 (sub 2.5 3))
(test "fixnum * flonum" 7.5 (mul 3 2.5))
(test "exact zero times flonum is inexact" #t (inexact? (mul 0 2.5)))
(test "-0.0 survives" "-0.0" (number->string (mul -1 0.)))
(test "flonum + bignum" (exact->inexact (expt 2 70)) (add 0.5 (expt 2 70)))
(test "2^53 + 1 rounds when added" 9007199254740992.0 (add big-exact 0.))
(test "fixnum < flonum" #t (lt 1 1.5))
(test "flonum > fixnum" #t (gt 2.5 2))
(test "flonum <= flonum" #t (le 2.5 2.5))
(test "flonum >= fixnum" #f (ge 1.5 2))
(test "fixnum = flonum" #t (num= 3 3.0))
(test "2^53 + 1 is above 2^53 as a double" #f (lt big-exact 9007199254740992.0))
(test "2^53 + 1 compared exactly" #t (gt big-exact 9007199254740992.0))
(test "2^53 + 1 is not = its rounding" #f (num= big-exact 9007199254740992.0))
(test "-(2^53 + 1) compared exactly" #t (lt (- big-exact) -9007199254740992.0))
(test "2^53 is = 2^53 as a double" #t (num= 9007199254740992 9007199254740992.0))
(test "NaN < 1.0" #f (lt nan 1.0))
(test "NaN > 1" #f (gt nan 1))
(test "NaN <= NaN" #f (le nan nan))
(test "NaN >= 1.0" #f (ge nan 1.0))
(test "NaN = NaN" #f (num= nan nan))
(test "+inf.0 > every fixnum" #t (gt +inf.0 4611686018427387903))
(test-error "flonum + string" (type-error '+ "number") (add 1.5 "x"))
(test-error "string < flonum" (type-error '< "number") (lt "x" 1.5))

(test "char classes below U+0100"
      '(#t #f #t #f #t #f #t #f #t #t)
      (list (char-alphabetic? #\a) (char-alphabetic? #\1)
            (char-upper-case? #\xC0) (char-upper-case? #\xD7)
            (char-lower-case? #\xDF) (char-lower-case? #\xF7)
            (char-whitespace? #\xA0) (char-whitespace? #\x80)
            (char-whitespace? #\tab) (char-alphabetic? #\xAA)))
(test "char classes above U+00FF"
      '(#t #t #f #t)
      (list (char-alphabetic? #\x3bb) (char-upper-case? #\x100)
            (char-lower-case? #\x100) (char-whitespace? #\x3000)))

(test "list->string, narrow" "abc" (list->string (list #\a #\b #\c)))
(test "list->string, wide" "a\x3bb;\xff;" (list->string (list #\a #\x3bb #\xff)))
(test "list->string, empty" "" (list->string '()))
(test "list->string result is mutable and fresh" "xbc"
      (let ((s (list->string (list #\a #\b #\c)))) (string-set! s 0 #\x) s))
(test-error "list->string of an improper list"
            (type-error 'list->string "list") (list->string '(#\a . #\b)))
(test-error "list->string of a circular list"
            (type-error 'list->string "list")
            (let ((l (list #\a #\b #\c))) (set-cdr! (cddr l) l) (list->string l)))
(test-error "list->string of a non-character"
            (type-error 'list->string "character") (list->string '(#\a 1)))

(test-end)
