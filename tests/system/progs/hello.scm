(import (scheme base) (scheme write))
(display "Hello, world!")
(newline)
