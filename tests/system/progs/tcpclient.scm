;; Connects to 127.0.0.1:PORT in dom0, sends a line, prints the answer
;; (or "refused: WHY" when the connection fails, e.g. by policy).
(import (scheme base) (scheme write) (scheme process-context) (pxen net))
;; Sockets are binary ports: text goes through UTF-8 by hand.
(define (send-text port s)
  (write-bytevector (string->utf8 s) port)
  (flush-output-port port))
(define (read-text-line port)
  (let ((out (open-output-bytevector)))
    (let next ()
      (let ((b (read-u8 port)))
        (if (or (eof-object? b) (= b 10))
            (utf8->string (get-output-bytevector out))
            (begin (write-u8 b out) (next)))))))
(define port (string->number (cadr (command-line))))
(display
 (guard (e ((error-object? e) (string-append "refused: " (error-object-message e)))
           (#t "refused"))
   (let* ((c (tcp-connect "127.0.0.1" port))
          (ignored (send-text c "hello from P\n"))
          (line (read-text-line c)))
     (close-port c)
     line)))
(newline)
