#!/bin/sh
# disassemble.sh - the byte code disassembler: p --disassemble FILE and
# (disassemble proc) from (pxen debug).  Prints TAP.
p=${top_builddir:-.}/p
run_p() { timeout 60 "$p" "$@"; }
if [ ! -x "$p" ]; then
	echo "Bail out! no p binary at $p"
	exit 1
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/p-disasm.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
# expect DESC PATTERN: the last listing ($dir/out) has a line matching the
# extended regular expression PATTERN.
expect() {
	if grep -Eq -- "$2" "$dir/out"; then ok "$1"
	else not_ok "$1" "no line matches: $2" "listing: $(head -c 600 "$dir/out")"; fi
}

cat >"$dir/prog.scm" <<'SCM'
(define (count-down x)
  (if (< x 2)
      x
      (count-down (- x 1))))
(define-syntax swap!
  (syntax-rules () ((_ a b) (let ((t a)) (set! a b) (set! b t)))))
(define (pair-up a b) (swap! a b) (cons a "some text"))
(display (string-append "the program " "ran"))
SCM
run_p --disassemble "$dir/prog.scm" >"$dir/out" 2>"$dir/err"
status=$?
if [ $status = 0 ]; then ok "--disassemble lists a program and exits 0"
else not_ok "--disassemble lists a program and exits 0" "status $status" "stderr: $(head -c 400 "$dir/err")"; fi
if grep -q "the program ran" "$dir/out"; then not_ok "--disassemble does not run the program"
else ok "--disassemble does not run the program"; fi
expect "each procedure has a header with its name and arity" '^;; count-down: 1 argument, 1 slot'
expect "an instruction shows its offset, name and operands" '^ +[0-9]+  ENTRY +1 0 1 [0-9]+( +; line [0-9]+)?$'
expect "an inlined procedure is named after its operand" '^ +[0-9]+  LT +[0-9]+ +; <'
expect "a global variable is named" '^ +[0-9]+  GLOBAL +[0-9]+ +; count-down'
expect "a constant is shown as written" '^ +[0-9]+  CONST +[0-9]+ +; "some text"'
expect "a procedure's first source line is cited" '; line 2$'
expect "a macro of the program is expanded (assignments box)" '^ +[0-9]+  SETLOCALBOX'
# Every jump or frame target must be the offset of an instruction.
bad=$(awk '
	/^ +[0-9]+  [A-Z]/ { at[$1] = 1 }
	/; -> [0-9]+/ { t = $0; sub(/.*; -> /, "", t); sub(/[^0-9].*/, "", t); want[t] = 1; nt++ }
	/^;; / { for (x in want) if (!(x in at)) print x; delete at; delete want }
	END { for (x in want) if (!(x in at)) print x; if (!nt) print "none" }' "$dir/out")
if [ -z "$bad" ]; then ok "every jump target is the offset of an instruction"
else not_ok "every jump target is the offset of an instruction" "bad targets: $bad"; fi

printf '(import (scheme base) (pxen debug))\n(disassemble (lambda (p) (car p)))\n' >"$dir/lib.scm"
run_p "$dir/lib.scm" >"$dir/out" 2>"$dir/err"
expect "(disassemble proc) from (pxen debug) lists a procedure" '^ +[0-9]+  CAR +[0-9]+ +; car'
printf '(import (scheme base))\n(disassemble (lambda () 1))\n' >"$dir/nolib.scm"
run_p "$dir/nolib.scm" >"$dir/out" 2>&1
if grep -q "unbound variable: disassemble" "$dir/out"; then ok "disassemble is not in (scheme base)"
else not_ok "disassemble is not in (scheme base)" "output: $(head -c 400 "$dir/out")"; fi
run_p -e '(disassemble car)' >"$dir/out" 2>&1
if grep -q "disassemble: expected compound procedure" "$dir/out"; then ok "a primitive is refused by name"
else not_ok "a primitive is refused by name" "output: $(head -c 400 "$dir/out")"; fi
run_p -e '(disassemble (case-lambda ((a) a) ((a b) b)))' >"$dir/out" 2>&1
if [ "$(grep -c '^;; ' "$dir/out")" = 2 ]; then ok "a case-lambda lists each clause"
else not_ok "a case-lambda lists each clause" "output: $(head -c 400 "$dir/out")"; fi
run_p -e '(disassemble (lambda () (lambda (y) (cdr y))))' >"$dir/out" 2>&1
expect "a lambda with no free variables is loaded as a constant" '^ +[0-9]+  CONST +[0-9]+ +; #<procedure>'
expect "and its code is listed" '^ +[0-9]+  CDR +[0-9]+ +; cdr'
run_p --disassemble >"$dir/out" 2>"$dir/err"
status=$?
if [ $status = 2 ] && grep -q "needs a program file" "$dir/err"; then ok "--disassemble without a file is a usage error"
else not_ok "--disassemble without a file is a usage error" "status $status" "stderr: $(head -c 400 "$dir/err")"; fi
echo "1..$n"
