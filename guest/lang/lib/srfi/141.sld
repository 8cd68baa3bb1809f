;;; (srfi 141): integer division in six roundings.  Inexact integer
;;; arguments are divided exactly and the results made inexact again.
(define-library (srfi 141)
  (import (scheme base))
  (export floor/ floor-quotient floor-remainder
          ceiling/ ceiling-quotient ceiling-remainder
          truncate/ truncate-quotient truncate-remainder
          round/ round-quotient round-remainder
          euclidean/ euclidean-quotient euclidean-remainder
          balanced/ balanced-quotient balanced-remainder)
  (begin
    ;; A division operator from exact-quotient, a procedure of exact n and
    ;; d returning the exact quotient; the remainder is n - dq.
    (define (divider who exact-quotient)
      (lambda (n d)
        (if (not (and (integer? n) (integer? d)))
            (error (string-append who ": arguments must be integers") n d))
        (if (zero? d) (error (string-append who ": division by zero") n))
        (let* ((en (exact n)) (ed (exact d))
               (q (exact-quotient en ed))
               (r (- en (* ed q))))
          (if (and (exact? n) (exact? d))
              (values q r)
              (values (inexact q) (inexact r))))))

    (define (first-value f) (lambda (n d) (call-with-values (lambda () (f n d)) (lambda (q r) q))))
    (define (second-value f) (lambda (n d) (call-with-values (lambda () (f n d)) (lambda (q r) r))))

    (define (ceiling-q n d) (- (floor-quotient (- n) d)))
    (define (round-q n d) (round (/ n d)))
    (define (euclidean-q n d) (if (> d 0) (floor-quotient n d) (- (floor-quotient (- n) d))))
    ;; The euclidean remainder r is in [0, |d|); moving it down by |d| when
    ;; 2r >= |d| puts it in [-|d|/2, |d|/2).
    (define (balanced-q n d)
      (let* ((q (euclidean-q n d)) (r (- n (* d q))))
        (if (>= (* 2 r) (abs d))
            (+ q (if (> d 0) 1 -1))
            q)))

    (define ceiling/ (divider "ceiling/" ceiling-q))
    (define ceiling-quotient (first-value ceiling/))
    (define ceiling-remainder (second-value ceiling/))
    (define round/ (divider "round/" round-q))
    (define round-quotient (first-value round/))
    (define round-remainder (second-value round/))
    (define euclidean/ (divider "euclidean/" euclidean-q))
    (define euclidean-quotient (first-value euclidean/))
    (define euclidean-remainder (second-value euclidean/))
    (define balanced/ (divider "balanced/" balanced-q))
    (define balanced-quotient (first-value balanced/))
    (define balanced-remainder (second-value balanced/))))
