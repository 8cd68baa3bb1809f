;; category: library
;; hashtab: hash tables with fixnum and with string keys: inserts, hits and
;; misses, updates and deletions, through each implementation's own tables
;; (SRFI 69 in p); prelude/NAME/hashtab.scm binds the ht- names.
(define (int-keys n)
  (let ((t (ht-make-int)))
    (do ((i 0 (+ i 1))) ((= i n))
      (ht-set! t (* i 7) i))
    (let loop ((round 0) (sum 0))
      (if (= round 3)
          (begin
            (do ((i 0 (+ i 2))) ((>= i n))
              (ht-delete! t (* i 7)))
            (+ sum (ht-count t)))
          (loop (+ round 1)
                (let look ((i 0) (sum sum))
                  (if (= i (* 2 n))
                      sum
                      (look (+ i 1) (+ sum (ht-ref t (* i 7) 0))))))))))

(define (string-keys n)
  (let ((t (ht-make-string)) (keys (make-vector n)))
    (do ((i 0 (+ i 1))) ((= i n))
      (vector-set! keys i (string-append "key-" (number->string i))))
    (do ((i 0 (+ i 1))) ((= i n))
      (ht-set! t (vector-ref keys i) i))
    (do ((i 0 (+ i 1))) ((= i n))
      (let ((k (vector-ref keys (modulo (* i 31) n))))
        (ht-set! t (string-copy k) (+ 1 (ht-ref t k 0)))))
    (let loop ((i 0) (sum 0))
      (if (= i n)
          (+ sum (ht-count t))
          (loop (+ i 1) (+ sum (ht-ref t (vector-ref keys i) 0)))))))

(display "hashtab 100000 x 20000 = ")
(display (+ (int-keys 100000) (string-keys 20000)))
(newline)
