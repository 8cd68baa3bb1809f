;; Grows the heap to about 40 MB, drops it, collects several times (the
;; collector keeps freed memory for reuse until the heap has stayed small
;; for a few collections) and keeps allocating: the collector frees the old
;; chunks and the kernel hands them back to Xen.
(import (scheme base) (scheme write) (pxen gc))
(define (build n)
  (let loop ((i 0) (acc '()))
    (if (= i n) acc (loop (+ i 1) (cons (make-vector 8 i) acc)))))
(define big (build 400000))
(display (length big))
(newline)
(set! big #f)
(do ((i 0 (+ i 1))) ((= i 8)) (gc))
(let loop ((i 0) (keep '()))
  (if (< i 300000)
      (loop (+ i 1) (if (= 0 (modulo i 1000)) (list (make-vector 8 i)) keep))
      (begin (display "done") (newline))))
