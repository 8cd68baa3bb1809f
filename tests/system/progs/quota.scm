;; Creates files in an export whose quota allows one: the second is refused.
(import (scheme base) (scheme write) (scheme file))
(define (say . xs) (for-each display xs) (newline))
(define (create name)
  (guard (e (#t 'refused))
    (call-with-output-file name (lambda (p) (write-string "x" p)))
    'created))
(say "first:" (create "one.txt"))
(say "second:" (create "two.txt"))
