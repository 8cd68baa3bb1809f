;; Prints one environment variable given by p-launch --env.
(import (scheme base) (scheme write) (scheme process-context))
(display (get-environment-variable "GREETING"))
(newline)
(display (get-environment-variable "NOT_SET"))
(newline)
