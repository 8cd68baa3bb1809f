(import (scheme base) (scheme write) (srfi 14))
