;; Imports a user library that p-dom0d serves from lib/ in the export.
(import (scheme base) (scheme write) (mylib))
(display (greet "library"))
(newline)
