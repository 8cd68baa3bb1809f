;; Sums 1..N (N from the command line) and prints the result.
(import (scheme base) (scheme write) (scheme process-context))
(define n (string->number (cadr (command-line))))
(let loop ((i 1) (acc 0))
  (if (> i n)
      (begin (display acc) (newline))
      (loop (+ i 1) (+ acc i))))
