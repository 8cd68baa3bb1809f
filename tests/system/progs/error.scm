;; An uncaught error: the program ends with status 70 and a message.
(import (scheme base))
(car '())
