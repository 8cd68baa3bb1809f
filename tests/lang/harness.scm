;; harness.scm - the TAP harness every tests/lang/*.scm file includes.
;;
;; (test expected expr)            passes when (equal? expected expr)
;; (test "desc" expected expr)     the same with an explicit description
;; (test-approx expected expr)     inexact comparison, relative error 1e-9
;; (test-assert expr)              passes when expr is not #f
;; (test-error pred expr)          passes when evaluating expr raises a
;;                                 condition c and (pred c) is true
;; (test-error pred "text" expr)   ...and the message or an irritant contains
;;                                 "text" (ASCII case-insensitive)
;; (test-error "desc" pred expr), (test-error "desc" pred "text" expr)
;;                                 the same with a description; pred or
;;                                 "text" may be #f, not both
;; A check is required: a test that takes any condition would also pass when
;; expr fails for another reason, such as a misspelled name.  The report fixes the
;; kind of some conditions (file-error?, read-error?, what error raises); for
;; the errors of our own procedures these check the message, whose form is
;; ours:
;; (type-error 'who "kind")        "who: expected <...kind...> as argument N"
;; (range-error 'who)              "who: argument N out of range: ..."
;; (error-from 'who "text")        "who: ..." containing text
;; (unbound-variable 'name)        name is not bound
;; (error-object-with "msg" irritant ...)
;;                                 what (error "msg" irritant ...) raises
;; (test-end)                      prints the plan; call it last
;; (workload full light)           full, or light when P_GC_STRESS is set, so
;;                                 the collector-at-every-allocation run stays
;;                                 affordable
;;
;; It prints "ok N - desc" / "not ok N - desc" with expected and got on "# "
;; lines.  It uses only basic R7RS: each test runs under a handler that escapes
;; through call/cc, so an error inside one test fails that test and the file
;; goes on; the exit status stays 0 and the TAP driver counts the failures.

(define harness-count 0)
(define harness-failed 0)
(define harness-raised (list 'raised))

(define (harness-text x)
  (let ((port (open-output-string)))
    (write x port)
    (get-output-string port)))

(define (harness-describe form)
  (let ((s (if (string? form) form (harness-text form))))
    (if (> (string-length s) 76)
        (string-append (substring s 0 73) "...")
        s)))

;; Runs thunk; returns (value . v), or (harness-raised . condition) when it
;; raised.  The handler leaves through k, so even raise-continuable and
;; errors inside handlers end up here.
(define (harness-catch thunk)
  (call-with-current-continuation
   (lambda (k)
     (with-exception-handler
      (lambda (condition) (k (cons harness-raised condition)))
      (lambda () (cons 'value (thunk)))))))

(define (harness-raised? r) (eq? (car r) harness-raised))

(define (harness-condition-text c)
  (let ((r (harness-catch
            (lambda ()
              (if (error-object? c)
                  (let ((port (open-output-string)))
                    (display (error-object-message c) port)
                    (for-each (lambda (irritant)
                                (display " " port)
                                (write irritant port))
                              (error-object-irritants c))
                    (get-output-string port))
                  (string-append "raised non-error " (harness-text c)))))))
    (if (harness-raised? r) "a condition that cannot be described" (cdr r))))

(define (harness-report ok desc expected got)
  (set! harness-count (+ harness-count 1))
  (if (not ok) (set! harness-failed (+ harness-failed 1)))
  (display (if ok "ok " "not ok "))
  (display harness-count)
  (display " - ")
  (display (harness-describe desc))
  (newline)
  (if (not ok)
      (begin
        (display "#   expected: ")
        (display expected)
        (newline)
        (display "#        got: ")
        (display got)
        (newline))))

(define (harness-result-text r)
  (if (harness-raised? r)
      (string-append "error: " (harness-condition-text (cdr r)))
      (harness-text (cdr r))))

(define (harness-check desc expected thunk same?)
  (let ((r (harness-catch thunk)))
    (harness-report (and (not (harness-raised? r)) (same? expected (cdr r)))
                    desc (harness-text expected) (harness-result-text r))))

(define (harness-approx? expected got)
  (and (number? got)
       (real? got)
       (<= (abs (- expected got))
           (* 1e-9 (max 1 (abs expected))))))

;; ASCII case folding: (scheme char) is not imported by every test file.
(define (harness-fold c)
  (if (char<=? #\A c #\Z) (integer->char (+ (char->integer c) 32)) c))

;; The position of part in text (ASCII case-insensitive), or #f.
(define (harness-find text part)
  (let ((n (string-length text)) (m (string-length part)))
    (let scan ((i 0))
      (cond ((> (+ i m) n) #f)
            ((let same ((j 0))
               (or (= j m)
                   (and (char=? (harness-fold (string-ref text (+ i j)))
                                (harness-fold (string-ref part j)))
                        (same (+ j 1)))))
             i)
            (else (scan (+ i 1)))))))

(define (harness-contains? text part) (and (harness-find text part) #t))

(define (harness-starts? text part)
  (let ((i (harness-find text part))) (and i (= i 0))))

;; What follows "who: " in the message of a condition that is neither a file
;; nor a read error, or #f if the message does not start so.
(define (harness-message-after who c)
  (let ((m (and (error-object? c) (not (file-error? c)) (not (read-error? c))
                (error-object-message c)))
        (prefix (string-append (symbol->string who) ": ")))
    (and (string? m)
         (harness-starts? m prefix)
         (substring m (string-length prefix) (string-length m)))))

(define (type-error who kind)
  (lambda (c)
    (let* ((rest (harness-message-after who c))
           (end (and rest (harness-find rest " as argument "))))
      (and end
           (harness-starts? rest "expected ")
           (harness-contains? (substring rest 0 end) kind)))))

(define (range-error who)
  (lambda (c)
    (let ((rest (harness-message-after who c)))
      (and rest
           (harness-starts? rest "argument ")
           (harness-contains? rest " out of range")))))

(define (error-from who text)
  (lambda (c)
    (let ((rest (harness-message-after who c)))
      (and rest (harness-contains? rest text)))))

(define (unbound-variable name)
  (lambda (c)
    (and (error-object? c)
         (harness-starts? (error-object-message c) "unbound variable")
         (memq name (error-object-irritants c))
         #t)))

(define (error-object-with message . irritants)
  (lambda (c)
    (and (error-object? c)
         (equal? (error-object-message c) message)
         (equal? (error-object-irritants c) irritants))))

(define (harness-error desc pred part thunk)
  (cond ((and (string? pred) (procedure? part))
         (harness-error-check pred part #f thunk))
        ((string? pred)
         (harness-error-check pred #f part thunk))
        (else (harness-error-check desc pred part thunk))))

(define (harness-error-check desc pred part thunk)
  (if (not (or (procedure? pred) (string? part)))
      (harness-report #f desc "test-error with a check on the condition"
                      "no predicate and no text: any error would pass")
      (let ((r (harness-catch thunk)))
        (if (not (harness-raised? r))
            (harness-report #f desc "an error" (string-append "no error, value " (harness-text (cdr r))))
            (let* ((c (cdr r))
                   (text (harness-condition-text c))
                   (p (and pred (harness-catch (lambda () (pred c)))))
                   (ok-pred (or (not pred) (and (not (harness-raised? p)) (cdr p))))
                   (ok-part (or (not part) (harness-contains? text part))))
              (harness-report (and ok-pred ok-part #t) desc
                              (string-append "an error"
                                             (if pred " satisfying the predicate" "")
                                             (if part (string-append " mentioning " part) ""))
                              (string-append "error: " text)))))))

(define-syntax test
  (syntax-rules ()
    ((_ expected expr)
     (harness-check 'expr expected (lambda () expr) equal?))
    ((_ desc expected expr)
     (harness-check desc expected (lambda () expr) equal?))))

(define-syntax test-approx
  (syntax-rules ()
    ((_ expected expr)
     (harness-check 'expr expected (lambda () expr) harness-approx?))))

(define-syntax test-assert
  (syntax-rules ()
    ((_ expr)
     (harness-check 'expr #t (lambda () (if expr #t #f)) eq?))
    ((_ desc expr)
     (harness-check desc #t (lambda () (if expr #t #f)) eq?))))

(define-syntax test-error
  (syntax-rules ()
    ((_ pred expr) (harness-error 'expr pred #f (lambda () expr)))
    ((_ pred part expr) (harness-error 'expr pred part (lambda () expr)))
    ((_ desc pred part expr) (harness-error desc pred part (lambda () expr)))))

(define (test-end)
  (display "1..")
  (display harness-count)
  (newline)
  (flush-output-port))

(define harness-stress
  (let ((r (harness-catch (lambda () (get-environment-variable "P_GC_STRESS")))))
    (and (not (harness-raised? r))
         (cdr r)
         (not (equal? (cdr r) ""))
         (not (equal? (cdr r) "0")))))

(define (workload full light) (if harness-stress light full))
