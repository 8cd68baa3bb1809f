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

;; read-char and peek-char take buffered ASCII without the general path;
;; read-line scans the buffer for the line end.
(define (chars-of port)
  (let loop ((acc '()))
    (let ((p (peek-char port)) (c (read-char port)))
      (cond ((eof-object? c) (reverse acc))
            ((eqv? p c) (loop (cons c acc)))
            (else 'peek-and-read-disagree)))))
(test "read-char and peek-char over ASCII, newlines and UTF-8"
      (string->list "a\nb\x3bb;c\r\nd")
      (chars-of (open-input-string "a\nb\x3bb;c\r\nd")))
(define (lines-of port)
  (let loop ((acc '()))
    (let ((l (read-line port)))
      (if (eof-object? l) (reverse acc) (loop (cons l acc))))))
(test "read-line: LF, CR, CR LF, a blank line, no end at the end"
      '("one" "two" "three" "" "four")
      (lines-of (open-input-string "one\ntwo\rthree\r\n\nfour")))
(test "read-line: a final line end adds no empty line" '("a" "b")
      (lines-of (open-input-string "a\nb\n")))
(test "read-line: non-ASCII text" '("\x3bb;x" "\xe9;")
      (lines-of (open-input-string "\x3bb;x\n\xe9;")))
(test "read-line at the end" #t (eof-object? (read-line (open-input-string ""))))
(test "read-line leaves the rest" '("ab" #\c)
      (let* ((p (open-input-string "ab\ncd")) (l (read-line p))) (list l (peek-char p))))

(define scratch "scratch-fast-paths.tmp")
(define long-line (make-string (workload 200000 70000) #\x))
(define line-count (workload 20000 200))
(call-with-output-file scratch
  (lambda (out)
    (write-string "first\r\n" out)
    (write-string long-line out)
    (write-string "\n\x3bb;\n" out)
    (do ((i 0 (+ i 1))) ((= i line-count)) (write-string "line\n" out))
    (write-string "last" out)))
(define file-lines (call-with-input-file scratch lines-of))
(test "read-line from a file: count" (+ line-count 4) (length file-lines))
(test "read-line from a file: a line longer than the buffer"
      (list "first" long-line "\x3bb;" "line")
      (list (car file-lines) (cadr file-lines) (caddr file-lines) (cadddr file-lines)))
(test "read-line from a file: the last line" "last" (list-ref file-lines (+ line-count 3)))
(test "read-char from a file" (string-length long-line)
      (call-with-input-file scratch
        (lambda (in)
          (read-line in)
          (let loop ((n 0))
            (if (eqv? (read-char in) #\x) (loop (+ n 1)) n)))))
(let ((out (open-binary-output-file scratch)))
  (write-bytevector (bytevector 97 #xC3 10 #xE2 #x82) out)
  (close-port out))
(test "read-line: bad UTF-8 becomes U+FFFD, also cut short at the end"
      '("a\xfffd;" "\xfffd;\xfffd;")
      (call-with-input-file scratch lines-of))
(delete-file scratch)

;; write and display walk a datum as a tree first; a cycle or heavy sharing
;; sends them to the full scan.
(define (written x) (let ((o (open-output-string))) (write x o) (get-output-string o)))
(test "write: a cycle in the cdrs" "#0=(1 2 3 . #0#)"
      (let ((c (list 1 2 3))) (set-cdr! (cddr c) c) (written c)))
(test "write: a vector holding itself" "#0=#(1 #0# 3)"
      (let ((v (vector 1 2 3))) (vector-set! v 1 v) (written v)))
(test "write: sharing without a cycle is not labelled" "((1 2) (1 2))"
      (let ((s (list 1 2))) (written (list s s))))
(define big-n (workload 140000 2000))
(define big (let loop ((i 0) (l '())) (if (= i big-n) l (loop (+ i 1) (cons (list i) l)))))
(test "write: a large acyclic datum"
      (let loop ((i 0) (n (+ 2 (- big-n 1))))
        (if (= i big-n) n (loop (+ i 1) (+ n 2 (string-length (number->string i))))))
      (string-length (written big)))
(test "write: a cycle far from the root" "#0=((#0#) (998) ("
      (let ((l (list-tail big (- big-n 1000)))) (set-car! (car l) l) (substring (written l) 0 17)))

;; list? and length find cycles of every length at every offset (Brent's
;; algorithm in list_length).
(define (circular n k)
  (let ((l (make-list n 0)))
    (set-cdr! (list-tail l (- n 1)) (list-tail l k))
    l))
(test "list? is #f on every cycle up to 40 pairs" #t
      (let loop ((n 1) (k 0))
        (cond ((= n 40) #t)
              ((= k n) (loop (+ n 1) 0))
              ((list? (circular n k)) (list n k))
              (else (loop n (+ k 1))))))
(test "length of proper lists" #t
      (let loop ((n 0))
        (cond ((= n 100) #t)
              ((= n (length (make-list n 0))) (loop (+ n 1)))
              (else n))))
(test-error "length of a cycle" (type-error 'length "list") (length (circular 7 3)))
(test "list? of an improper list" #f (list? '(1 2 . 3)))

;; Inlined string-ref, string-length, vector-length, char->integer, char=?,
;; quotient, remainder and modulo: the fast cases and the fallbacks to the
;; procedures.
(define (sref s i) (string-ref s i))
(define (slen s) (string-length s))
(define (vlen v) (vector-length v))
(define (c->i c) (char->integer c))
(define (ch= a b) (char=? a b))
(define (quo a b) (quotient a b))
(define (rem a b) (remainder a b))
(define (md a b) (modulo a b))
(define most-negative-fixnum (- (expt 2 62)))
(test "string-ref, narrow and wide" '(#\b #\x3bb)
      (list (sref "abc" 1) (sref "a\x3bb;c" 1)))
(test-error "string-ref past the end" (range-error 'string-ref) (sref "abc" 3))
(test-error "string-ref of a negative index" (range-error 'string-ref) (sref "abc" -1))
(test-error "string-ref of a vector" (type-error 'string-ref "string") (sref (vector 1) 0))
(test "string-length" '(0 3) (list (slen "") (slen "a\x3bb;c")))
(test-error "string-length of a symbol" (type-error 'string-length "string") (slen 'abc))
(test "vector-length" '(0 2) (list (vlen (vector)) (vlen (vector 1 2))))
(test-error "vector-length of a list" (type-error 'vector-length "vector") (vlen '(1)))
(test "char->integer" '(97 955) (list (c->i #\a) (c->i #\x3bb)))
(test-error "char->integer of a string" (type-error 'char->integer "character") (c->i "a"))
(test "char=?" '(#t #f) (list (ch= #\a #\a) (ch= #\a #\b)))
(test-error "char=? of a string" (type-error 'char=? "character") (ch= #\a "a"))
(test "quotient, remainder, modulo over the signs"
      '((3 1 1) (-2 1 -2) (-2 -1 2) (3 -1 -1) (0 0 0))
      (map (lambda (ab)
             (let ((a (car ab)) (b (cadr ab)))
               (list (quo a b) (rem a b) (md a b))))
           '((7 2) (7 -3) (-7 3) (-7 -2) (0 5))))
(test "quotient of the most negative fixnum by -1" (expt 2 62)
      (quo most-negative-fixnum -1))
(test "remainder and modulo of the most negative fixnum by -1" '(0 0)
      (list (rem most-negative-fixnum -1) (md most-negative-fixnum -1)))
(test "quotient and modulo of bignums and flonums" '(2 3.0 1)
      (list (quo (expt 2 70) (expt 2 69)) (quo 7.0 2) (md (+ (expt 2 70) 1) 2)))
(test-error "quotient by zero" (error-from 'quotient "zero") (quo 1 0))
(test-error "modulo by zero" (error-from 'modulo "zero") (md 1 0))
(test "a redefined remainder is called" 'mine
      (let ((remainder (lambda (a b) 'mine))) (remainder 7 2)))

;; map and for-each over two lists, and string-map over one string, take
;; their own loops.
(test "map over two lists stops at the shorter" '(11 22)
      (map + '(1 2 3) '(10 20)))
(test "map over two lists keeps the order" '((1 . a) (2 . b))
      (map cons '(1 2) '(a b)))
(test "for-each over two lists" '(22 11)
      (let ((acc '())) (for-each (lambda (a b) (set! acc (cons (+ a b) acc))) '(1 2 3) '(10 20)) acc))
(test "map over three lists" '((1 3 5) (2 4 6)) (map list '(1 2) '(3 4) '(5 6)))
(test "string-map over one string" "ABC" (string-map char-upcase "abc"))
(test "string-map over two strings" "abb"
      (string-map (lambda (a b) (if (char<? a b) a b)) "adc" "bbbb"))
(test-error "string-map of a non-character result" (error-from 'string-map "non-character")
            (string-map (lambda (c) 1) "abc"))

;; Inlined cadr, cddr and caddr.
(define (f-cadr x) (cadr x))
(define (f-cddr x) (cddr x))
(define (f-caddr x) (caddr x))
(test "cadr, cddr, caddr" '(2 (3) 3)
      (list (f-cadr '(1 2 3)) (f-cddr '(1 2 3)) (f-caddr '(1 2 3))))
(test "cddr of an improper tail" 3 (f-cddr '(1 2 . 3)))
(test-error "cadr of a short list" (type-error 'cadr "list") (f-cadr '(1)))
(test-error "cddr of a non-pair" (type-error 'cddr "list") (f-cddr 5))
(test-error "caddr of a short list" (type-error 'caddr "list") (f-caddr '(1 2)))

;; Inlined vector-set! and string-set!, which take three arguments.
(define (vset v i x) (vector-set! v i x))
(define (sset s i c) (string-set! s i c))
(test "vector-set!" #(1 x 3) (let ((v (vector 1 2 3))) (vset v 1 'x) v))
(test "vector-set! evaluates left to right" '(a b c)
      (let* ((order '()) (note (lambda (x) (set! order (cons x order)) x)) (v (vector 0)))
        (vector-set! (note v) (begin (note 'b) 0) (note 'c))
        (list (if (eq? (car (reverse order)) v) 'a 'wrong) (cadr (reverse order)) (caddr (reverse order)))))
(test-error "vector-set! past the end" (range-error 'vector-set!) (vset (vector 1) 1 0))
(test-error "vector-set! of a string" (type-error 'vector-set! "vector") (vset "abc" 0 #\x))
(test "string-set!, narrow" "axc" (let ((s (make-string 3 #\a))) (sset s 1 #\x) (sset s 2 #\c) s))
(test "string-set! widens the string" "a\x3bb;a" (let ((s (make-string 3 #\a))) (sset s 1 #\x3bb) s))
(test "string-set! into a wide string" "\x3bb;\x3bc;\xe9;"
      (let ((s (make-string 3 #\x3bb))) (sset s 1 #\x3bc) (sset s 2 #\xe9) s))
(test-error "string-set! of a non-character" (type-error 'string-set! "character") (sset (make-string 2) 0 65))
(test-error "string-set! past the end" (range-error 'string-set!) (sset (make-string 2) 2 #\a))
(test "a vector-set! bound locally is called" 'mine
      (let ((vector-set! (lambda (v i x) 'mine))) (vector-set! (vector 1) 0 2)))

;; Inlined /: flonums and exact fixnum quotients in the VM, the rest by
;; the procedure.
(define (dv a b) (/ a b))
(test "/ of fixnums, exact and not" '(2 -2 7/2) (list (dv 6 3) (dv 6 -3) (dv 7 2)))
(test "/ with flonums" '(3.5 0.5 +inf.0 -inf.0) (list (dv 7.0 2) (dv 1 2.0) (dv 1.0 0) (dv -1.0 0.)))
(test "/ of 0. by 0. is a NaN" #t (nan? (dv 0. 0.)))
(test "/ of the most negative fixnum by -1" (expt 2 62) (dv (- (expt 2 62)) -1))
(test "/ of bignums" (expt 2 69) (dv (expt 2 70) 2))
(test-error "/ of a fixnum by 0" (error-from '/ "zero") (dv 1 0))
(test-error "/ of a string" (type-error '/ "number") (dv "a" 2))

;; write-string and display copy a narrow string's ASCII runs as they are.
(test "write-string and display of narrow, wide and partial strings" "abc\xe9;d\x3bb;exy\xe9;234\xe9;bc"
      (let ((o (open-output-string)))
        (write-string "abc\xe9;d\x3bb;e" o)
        (display "xy\xe9;" o)
        (write-string "0123456789" o 2 5)
        (write-string "a\xe9;bcdef" o 1 4)
        (get-output-string o)))

;; Inlined eqv? and memv, which case compiles to.
(define (f-eqv a b) (eqv? a b))
(define (f-memv a b) (memv a b))
(test "eqv? of immediates, flonums, bignums, strings"
      '(#t #f #t #f #t #f #t #t #f)
      (list (f-eqv 1 1) (f-eqv 1 2) (f-eqv 1.5 1.5) (f-eqv 1.5 2.5)
            (f-eqv (expt 2 70) (expt 2 70)) (f-eqv (string #\a) (string #\a))
            (f-eqv 'a 'a) (f-eqv #\a #\a) (f-eqv 2 2.0)))
(test "memv of fixnums, flonums, bignums" '((2 3) (2.5 3) #f (1180591620717411303424) #f)
      (list (f-memv 2 '(1 2 3)) (f-memv 2.5 '(1 2.5 3)) (f-memv 9 '(1 2))
            (f-memv (expt 2 70) (list 1 (expt 2 70))) (f-memv 1 '())))
(test-error "memv of an improper list" (type-error 'memv "list") (f-memv 5 '(1 2 . 3)))
(test "case over fixnums, characters and flonums" '(b c x)
      (map (lambda (k) (case k ((1) 'a) ((2 3) 'b) ((#\a 2.5) 'c) (else 'x))) '(3 2.5 4)))

(test-end)
