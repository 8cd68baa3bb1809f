;; Guile's default environment lacks some R7RS names (exact, guard,
;; let-values, bytevectors, string->utf8): import the R7RS libraries.
(import (scheme base) (scheme char) (scheme cxr) (scheme inexact) (scheme read) (scheme write))
