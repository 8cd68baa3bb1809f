#!/bin/sh
# repl.sh - drives p's REPL through a pipe: values are printed, definitions
# persist, errors are reported and the REPL goes on, multi-line input, exit
# statuses.  Prints TAP.
p=${top_builddir:-.}/p
# Every run is cut off after a minute, so a hang fails the check.
run_p() { timeout 60 "$p" "$@"; }
if [ ! -x "$p" ]; then
	echo "Bail out! no p binary at $p"
	exit 1
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/p-repl.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
# session DESC INPUT [p options...]: runs the REPL on INPUT; sets $status and
# leaves the output in $dir/out (stdout) and $dir/err.
session() {
	printf '%s' "$2" >"$dir/in"
	shift 2
	run_p "$@" <"$dir/in" >"$dir/out" 2>"$dir/err"
	status=$?
	cat "$dir/out" "$dir/err" >"$dir/all"
}
# expect DESC STRING: passes when the last session's output contains STRING.
expect() {
	if grep -qF -- "$2" "$dir/all"; then ok "$1"
	else not_ok "$1" "expected output containing: $2" "output: $(head -c 600 "$dir/all")"; fi
}
expect_status() {
	if [ "$status" = "$2" ]; then ok "$1"
	else not_ok "$1" "expected status $2, got $status" "output: $(head -c 600 "$dir/all")"; fi
}

session "values" '(+ 40 2)
"a string"
(list 1 "two" #\3 (quote four))
(values 11111 22222)
'
expect "a value is printed" 42
expect "strings are printed in write style" '"a string"'
expect "lists are printed in write style" '(1 "two" #\3 four)'
expect "multiple values are each printed" 11111
expect "multiple values are each printed (second)" 22222
expect_status "end of input ends the REPL with status 0" 0

session "definitions" '(define x 20)
(define (add-x y) (+ x y))
(add-x 1317)
(define-syntax twice (syntax-rules () ((_ e) (begin e e))))
(define n 0)
(twice (set! n (+ n 1)))
(* n 1111)
(define-record-type point (make-point x y) point? (x px) (y py))
(px (make-point 777 0))
'
expect "definitions persist between inputs" 1337
expect "macros persist between inputs" 2222
expect "record types persist between inputs" 777

session "errors" '(car (quote ()))
(+ 1000 2345)
undefined-variable-for-repl
(+ 1000 4567)
(error "custom failure" 99)
(+ 1000 6789)
(define kept 8642)
(vector-ref (vector) 0)
kept
)
(+ 1000 2222)
'
expect "an error prints a message" pair
expect "the REPL goes on after an error" 3345
expect "an unbound variable is named" undefined-variable-for-repl
expect "the REPL goes on after an unbound variable" 5567
expect "error messages show the message and irritants" "custom failure 99"
expect "the REPL goes on after a user error" 7789
expect "definitions survive errors" 8642
expect "the REPL goes on after a stray close parenthesis" 3222
expect_status "errors do not change the final status" 0

session "multi-line" '(define (fact n)
  (if (= n 0)
      1
      (* n (fact (- n 1)))))
(fact
  20)
"a string
spanning lines"
(+ 1 ; a comment
   2 #| block
   comment |# 30000)
'
expect "multi-line definitions and calls" 2432902008176640000
expect "a string spanning lines" '"a string\nspanning lines"'
expect "comments inside multi-line input" 30003

session "several data on one line" '(define a 5) (define b 6) (* a b 1001)
'
expect "several data on one line are all evaluated" 30030

session "exit" '(display "before exit")
(exit 3)
(display "after exit")
'
expect_status "(exit 3) ends the REPL with status 3" 3
if grep -q "after exit" "$dir/all"; then not_ok "nothing is evaluated after exit" "output: $(head -c 600 "$dir/all")"
else ok "nothing is evaluated after exit"; fi

session "unterminated" '(+ 1 2
'
if [ "$status" -lt 128 ]; then ok "end of input inside a datum ends the REPL without a crash"
else not_ok "end of input inside a datum ends the REPL without a crash" "status $status"; fi

session "commands" ',help
,time (length (make-list 1000 0))
(define (fact n) (if (= n 0) (car n) (* n (fact (- n 1)))))
(list (fact 3))
,bt
,describe fact
,describe car
,expand (when #t 1 2)
,trace fact
(fact 1)
,untrace
,complete "string-up"
,gc
,nosuchcommand
(+ 1000 4444)
'
expect ",help lists the commands" ",describe EXPR"
expect ",time prints the value" 1000
expect ",time reports the time, collections and allocation" "s elapsed, "
expect ",time reports bytes allocated" "bytes allocated"
expect ",bt shows the failing procedure and its line" "in fact at repl:3"
expect ",bt shows the whole chain" "3  in fact at repl:3"
expect ",bt shows the top level" "in the top level at repl:4"
expect ",describe a procedure" "the procedure fact taking 1 argument, defined at repl:3"
expect ",describe a primitive" "the primitive car taking 1 argument"
expect ",expand expands a macro use" "(if #t (begin 1 2))"
expect ",trace shows calls" "(fact 1)"
expect ",trace shows nested calls indented" "| (fact 0)"
expect ",complete lists bound names" "string-upcase"
expect ",gc shows the collector's statistics" "bytes-allocated:"
expect "an unknown command is named" "unknown REPL command ,nosuchcommand"
expect "the REPL goes on after commands" 5444
expect_status "commands keep the final status" 0

session "stray keys" "$(printf '(+ 1 2)\033[A\n(display 7777)\n\004\n(+ 1 8887)\n')"
expect "a stray Escape is named" "stray control character U+001B (Escape"
expect "an arrow key's [ does not swallow the next line" 7777
expect "a stray Ctrl-D is named" "U+0004 (Ctrl-D)"
expect "the REPL goes on after stray keys" 8888

printf '(define (g v) (vector-ref v 5))\n(define (f v) (+ 1 (g v)))\n(f (vector))\n' >"$dir/bt.scm"
P_BACKTRACE=1 run_p "$dir/bt.scm" >"$dir/out" 2>"$dir/err"
cat "$dir/out" "$dir/err" >"$dir/all"
expect "P_BACKTRACE=1 shows a program's calls" "0  in g at $dir/bt.scm:1"
expect "... through its callers" "1  in f at $dir/bt.scm:2"
run_p "$dir/bt.scm" >"$dir/out" 2>"$dir/err"
cat "$dir/out" "$dir/err" >"$dir/all"
if grep -q "backtrace" "$dir/all"; then not_ok "without P_BACKTRACE a program's error is one line" "output: $(head -c 600 "$dir/all")"
else ok "without P_BACKTRACE a program's error is one line"; fi

session "no file system" '(open-input-file "x.scm")
'
expect "without --fs, file operations say what is missing" "no file system exported to this program: run with --fs DIR"

if [ -n "${P_GC_STRESS:-}" ] && [ "${P_GC_STRESS}" != 0 ]; then
	n=$((n + 1)); echo "ok $n # SKIP heap exhaustion under P_GC_STRESS (fills the heap one collection at a time)"
	n=$((n + 1)); echo "ok $n # SKIP heap exhaustion under P_GC_STRESS"
else
	session "heap" '(define (f n) (+ 1 (f n)))
(f 0)
(+ 40000 2)
' --heap 16M
	expect "heap exhaustion is reported in the REPL" "heap exhausted"
	expect "the REPL survives heap exhaustion" 40002
fi

echo "1..$n"
