;; category: library
;; charset: SRFI 14 character sets: sets built from strings and ranges,
;; their algebra, and membership tests over a long text; run where SRFI 14
;; is at hand (p, Guile).  Text and sets are Latin-1, where every
;; implementation's standard sets agree.
(define (make-text n)
  (let ((s (make-string n)))
    (do ((i 0 (+ i 1))) ((= i n) s)
      (string-set! s i
                   (case (modulo (* i 13) 17)
                     ((0 1) #\space) ((2) #\9) ((3) #\,) ((4) #\xE9)
                     (else (integer->char (+ (if (odd? i) 65 97) (modulo i 26)))))))))

(define (classify text)
  (let ((vowels (string->char-set "aeiouAEIOU\xE9;"))
        (n (string-length text)))
    (let loop ((i 0) (letters 0) (digits 0) (spaces 0) (vow 0))
      (if (= i n)
          (+ letters (* 1000 digits) (* 1000000 spaces) (* 1000000000 vow))
          (let ((c (string-ref text i)))
            (loop (+ i 1)
                  (if (char-set-contains? char-set:letter c) (+ letters 1) letters)
                  (if (char-set-contains? char-set:digit c) (+ digits 1) digits)
                  (if (char-set-contains? char-set:whitespace c) (+ spaces 1) spaces)
                  (if (char-set-contains? vowels c) (+ vow 1) vow)))))))

(define (algebra rounds)
  (let loop ((i 0) (acc 0))
    (if (= i rounds)
        acc
        (let* ((a (ucs-range->char-set 32 (+ 64 (modulo i 150))))
               (b (string->char-set "the quick brown fox jumps over the lazy dog"))
               (c (char-set-union a b (char-set #\x100 #\x101)))
               (d (char-set-intersection c char-set:letter))
               (e (char-set-difference c (char-set-adjoin d #\space))))
          (loop (+ i 1) (+ acc (char-set-size d) (char-set-size e)
                           (if (char-set<= d c) 1 0)))))))

(display "charset 100000 x 1000 = ")
(display (+ (classify (make-text 100000)) (algebra 1000)))
(newline)
