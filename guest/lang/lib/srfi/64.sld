;;; (srfi 64): a test-suite API.  The simple runner prints each failure
;;; (and unexpected pass) with its form, expected and actual values, and a
;;; summary when the outermost group ends.  An error inside a test fails
;;; that test and the suite goes on.  test-error's error type may be #t
;;; (any error) or a predicate applied to the condition raised.
(define-library (srfi 64)
  (import (scheme base) (scheme case-lambda) (scheme cxr) (scheme read)
          (scheme write) (scheme eval) (scheme repl))
  (export test-begin test-end test-group test-group-with-cleanup
          test-assert test-eqv test-eq test-equal test-approximate test-error
          test-read-eval-string test-apply test-with-runner
          test-match-nth test-match-all test-match-any test-match-name
          test-skip test-expect-fail
          test-runner? test-runner-current test-runner-get test-runner-simple
          test-runner-null test-runner-create test-runner-factory
          test-result-kind test-passed? test-result-ref test-result-set!
          test-result-remove test-result-clear test-result-alist
          test-runner-on-test-begin test-runner-on-test-begin!
          test-runner-on-test-end test-runner-on-test-end!
          test-runner-on-group-begin test-runner-on-group-begin!
          test-runner-on-group-end test-runner-on-group-end!
          test-runner-on-final test-runner-on-final!
          test-runner-on-bad-count test-runner-on-bad-count!
          test-runner-on-bad-end-name test-runner-on-bad-end-name!
          test-on-test-begin-simple test-on-test-end-simple
          test-on-group-begin-simple test-on-group-end-simple
          test-on-bad-count-simple test-on-bad-end-name-simple
          test-on-final-simple
          test-runner-pass-count test-runner-fail-count
          test-runner-xpass-count test-runner-xfail-count
          test-runner-skip-count test-runner-test-name
          test-runner-group-path test-runner-group-stack
          test-runner-aux-value test-runner-aux-value! test-runner-reset)
  (begin
    ;; groups: one (name expected-count count skips fails installed?)
    ;; list per open group, innermost first.
    (define-record-type <test-runner>
      (raw-runner)
      test-runner?
      (pass pass-count set-pass-count!)
      (fail fail-count set-fail-count!)
      (xpass xpass-count set-xpass-count!)
      (xfail xfail-count set-xfail-count!)
      (skip skip-count set-skip-count!)
      (skips runner-skips set-runner-skips!)
      (fails runner-fails set-runner-fails!)
      (run-only runner-run-only set-runner-run-only!)
      (groups runner-groups set-runner-groups!)
      (name test-runner-test-name set-test-name!)
      (result test-result-alist set-result-alist!)
      (aux test-runner-aux-value test-runner-aux-value!)
      (on-test-begin test-runner-on-test-begin test-runner-on-test-begin!)
      (on-test-end test-runner-on-test-end test-runner-on-test-end!)
      (on-group-begin test-runner-on-group-begin test-runner-on-group-begin!)
      (on-group-end test-runner-on-group-end test-runner-on-group-end!)
      (on-final test-runner-on-final test-runner-on-final!)
      (on-bad-count test-runner-on-bad-count test-runner-on-bad-count!)
      (on-bad-end-name test-runner-on-bad-end-name test-runner-on-bad-end-name!))

    (define (test-runner-pass-count r) (pass-count r))
    (define (test-runner-fail-count r) (fail-count r))
    (define (test-runner-xpass-count r) (xpass-count r))
    (define (test-runner-xfail-count r) (xfail-count r))
    (define (test-runner-skip-count r) (skip-count r))

    (define (test-runner-reset r)
      (for-each (lambda (set) (set r 0))
                (list set-pass-count! set-fail-count! set-xpass-count!
                      set-xfail-count! set-skip-count!))
      (set-runner-skips! r '())
      (set-runner-fails! r '())
      (set-runner-run-only! r #f)
      (set-runner-groups! r '())
      (set-test-name! r "")
      (set-result-alist! r '()))

    (define (ignore . args) #f)

    (define (test-runner-null)
      (let ((r (raw-runner)))
        (test-runner-reset r)
        (test-runner-aux-value! r #f)
        (for-each (lambda (set) (set r ignore))
                  (list test-runner-on-test-begin! test-runner-on-test-end!
                        test-runner-on-group-begin! test-runner-on-group-end!
                        test-runner-on-final! test-runner-on-bad-count!
                        test-runner-on-bad-end-name!))
        r))

    (define (test-runner-simple)
      (let ((r (test-runner-null)))
        (test-runner-on-test-begin! r test-on-test-begin-simple)
        (test-runner-on-test-end! r test-on-test-end-simple)
        (test-runner-on-group-begin! r test-on-group-begin-simple)
        (test-runner-on-group-end! r test-on-group-end-simple)
        (test-runner-on-final! r test-on-final-simple)
        (test-runner-on-bad-count! r test-on-bad-count-simple)
        (test-runner-on-bad-end-name! r test-on-bad-end-name-simple)
        r))

    (define current #f)
    (define factory test-runner-simple)

    (define test-runner-current
      (case-lambda (() current) ((r) (set! current r))))
    (define test-runner-factory
      (case-lambda (() factory) ((f) (set! factory f))))
    (define (test-runner-create) ((test-runner-factory)))
    (define (test-runner-get)
      (or current (error "test-runner-get: there is no current test runner")))

    (define (test-runner-group-stack r) (map car (runner-groups r)))
    (define (test-runner-group-path r) (reverse (test-runner-group-stack r)))

    ;; --- results ---

    (define test-result-ref
      (case-lambda
        ((r name) (test-result-ref r name #f))
        ((r name default)
         (let ((p (assq name (test-result-alist r)))) (if p (cdr p) default)))))
    (define (test-result-set! r name value)
      (set-result-alist! r (cons (cons name value)
                                 (let loop ((l (test-result-alist r)))
                                   (cond ((null? l) '())
                                         ((eq? (caar l) name) (loop (cdr l)))
                                         (else (cons (car l) (loop (cdr l)))))))))
    (define (test-result-remove r name)
      (set-result-alist! r (let loop ((l (test-result-alist r)))
                             (cond ((null? l) '())
                                   ((eq? (caar l) name) (loop (cdr l)))
                                   (else (cons (car l) (loop (cdr l))))))))
    (define (test-result-clear r) (set-result-alist! r '()))
    (define test-result-kind
      (case-lambda
        (() (test-result-kind (test-runner-get)))
        ((r) (test-result-ref r 'result-kind))))
    (define test-passed?
      (case-lambda
        (() (test-passed? (test-runner-get)))
        ((r) (if (memq (test-result-kind r) '(pass xpass)) #t #f))))

    ;; --- specifiers ---

    (define (test-match-name name) (lambda (r) (equal? name (test-runner-test-name r))))

    (define test-match-nth
      (case-lambda
        ((n) (test-match-nth n 1))
        ((n count)
         (let ((i 0))
           (lambda (r)
             (set! i (+ i 1))
             (and (>= i n) (< i (+ n count))))))))

    (define (specifier s)
      (cond ((procedure? s) s)
            ((string? s) (test-match-name s))
            ((and (exact-integer? s) (>= s 0)) (test-match-nth 1 s))
            (else (error "test: not a test specifier" s))))

    ;; Every specifier is applied, for the side effects of counting ones.
    (define (test-match-any . ss)
      (let ((ss (map specifier ss)))
        (lambda (r) (let loop ((ss ss) (any #f))
                      (if (null? ss) any (loop (cdr ss) (or ((car ss) r) any)))))))
    (define (test-match-all . ss)
      (let ((ss (map specifier ss)))
        (lambda (r) (let loop ((ss ss) (all #t))
                      (if (null? ss) all (loop (cdr ss) (and ((car ss) r) all)))))))

    (define (matches? r specs)
      (let loop ((specs specs) (any #f))
        (if (null? specs) any (loop (cdr specs) (or ((car specs) r) any)))))

    (define (test-skip s)
      (let ((r (test-runner-get)))
        (set-runner-skips! r (cons (specifier s) (runner-skips r)))))
    (define (test-expect-fail s)
      (let ((r (test-runner-get)))
        (set-runner-fails! r (cons (specifier s) (runner-fails r)))))

    ;; --- groups ---

    (define (runner-for-begin)
      (or current
          (let ((r (test-runner-create)))
            (set! current r)
            r)))

    (define test-begin
      (case-lambda
        ((name) (test-begin name #f))
        ((name count)
         (let* ((installed (not current)) (r (runner-for-begin)))
           (set-test-name! r name)
           ((test-runner-on-group-begin r) r name count)
           (set-runner-groups! r (cons (list name count 0 (runner-skips r) (runner-fails r) installed)
                                       (runner-groups r)))))))

    (define test-end
      (case-lambda
        (() (end-group #f))
        ((name) (end-group name))))

    (define (end-group name)
      (let* ((r (test-runner-get)) (groups (runner-groups r)))
        (if (null? groups) (error "test-end: no test group is open" name))
        (let ((g (car groups)))
          (if (and name (not (equal? name (car g))))
              ((test-runner-on-bad-end-name r) r (car g) name))
          (if (and (cadr g) (not (= (cadr g) (caddr g))))
              ((test-runner-on-bad-count r) r (caddr g) (cadr g)))
          ((test-runner-on-group-end r) r)
          (set-runner-groups! r (cdr groups))
          (set-runner-skips! r (list-ref g 3))
          (set-runner-fails! r (list-ref g 4))
          (count-test! r)
          (when (null? (cdr groups))
            ((test-runner-on-final r) r)
            (if (list-ref g 5) (set! current #f))))))

    ;; A group, or a test, counts as one case of the enclosing group.
    (define (count-test! r)
      (let ((groups (runner-groups r)))
        (if (pair? groups)
            (let ((g (car groups)))
              (set-car! (cddr g) (+ (caddr g) 1))))))

    (define (group-skipped? r name)
      (set-test-name! r name)
      (matches? r (runner-skips r)))

    (define-syntax test-group
      (syntax-rules ()
        ((_ name body ...)
         (let ((n name))
           (if (and current (group-skipped? current n))
               (begin (set-skip-count! current (+ (skip-count current) 1))
                      (count-test! current))
               (dynamic-wind
                (lambda () (test-begin n))
                (lambda () body ...)
                (lambda () (test-end n))))))))

    (define-syntax test-group-with-cleanup
      (syntax-rules ()
        ((_ name form ... cleanup)
         (test-group name (dynamic-wind (lambda () #f) (lambda () form ...) (lambda () cleanup))))))

    ;; --- running one test ---

    ;; Runs (thunk) as the test named name: thunk returns whether the test
    ;; passed (it records its own values); an error fails it.
    (define (run-test name form thunk)
      (let ((r (test-runner-get)))
        (test-result-clear r)
        (set-test-name! r (or name ""))
        (if name (test-result-set! r 'test-name name))
        (test-result-set! r 'source-form form)
        (let ((skip? (or (matches? r (runner-skips r))
                         (and (runner-run-only r) (not (matches? r (runner-run-only r))))))
              (xfail? (matches? r (runner-fails r))))
          (cond (skip? (test-result-set! r 'result-kind 'skip))
                (xfail? (test-result-set! r 'result-kind 'xfail)))
          ((test-runner-on-test-begin r) r)
          (if skip?
              (set-skip-count! r (+ (skip-count r) 1))
              (let* ((ok (call-with-current-continuation
                          (lambda (k)
                            (with-exception-handler
                             (lambda (c)
                               (test-result-set! r 'actual-error c)
                               (k #f))
                             thunk))))
                     (kind (if xfail? (if ok 'xpass 'xfail) (if ok 'pass 'fail))))
                (test-result-set! r 'result-kind kind)
                (case kind
                  ((pass) (set-pass-count! r (+ (pass-count r) 1)))
                  ((fail) (set-fail-count! r (+ (fail-count r) 1)))
                  ((xpass) (set-xpass-count! r (+ (xpass-count r) 1)))
                  (else (set-xfail-count! r (+ (xfail-count r) 1))))))
          ((test-runner-on-test-end r) r)
          (count-test! r))))

    (define (compare-test name form same? expected thunk)
      (run-test name form
                (lambda ()
                  (let ((r (test-runner-get)))
                    (test-result-set! r 'expected-value expected)
                    (let ((v (thunk)))
                      (test-result-set! r 'actual-value v)
                      (same? expected v))))))

    (define-syntax test-assert
      (syntax-rules ()
        ((_ expr) (test-assert #f expr))
        ((_ name expr)
         (run-test name 'expr
                   (lambda ()
                     (let ((v expr))
                       (test-result-set! (test-runner-get) 'actual-value v)
                       (if v #t #f)))))))

    (define-syntax test-equal
      (syntax-rules ()
        ((_ expected expr) (test-equal #f expected expr))
        ((_ name expected expr) (compare-test name 'expr equal? expected (lambda () expr)))))
    (define-syntax test-eqv
      (syntax-rules ()
        ((_ expected expr) (test-eqv #f expected expr))
        ((_ name expected expr) (compare-test name 'expr eqv? expected (lambda () expr)))))
    (define-syntax test-eq
      (syntax-rules ()
        ((_ expected expr) (test-eq #f expected expr))
        ((_ name expected expr) (compare-test name 'expr eq? expected (lambda () expr)))))

    (define-syntax test-approximate
      (syntax-rules ()
        ((_ expected expr error) (test-approximate #f expected expr error))
        ((_ name expected expr error)
         (let ((tolerance error))
           (compare-test name 'expr
                         (lambda (e v) (and (>= v (- e tolerance)) (<= v (+ e tolerance))))
                         expected (lambda () expr))))))

    (define-syntax test-error
      (syntax-rules ()
        ((_ expr) (test-error #f #t expr))
        ((_ type expr) (test-error #f type expr))
        ((_ name type expr)
         (let ((t type))
           (run-test name 'expr
                     (lambda ()
                       (let ((r (test-runner-get)))
                         (test-result-set! r 'expected-error t)
                         (call-with-current-continuation
                          (lambda (k)
                            (with-exception-handler
                             (lambda (c)
                               (test-result-set! r 'actual-error c)
                               (k (or (eq? t #t) (and (procedure? t) (t c) #t))))
                             (lambda ()
                               (test-result-set! r 'actual-value expr)
                               #f)))))))))))

    (define (test-read-eval-string s)
      (let* ((port (open-input-string s)) (form (read port)))
        (if (not (eof-object? (read-char port)))
            (error "test-read-eval-string: text after the expression" s))
        (eval form (interaction-environment))))

    ;; --- running with a given runner ---

    (define-syntax test-with-runner
      (syntax-rules ()
        ((_ runner body ...)
         (let ((saved current))
           (dynamic-wind
            (lambda () (set! current runner))
            (lambda () body ...)
            (lambda () (set! current saved)))))))

    (define (test-apply first . rest)
      (let*-values (((r args) (if (test-runner? first)
                                  (values first rest)
                                  (values (runner-for-begin) (cons first rest))))
                    ((specs thunk) (let ((rev (reverse args)))
                                     (values (reverse (cdr rev)) (car rev)))))
        (test-with-runner r
          (let ((saved (runner-run-only r)))
            (dynamic-wind
             (lambda () (if (pair? specs) (set-runner-run-only! r (map specifier specs))))
             thunk
             (lambda () (set-runner-run-only! r saved)))))))

    ;; --- the simple runner's reports ---

    (define (test-on-test-begin-simple r) #f)

    (define (show label value)
      (display "  ") (display label) (display ": ") (write value) (newline))

    (define (test-on-test-end-simple r)
      (let ((kind (test-result-kind r)))
        (when (memq kind '(fail xpass))
          (display (if (eq? kind 'fail) "FAIL" "XPASS"))
          (let ((name (test-runner-test-name r)))
            (unless (equal? name "") (display " ") (display name)))
          (newline)
          (for-each (lambda (key)
                      (let ((p (assq key (test-result-alist r))))
                        (if p (show key (cdr p)))))
                    '(source-form expected-value actual-value expected-error))
          (let ((e (test-result-ref r 'actual-error)))
            (when e
              (display "  actual-error: ")
              (if (error-object? e)
                  (begin (display (error-object-message e))
                         (for-each (lambda (i) (display " ") (write i))
                                   (error-object-irritants e)))
                  (write e))
              (newline))))))

    (define (test-on-group-begin-simple r name count)
      (when (null? (runner-groups r))
        (display "%%%% Starting test ") (display name) (newline)))

    (define (test-on-group-end-simple r) #f)

    (define (test-on-bad-count-simple r actual expected)
      (display "*** Total number of tests was ") (display actual)
      (display " but should be ") (display expected) (display ". ***") (newline))

    (define (test-on-bad-end-name-simple r begin-name end-name)
      (error "test-end: the name does not match the open group" begin-name end-name))

    (define (test-on-final-simple r)
      (for-each (lambda (label count)
                  (when (> count 0)
                    (display label) (display count) (newline)))
                '("# of expected passes      " "# of expected failures    "
                  "# of unexpected successes " "# of unexpected failures  "
                  "# of skipped tests        ")
                (list (pass-count r) (xfail-count r) (xpass-count r)
                      (fail-count r) (skip-count r))))))
