;; Survives the first interrupt (it catches it) and loops again, so only
;; p-launch's second Ctrl-C, which destroys the guest, ends it.
(import (scheme base) (scheme write))
(display "spinning")
(newline)
(flush-output-port)
(let again ()
  (guard (e (#t (display "caught") (newline) (flush-output-port)))
    (let spin () (spin)))
  (again))
