;; hello.scm - the first P program: prints a greeting and a small
;; computation.  Run it with: bash tests/run-program.sh tests/examples/hello.scm
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(display "Hello from P")
(newline)
(display "(fib 20) = ")
(display (fib 20))
(newline)
