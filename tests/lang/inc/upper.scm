;; Included with include-ci: identifiers are folded to lower case.
(define INCLUDED-CI-VALUE 'MixedCase)
