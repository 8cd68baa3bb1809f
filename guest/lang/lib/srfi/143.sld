;;; (srfi 143): fixnum operations.  P's fixnums are 62-bit, so fx-width is
;;; 62.  Arguments and results are checked: breaking the fixnum rule raises
;;; an error instead of giving a wrong answer.
(define-library (srfi 143)
  (import (scheme base) (srfi 141) (srfi 151))
  (export fx-width fx-greatest fx-least fixnum? fx=? fx<? fx>? fx<=? fx>=?
          fxzero? fxpositive? fxnegative? fxodd? fxeven? fxmax fxmin fx+ fx-
          fxneg fx* fxquotient fxremainder fxabs fxsquare fxsqrt fx+/carry
          fx-/carry fx*/carry fxnot fxand fxior fxxor fxarithmetic-shift
          fxarithmetic-shift-left fxarithmetic-shift-right fxbit-count
          fxlength fxif fxbit-set? fxcopy-bit fxfirst-set-bit fxbit-field
          fxbit-field-rotate fxbit-field-reverse)
  (begin
    (define fx-width 62)
    (define fx-greatest (- (expt 2 61) 1))
    (define fx-least (- (expt 2 61)))

    (define (fixnum? x) (and (exact-integer? x) (<= fx-least x fx-greatest)))

    (define (fx who x)
      (if (fixnum? x) x (error (string-append who ": not a fixnum") x)))

    ;; proc on fixnum arguments whose single result must be a fixnum too.
    (define (checked who proc)
      (lambda args
        (for-each (lambda (a) (fx who a)) args)
        (fx who (apply proc args))))

    ;; The same for procedures whose result is not a number.
    (define (checked-args who proc)
      (lambda args
        (for-each (lambda (a) (fx who a)) args)
        (apply proc args)))

    (define fx=? (checked-args "fx=?" =))
    (define fx<? (checked-args "fx<?" <))
    (define fx>? (checked-args "fx>?" >))
    (define fx<=? (checked-args "fx<=?" <=))
    (define fx>=? (checked-args "fx>=?" >=))
    (define fxzero? (checked-args "fxzero?" zero?))
    (define fxpositive? (checked-args "fxpositive?" positive?))
    (define fxnegative? (checked-args "fxnegative?" negative?))
    (define fxodd? (checked-args "fxodd?" odd?))
    (define fxeven? (checked-args "fxeven?" even?))
    (define fxmax (checked "fxmax" max))
    (define fxmin (checked "fxmin" min))
    (define fx+ (checked "fx+" (lambda (i j) (+ i j))))
    (define fx- (checked "fx-" (lambda (i j) (- i j))))
    (define fxneg (checked "fxneg" (lambda (i) (- i))))
    (define fx* (checked "fx*" (lambda (i j) (* i j))))
    (define fxquotient (checked "fxquotient" quotient))
    (define fxremainder (checked "fxremainder" remainder))
    (define fxabs (checked "fxabs" abs))
    (define fxsquare (checked "fxsquare" (lambda (i) (* i i))))
    (define fxsqrt (checked-args "fxsqrt" exact-integer-sqrt))

    ;; The sum split into a fixnum and a carry: s = r + q * 2^fx-width.
    (define (carry s)
      (call-with-values (lambda () (balanced/ s (expt 2 fx-width)))
        (lambda (q r) (values r q))))
    (define (fx+/carry i j k)
      (for-each (lambda (a) (fx "fx+/carry" a)) (list i j k))
      (carry (+ i j k)))
    (define (fx-/carry i j k)
      (for-each (lambda (a) (fx "fx-/carry" a)) (list i j k))
      (carry (- i j k)))
    (define (fx*/carry i j k)
      (for-each (lambda (a) (fx "fx*/carry" a)) (list i j k))
      (carry (+ (* i j) k)))

    (define fxnot (checked "fxnot" bitwise-not))
    (define fxand (checked "fxand" bitwise-and))
    (define fxior (checked "fxior" bitwise-ior))
    (define fxxor (checked "fxxor" bitwise-xor))

    (define (shift-count who count)
      (if (> (abs count) (- fx-width 1))
          (error (string-append who ": shift count out of range") count)))
    (define fxarithmetic-shift
      (checked "fxarithmetic-shift"
               (lambda (i count)
                 (shift-count "fxarithmetic-shift" count)
                 (arithmetic-shift i count))))
    (define fxarithmetic-shift-left
      (checked "fxarithmetic-shift-left"
               (lambda (i count)
                 (shift-count "fxarithmetic-shift-left" count)
                 (if (negative? count) (error "fxarithmetic-shift-left: negative count" count))
                 (arithmetic-shift i count))))
    (define fxarithmetic-shift-right
      (checked "fxarithmetic-shift-right"
               (lambda (i count)
                 (shift-count "fxarithmetic-shift-right" count)
                 (if (negative? count) (error "fxarithmetic-shift-right: negative count" count))
                 (arithmetic-shift i (- count)))))
    (define fxbit-count (checked "fxbit-count" bit-count))
    (define fxlength (checked "fxlength" integer-length))
    (define fxif (checked "fxif" bitwise-if))

    (define (bit-index who index)
      (if (>= index fx-width) (error (string-append who ": bit index out of range") index)))
    (define (fxbit-set? index i)
      (fx "fxbit-set?" index)
      (fx "fxbit-set?" i)
      (bit-index "fxbit-set?" index)
      (bit-set? index i))
    (define (fxcopy-bit index i set?)
      (fx "fxcopy-bit" index)
      (fx "fxcopy-bit" i)
      (bit-index "fxcopy-bit" index)
      (fx "fxcopy-bit" (copy-bit index i set?)))
    (define fxfirst-set-bit (checked "fxfirst-set-bit" first-set-bit))
    (define fxbit-field (checked "fxbit-field" bit-field))
    (define fxbit-field-rotate (checked "fxbit-field-rotate" bit-field-rotate))
    (define fxbit-field-reverse (checked "fxbit-field-reverse" bit-field-reverse))))
