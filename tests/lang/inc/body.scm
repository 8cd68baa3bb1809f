;; Included inside a body: two expressions, the last one's value is the result.
(set! include-counter (+ include-counter 1))
(* include-counter 10)
