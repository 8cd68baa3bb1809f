;; SRFI 28: format.
(import (scheme base) (scheme write) (scheme process-context) (srfi 28))
(include "harness.scm")

(test "Hello, World!" (format "Hello, ~a" "World!"))
(test "Error, list is too short: (one \"two\" 3)\n"
      (format "Error, list is too short: ~s~%" '(one "two" 3)))
(test "a ~ b" (format "a ~~ b"))
(test "x=1 y=\"s\"" (format "x=~a y=~s" 1 "s"))
(test "plain" (format "plain"))
(test-error (error-from 'format "too few arguments") (format "~a"))
(test-error (error-from 'format "unknown directive") (format "~q" 1))
(test-error (error-from 'format "too many arguments") (format "x" 1))
(test-error (error-from 'format "at the end") (format "~"))

(test-end)
