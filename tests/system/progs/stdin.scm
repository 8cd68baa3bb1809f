;; Copies standard input to standard output, numbering the lines, and
;; reports to standard error how many there were.
(import (scheme base) (scheme write))
(let loop ((n 1))
  (let ((line (read-line)))
    (if (eof-object? line)
        (begin (write-string (string-append "lines: " (number->string (- n 1)) "\n")
                             (current-error-port)))
        (begin (display n) (display ": ") (display line) (newline) (loop (+ n 1))))))
