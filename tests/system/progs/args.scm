;; Prints its arguments one per line and exits with status 3.
(import (scheme base) (scheme write) (scheme process-context))
(for-each (lambda (a) (display "arg:") (display a) (newline))
          (cdr (command-line)))
(exit 3)
