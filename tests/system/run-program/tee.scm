;; For tests/run-program.sh's check: copies standard input to standard
;; output and to tee.txt in its own directory.
(import (scheme base) (scheme write) (scheme file))
(call-with-output-file "tee.txt"
  (lambda (file)
    (let loop ((n 0))
      (let ((line (read-line)))
        (if (eof-object? line)
            (begin (display "lines: ") (display n) (newline))
            (begin (write-string line file) (newline file)
                   (display line) (newline)
                   (loop (+ n 1))))))))
