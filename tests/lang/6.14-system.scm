;; R7RS 6.14: command-line, environment variables, time, features, and
;; emergency-exit/exit (their effect on the process is tested in cli.sh).
(include "harness.scm")

(test #t (list? (command-line)))
(test "command-line is a non-empty list of strings" #t
      (let ((cl (command-line)))
        (and (pair? cl) (let loop ((l cl)) (or (null? l) (and (string? (car l)) (loop (cdr l))))))))
(test "the first element names the program" #t
      (let ((name (car (command-line))))
        (harness-contains? name "6.14-system")))
(test "get-environment-variable of an unset variable" #f
      (get-environment-variable "PXEN_SURELY_NOT_SET_ANYWHERE_12345"))
(test "get-environment-variable of PATH is a string" #t
      (let ((v (get-environment-variable "PATH"))) (or (string? v) (not v))))
(test "get-environment-variables is an alist of strings" #t
      (let loop ((l (get-environment-variables)))
        (or (null? l)
            (and (pair? (car l)) (string? (caar l)) (string? (cdar l)) (loop (cdr l))))))
(test "get-environment-variables agrees with get-environment-variable" #t
      (let loop ((l (get-environment-variables)))
        (or (null? l)
            (and (equal? (cdar l) (get-environment-variable (caar l)))
                 (loop (cdr l))))))
(test "P_GC_STRESS is visible when set" #t
      (or (not harness-stress) (string? (get-environment-variable "P_GC_STRESS"))))

;; time
(test #t (real? (current-second)))
(test #t (inexact? (current-second)))
(test "current-second is after 2020" #t (> (current-second) 1577836800.0))
(test "current-second is before 2200" #t (< (current-second) 7258118400.0))
(test #t (exact-integer? (current-jiffy)))
(test #t (exact-integer? (jiffies-per-second)))
(test #t (positive? (jiffies-per-second)))
(test "current-jiffy does not go backwards" #t
      (let* ((a (current-jiffy)) (b (current-jiffy))) (<= a b)))
(test "jiffies advance over a busy loop" #t
      (let ((start (current-jiffy)))
        (let loop ((i 0) (spins 0))
          (cond ((> (current-jiffy) start) #t)
                ((> spins 100000000) #f)
                (else (loop (+ i 1) (+ spins 1)))))))
(test "jiffies-per-second is constant" #t (= (jiffies-per-second) (jiffies-per-second)))

;; features
(test #t (list? (features)))
(test #t (and (memq 'r7rs (features)) #t))
(test "features has no duplicates" #t
      (let loop ((f (features)))
        (or (null? f) (and (not (memq (car f) (cdr f))) (loop (cdr f))))))
(test "every feature is a symbol" #t
      (let loop ((f (features))) (or (null? f) (and (symbol? (car f)) (loop (cdr f))))))
(test "full-unicode is a feature (P has Unicode strings)" #t (and (memq 'full-unicode (features)) #t))
(test "ratios is a feature (P has exact rationals)" #t (and (memq 'ratios (features)) #t))
(test "exact-closed is a feature" #t (and (memq 'exact-closed (features)) #t))

;; exit procedures exist (their behaviour is in cli.sh)
(test #t (procedure? exit))
(test #t (procedure? emergency-exit))

(test-end)
