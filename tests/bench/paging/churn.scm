;; churn.scm LIVE-MB ROUNDS - the paging benchmark's program: keeps about
;; LIVE-MB megabytes of binary trees of pairs alive while it builds and drops
;; short-lived trees; every round also replaces one long-lived tree, so old
;; data keeps changing too.  Prints the node count it checked, the time
;; the work took (its own clock, so that boot and start-up are left out),
;; and the collector's statistics.
(import (scheme base) (scheme write) (scheme process-context) (scheme time)
        (pxen gc))

(define (make-tree depth)
  (if (= depth 0)
      (cons '() '())
      (cons (make-tree (- depth 1)) (make-tree (- depth 1)))))

(define (count-nodes t)
  (if (null? (car t))
      1
      (+ 1 (count-nodes (car t)) (count-nodes (cdr t)))))

;; A depth-15 tree has 65535 pairs: 1.5 MiB at 24 bytes a pair.
(define long-depth 15)
(define tree-bytes (* 24 65535))
(define short-depth 11)

(define (arg i default)
  (let ((args (command-line)))
    (if (> (length args) i) (string->number (list-ref args i)) default)))

(define live-mb (arg 1 24))
(define rounds (arg 2 40))
(define ntrees (max 1 (quotient (* live-mb 1048576) tree-bytes)))

(define start (current-jiffy))
(define live (make-vector ntrees #f))
(do ((i 0 (+ i 1))) ((= i ntrees))
  (vector-set! live i (make-tree long-depth)))
(define checked 0)
(do ((r 0 (+ r 1))) ((= r rounds))
  (do ((k 0 (+ k 1))) ((= k 64))
    (set! checked (+ checked (count-nodes (make-tree short-depth)))))
  (vector-set! live (modulo r ntrees) (make-tree long-depth)))
(do ((i 0 (+ i 1))) ((= i ntrees))
  (set! checked (+ checked (count-nodes (vector-ref live i)))))
(define ms (quotient (* 1000 (- (current-jiffy) start)) (jiffies-per-second)))

(display "churn: live ") (display live-mb) (display " MB in ") (display ntrees)
(display " trees, ") (display rounds) (display " rounds, checked ")
(display checked) (newline)
(display "churn: elapsed-ms ") (display ms) (newline)
(let ((s (gc-stats)))
  (display "churn: max-pause-us ")
  (display (quotient (cdr (assq 'max-pause-ns s)) 1000))
  (display " collections ") (display (cdr (assq 'collections s)))
  (display " heap-in-use ") (display (cdr (assq 'heap-in-use s)))
  (newline))
