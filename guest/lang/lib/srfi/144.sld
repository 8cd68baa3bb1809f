;;; (srfi 144): flonums.  The C99 functions (exp-1, log1+, the hyperbolic
;;; functions, cbrt, hypot, fma, erf, gamma, Bessel, ...) and the
;;; representation operations are primitives of (pxen flonum) over libpc,
;;; each evaluated in extended precision and rounded once; the rest is
;;; written here on the generic arithmetic, which on flonums is IEEE's.
;;; Every argument must be a flonum; a result outside the reals is a NaN.
(define-library (srfi 144)
  (import (scheme base) (scheme case-lambda) (scheme inexact) (pxen flonum))
  (export fl-e fl-1/e fl-e-2 fl-e-pi/4 fl-log2-e fl-log10-e fl-log-2
          fl-1/log-2 fl-log-3 fl-log-pi fl-log-10 fl-1/log-10 fl-pi fl-1/pi
          fl-2pi fl-pi/2 fl-pi/4 fl-pi-squared fl-degree fl-2/pi
          fl-2/sqrt-pi fl-sqrt-2 fl-sqrt-3 fl-sqrt-5 fl-sqrt-10 fl-1/sqrt-2
          fl-cbrt-2 fl-cbrt-3 fl-4thrt-2 fl-phi fl-log-phi fl-1/log-phi
          fl-euler fl-e-euler fl-sin-1 fl-cos-1 fl-gamma-1/2 fl-gamma-1/3
          fl-gamma-2/3
          fl-greatest fl-least fl-epsilon fl-fast-fl+*
          fl-integer-exponent-zero fl-integer-exponent-nan
          flonum fladjacent flcopysign make-flonum
          flinteger-fraction flexponent flinteger-exponent
          flnormalized-fraction-exponent flsign-bit
          flonum? fl=? fl<? fl>? fl<=? fl>=? flunordered? flinteger?
          flzero? flpositive? flnegative? flodd? fleven? flfinite?
          flinfinite? flnan? flnormalized? fldenormalized?
          flmax flmin fl+ fl* fl+* fl- fl/ flabs flabsdiff flposdiff flsgn
          flnumerator fldenominator flfloor flceiling flround fltruncate
          flexp flexp2 flexp-1 flsquare flsqrt flcbrt flhypot flexpt fllog
          fllog1+ fllog2 fllog10 make-fllog-base
          flsin flcos fltan flasin flacos flatan flsinh flcosh fltanh
          flasinh flacosh flatanh
          flquotient flremainder flremquo
          flgamma flloggamma flfirst-bessel flsecond-bessel flerf flerfc)
  (begin
    ;; Mathematical constants, correctly rounded.
    (define fl-e 2.718281828459045)
    (define fl-1/e 0.36787944117144233)
    (define fl-e-2 7.38905609893065)
    (define fl-e-pi/4 2.1932800507380152)
    (define fl-log2-e 1.4426950408889634)
    (define fl-log10-e 0.4342944819032518)
    (define fl-log-2 0.6931471805599453)
    (define fl-1/log-2 1.4426950408889634)
    (define fl-log-3 1.0986122886681098)
    (define fl-log-pi 1.1447298858494002)
    (define fl-log-10 2.302585092994046)
    (define fl-1/log-10 0.4342944819032518)
    (define fl-pi 3.141592653589793)
    (define fl-1/pi 0.3183098861837907)
    (define fl-2pi 6.283185307179586)
    (define fl-pi/2 1.5707963267948966)
    (define fl-pi/4 0.7853981633974483)
    (define fl-pi-squared 9.869604401089358)
    (define fl-degree 0.017453292519943295)
    (define fl-2/pi 0.6366197723675814)
    (define fl-2/sqrt-pi 1.1283791670955126)
    (define fl-sqrt-2 1.4142135623730951)
    (define fl-sqrt-3 1.7320508075688772)
    (define fl-sqrt-5 2.23606797749979)
    (define fl-sqrt-10 3.1622776601683795)
    (define fl-1/sqrt-2 0.7071067811865476)
    (define fl-cbrt-2 1.2599210498948732)
    (define fl-cbrt-3 1.4422495703074083)
    (define fl-4thrt-2 1.189207115002721)
    (define fl-phi 1.618033988749895)
    (define fl-log-phi 0.48121182505960347)
    (define fl-1/log-phi 2.0780869212350277)
    (define fl-euler 0.5772156649015329)
    (define fl-e-euler 1.781072417990198)
    (define fl-sin-1 0.8414709848078965)
    (define fl-cos-1 0.5403023058681398)
    (define fl-gamma-1/2 1.772453850905516)
    (define fl-gamma-1/3 2.6789385347077475)
    (define fl-gamma-2/3 1.3541179394264005)

    (define fl-greatest 1.7976931348623157e308)
    (define fl-least 4.9406564584124654e-324)
    (define fl-epsilon 2.220446049250313e-16)
    ;; fl+* has no FMA instruction to use on every CPU the guest meets.
    (define fl-fast-fl+* #f)
    (define fl-integer-exponent-zero -2147483648)
    (define fl-integer-exponent-nan 2147483647)

    (define (flonum? x) (and (real? x) (inexact? x)))

    (define (check who x)
      (if (flonum? x)
          x
          (error (string-append (symbol->string who) ": expected a flonum") x)))

    (define (check-all who xs)
      (for-each (lambda (x) (check who x)) xs))

    (define (flonum x)
      (if (real? x)
          (inexact x)
          (error "flonum: expected a real number" x)))

    ;; Accessors

    (define (flexponent x)
      (check 'flexponent x)
      (cond ((flnan? x) x)
            ((flinfinite? x) +inf.0)
            ((zero? x) -inf.0)
            (else (let-values (((m e) (flnormalized-fraction-exponent x)))
                    (inexact (- e 1))))))

    (define (flinteger-exponent x)
      (check 'flinteger-exponent x)
      (cond ((flnan? x) fl-integer-exponent-nan)
            ((flinfinite? x) 2147483647)
            ((zero? x) fl-integer-exponent-zero)
            (else (exact (flexponent x)))))

    ;; Predicates

    (define-syntax define-comparison
      (syntax-rules ()
        ((_ name op)
         (define name
           (case-lambda
             ((x y) (check 'name x) (check 'name y) (op x y))
             ((x . rest)
              (check 'name x) (check-all 'name rest)
              (apply op x rest)))))))

    (define-comparison fl=? =)
    (define-comparison fl<? <)
    (define-comparison fl>? >)
    (define-comparison fl<=? <=)
    (define-comparison fl>=? >=)

    (define (flunordered? x y)
      (check 'flunordered? x)
      (check 'flunordered? y)
      (or (nan? x) (nan? y)))

    (define (flinteger? x) (and (integer? (check 'flinteger? x)) #t))
    (define (flzero? x) (zero? (check 'flzero? x)))
    (define (flpositive? x) (positive? (check 'flpositive? x)))
    (define (flnegative? x) (negative? (check 'flnegative? x)))
    (define (flodd? x) (odd? (check 'flodd? x)))
    (define (fleven? x) (even? (check 'fleven? x)))
    (define (flfinite? x) (finite? (check 'flfinite? x)))
    (define (flinfinite? x) (infinite? (check 'flinfinite? x)))
    (define (flnan? x) (nan? (check 'flnan? x)))
    (define (flnormalized? x)
      (let ((a (abs (check 'flnormalized? x))))
        (and (finite? a) (>= a 2.2250738585072014e-308))))
    (define (fldenormalized? x)
      (let ((a (abs (check 'fldenormalized? x))))
        (and (> a 0.0) (< a 2.2250738585072014e-308))))

    ;; Arithmetic

    (define (flmax . xs)
      (check-all 'flmax xs)
      (let loop ((xs xs) (best -inf.0))
        (cond ((null? xs) best)
              ((or (nan? (car xs)) (> best (car xs))) (loop (cdr xs) best))
              (else (loop (cdr xs) (car xs))))))

    (define (flmin . xs)
      (check-all 'flmin xs)
      (let loop ((xs xs) (best +inf.0))
        (cond ((null? xs) best)
              ((or (nan? (car xs)) (< best (car xs))) (loop (cdr xs) best))
              (else (loop (cdr xs) (car xs))))))

    (define fl+
      (case-lambda
        ((x y) (+ (check 'fl+ x) (check 'fl+ y)))
        (xs (check-all 'fl+ xs) (apply + 0.0 xs))))

    (define fl*
      (case-lambda
        ((x y) (* (check 'fl* x) (check 'fl* y)))
        (xs (check-all 'fl* xs) (apply * 1.0 xs))))

    (define fl-
      (case-lambda
        ((x) (- (check 'fl- x)))
        ((x y) (- (check 'fl- x) (check 'fl- y)))
        ((x . ys) (check 'fl- x) (check-all 'fl- ys) (apply - x ys))))

    (define fl/
      (case-lambda
        ((x) (/ 1.0 (check 'fl/ x)))
        ((x y) (/ (check 'fl/ x) (check 'fl/ y)))
        ((x . ys) (check 'fl/ x) (check-all 'fl/ ys) (apply / x ys))))

    (define (flabs x) (flcopysign (check 'flabs x) 1.0))
    (define (flabsdiff x y) (flabs (fl- x y)))
    (define (flposdiff x y)
      (let ((d (fl- x y)))
        (if (> d 0.0) d (if (nan? d) d 0.0))))
    (define (flsgn x) (flcopysign 1.0 x))

    (define (flnumerator x)
      (check 'flnumerator x)
      (if (or (nan? x) (infinite? x) (zero? x))
          x
          (inexact (numerator (exact x)))))

    (define (fldenominator x)
      (check 'fldenominator x)
      (cond ((nan? x) x)
            ((or (infinite? x) (zero? x)) 1.0)
            (else (inexact (denominator (exact x))))))

    (define (flfloor x) (floor (check 'flfloor x)))
    (define (flceiling x) (ceiling (check 'flceiling x)))
    (define (flround x) (round (check 'flround x)))
    (define (fltruncate x) (truncate (check 'fltruncate x)))

    ;; Exponents and logarithms

    (define (flsquare x) (* (check 'flsquare x) x))

    (define (make-fllog-base base)
      (check 'make-fllog-base base)
      (unless (> base 1.0)
        (error "make-fllog-base: the base must exceed 1.0" base))
      (let ((ln-base (fllog base)))
        (lambda (x) (/ (fllog x) ln-base))))))
