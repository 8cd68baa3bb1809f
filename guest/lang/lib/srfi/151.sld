;;; (srfi 151): bitwise operations on exact integers as two's-complement
;;; bit strings.  The interpreter has no bitwise primitives, so these work
;;; arithmetically a bit at a time from the low end (floor division keeps
;;; negative numbers' infinite run of ones): O(n) in the integers' length.
(define-library (srfi 151)
  (import (scheme base) (scheme case-lambda))
  (export bitwise-not bitwise-and bitwise-ior bitwise-xor bitwise-eqv
          bitwise-nand bitwise-nor bitwise-andc1 bitwise-andc2 bitwise-orc1
          bitwise-orc2 arithmetic-shift bit-count integer-length bitwise-if
          bit-set? copy-bit bit-swap any-bit-set? every-bit-set?
          first-set-bit bit-field bit-field-any? bit-field-every?
          bit-field-clear bit-field-set bit-field-replace
          bit-field-replace-same bit-field-rotate bit-field-reverse
          bits->list list->bits bits->vector vector->bits bits bitwise-fold
          bitwise-for-each bitwise-unfold make-bitwise-generator)
  (begin
    (define (check who . is)
      (for-each (lambda (i)
                  (if (not (exact-integer? i))
                      (error (string-append who ": not an exact integer") i)))
                is))

    ;; Applies the one-bit operation op (on 0 and 1) to every bit of a
    ;; and b; once both are all zeros or all ones above, so is the result.
    (define (bitwise2 op a b)
      (let loop ((a a) (b b) (weight 1) (acc 0))
        (if (and (or (= a 0) (= a -1)) (or (= b 0) (= b -1)))
            (+ acc (* weight (if (= 1 (op (if (= a 0) 0 1) (if (= b 0) 0 1))) -1 0)))
            (loop (floor-quotient a 2) (floor-quotient b 2) (* weight 2)
                  (+ acc (* weight (op (floor-remainder a 2) (floor-remainder b 2))))))))

    (define (bit-and x y) (if (and (= x 1) (= y 1)) 1 0))
    (define (bit-ior x y) (if (or (= x 1) (= y 1)) 1 0))
    (define (bit-xor x y) (if (= x y) 0 1))

    (define (bitwise-not i) (check "bitwise-not" i) (- -1 i))

    (define (associative who op identity)
      (lambda is
        (apply check who is)
        (let loop ((is is) (acc identity))
          (if (null? is) acc (loop (cdr is) (bitwise2 op acc (car is)))))))

    (define bitwise-and (associative "bitwise-and" bit-and -1))
    (define bitwise-ior (associative "bitwise-ior" bit-ior 0))
    (define bitwise-xor (associative "bitwise-xor" bit-xor 0))
    (define (bitwise-eqv . is)
      (apply check "bitwise-eqv" is)
      (let loop ((is is) (acc -1))
        (if (null? is) acc (loop (cdr is) (bitwise-not (bitwise2 bit-xor acc (car is)))))))

    (define (bitwise-nand i j) (bitwise-not (bitwise-and i j)))
    (define (bitwise-nor i j) (bitwise-not (bitwise-ior i j)))
    (define (bitwise-andc1 i j) (bitwise-and (bitwise-not i) j))
    (define (bitwise-andc2 i j) (bitwise-and i (bitwise-not j)))
    (define (bitwise-orc1 i j) (bitwise-ior (bitwise-not i) j))
    (define (bitwise-orc2 i j) (bitwise-ior i (bitwise-not j)))

    (define (arithmetic-shift i n)
      (check "arithmetic-shift" i n)
      (if (>= n 0) (* i (expt 2 n)) (floor-quotient i (expt 2 (- n)))))

    (define (bit-count i)
      (check "bit-count" i)
      (let loop ((i (if (negative? i) (- -1 i) i)) (n 0))
        (if (= i 0) n (loop (quotient i 2) (if (odd? i) (+ n 1) n)))))

    (define (integer-length i)
      (check "integer-length" i)
      (let loop ((i (if (negative? i) (- -1 i) i)) (n 0))
        (if (= i 0) n (loop (quotient i 2) (+ n 1)))))

    (define (bitwise-if mask i j)
      (bitwise-ior (bitwise-and mask i) (bitwise-and (bitwise-not mask) j)))

    (define (bit-set? index i)
      (check "bit-set?" index i)
      (odd? (arithmetic-shift i (- index))))

    (define (copy-bit index i set?)
      (let ((bit (arithmetic-shift 1 index)))
        (if set?
            (bitwise-ior i bit)
            (bitwise-and i (bitwise-not bit)))))

    (define (bit-swap i1 i2 i)
      (copy-bit i2 (copy-bit i1 i (bit-set? i2 i)) (bit-set? i1 i)))

    (define (any-bit-set? test i) (not (zero? (bitwise-and test i))))
    (define (every-bit-set? test i) (= test (bitwise-and test i)))

    (define (first-set-bit i)
      (check "first-set-bit" i)
      (if (zero? i)
          -1
          (let loop ((i i) (n 0))
            (if (odd? i) n (loop (quotient i 2) (+ n 1))))))

    (define (field-mask start end) (- (expt 2 (- end start)) 1))

    (define (check-field who start end)
      (if (not (and (exact-integer? start) (exact-integer? end) (<= 0 start end)))
          (error (string-append who ": bad bit field") start end)))

    (define (bit-field i start end)
      (check-field "bit-field" start end)
      (floor-remainder (arithmetic-shift i (- start)) (expt 2 (- end start))))

    (define (bit-field-any? i start end) (not (zero? (bit-field i start end))))
    (define (bit-field-every? i start end)
      (= (bit-field i start end) (field-mask start end)))

    (define (bit-field-replace-same dest source start end)
      (check-field "bit-field-replace-same" start end)
      (bitwise-if (arithmetic-shift (field-mask start end) start) source dest))

    (define (bit-field-replace dest source start end)
      (check-field "bit-field-replace" start end)
      (bit-field-replace-same dest (arithmetic-shift source start) start end))

    (define (bit-field-clear i start end) (bit-field-replace i 0 start end))
    (define (bit-field-set i start end) (bit-field-replace i -1 start end))

    (define (bit-field-rotate i count start end)
      (check-field "bit-field-rotate" start end)
      (let ((width (- end start)))
        (if (zero? width)
            i
            (let* ((count (floor-remainder count width))
                   (field (bit-field i start end))
                   (rotated (bitwise-ior (bit-field (arithmetic-shift field count) 0 width)
                                         (arithmetic-shift field (- count width)))))
              (bit-field-replace i rotated start end)))))

    (define (bit-field-reverse i start end)
      (check-field "bit-field-reverse" start end)
      (let loop ((field (bit-field i start end)) (k (- end start)) (acc 0))
        (if (zero? k)
            (bit-field-replace i acc start end)
            (loop (quotient field 2) (- k 1) (+ (* acc 2) (if (odd? field) 1 0))))))

    (define bits->list
      (case-lambda
        ((i) (bits->list i (integer-length i)))
        ((i len)
         (let loop ((i i) (k 0) (acc '()))
           (if (= k len)
               (reverse acc)
               (loop (floor-quotient i 2) (+ k 1) (cons (odd? i) acc)))))))

    (define (bits->vector i . len) (list->vector (apply bits->list i len)))

    (define (list->bits l)
      (let loop ((l (reverse l)) (acc 0))
        (if (null? l) acc (loop (cdr l) (+ (* acc 2) (if (car l) 1 0))))))

    (define (vector->bits v) (list->bits (vector->list v)))
    (define (bits . bools) (list->bits bools))

    (define (bitwise-fold proc seed i)
      (let loop ((l (bits->list i)) (acc seed))
        (if (null? l) acc (loop (cdr l) (proc (car l) acc)))))

    (define (bitwise-for-each proc i) (for-each proc (bits->list i)))

    (define (bitwise-unfold stop? mapper successor seed)
      (let loop ((seed seed) (weight 1) (acc 0))
        (if (stop? seed)
            acc
            (loop (successor seed) (* weight 2) (if (mapper seed) (+ acc weight) acc)))))

    (define (make-bitwise-generator i)
      (lambda ()
        (let ((bit (odd? i)))
          (set! i (floor-quotient i 2))
          bit)))))
