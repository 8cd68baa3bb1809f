#!/bin/sh
# error-sites.sh - an uncaught error names its procedure and cites the file
# and line where it happened, wherever that is: a call in tail position
# (which leaves no frame), raise of an object that is not a condition,
# error in tail position, the reader, a library file, an embedded library.
# Then the same errors in the REPL, which reports each and goes on.
# Prints TAP.
p=${top_builddir:-.}/p
run_p() { timeout 60 "$p" "$@"; }
if [ ! -x "$p" ]; then
	echo "Bail out! no p binary at $p"
	exit 1
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/p-sites.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
# site DESC FILE EXPECTED-STDERR: runs FILE (in $dir, which is the --fs
# root) and expects status 70 with EXPECTED-STDERR on stderr.
site() {
	run_p --fs "$dir" "$dir/$2" >"$dir/out" 2>"$dir/err" </dev/null
	status=$?
	if [ "$status" = 70 ] && grep -qF -- "$3" "$dir/err"; then ok "$1"
	else not_ok "$1" "expected status 70 and stderr containing: $3" \
		"status $status, stderr: $(head -c 400 "$dir/err")"; fi
}

cat >"$dir/tail-arity.scm" <<'SCM'
(import (scheme base))
(define (two a b) (list a b))
(define (f) (two 1 2 3))
(f)
SCM
site "an arity error of a call in tail position cites the call" tail-arity.scm \
	"two: expected 2 arguments, got 3 ($dir/tail-arity.scm:3)"

cat >"$dir/apply-arity.scm" <<'SCM'
(import (scheme base))
(define (two a b) (list a b))
(define (f)
  (apply two '(1 2 3)))
(f)
SCM
site "an arity error through apply in tail position cites the apply" apply-arity.scm \
	"two: expected 2 arguments, got 3 ($dir/apply-arity.scm:4)"

cat >"$dir/case-arity.scm" <<'SCM'
(import (scheme base) (scheme case-lambda))
(define g (case-lambda ((a) a) ((a b) b)))
(define (f) (g 1 2 3))
(f)
SCM
site "a case-lambda with no clause for a tail call cites the call" case-arity.scm \
	"no clause accepts 3 arguments ($dir/case-arity.scm:3)"

cat >"$dir/anon-arity.scm" <<'SCM'
(import (scheme base))
(define (call-with-one f) (f 1))
(call-with-one
  (lambda (a b) a))
SCM
site "an anonymous procedure is named after where it starts" anon-arity.scm \
	"#<procedure $dir/anon-arity.scm:4>: expected 2 arguments, got 1 ($dir/anon-arity.scm:2)"

cat >"$dir/raise-tail.scm" <<'SCM'
(import (scheme base))
(define (f x)
  (raise 42))
(f 1)
SCM
site "an uncaught raise of a number in tail position names it and where" raise-tail.scm \
	"uncaught exception: 42 ($dir/raise-tail.scm:3)"

cat >"$dir/raise-inner.scm" <<'SCM'
(import (scheme base))
(define (f x)
  (list x
        (raise (list 'oops x))))
(f 1)
SCM
site "an uncaught raise of a list inside an expression names it and where" raise-inner.scm \
	"uncaught exception: (oops 1) ($dir/raise-inner.scm:4)"

cat >"$dir/error-tail.scm" <<'SCM'
(import (scheme base))
(define (f x)
  (error "bad thing" x 'sym "str"))
(f 1)
SCM
site "error in tail position cites its call and keeps every irritant" error-tail.scm \
	"bad thing 1 sym \"str\" ($dir/error-tail.scm:3)"

cat >"$dir/read-error.scm" <<'SCM'
(import (scheme base))
(define y 1)
(define x '(1 2 . ))
SCM
site "a read error names the file and the line" read-error.scm \
	"at line 3 of $dir/read-error.scm"

mkdir -p "$dir/sites"
cat >"$dir/sites/util.sld" <<'SCM'
(define-library (sites util)
  (export checked-div tail-fail call-victim)
  (import (scheme base))
  (begin
    (define (checked-div a b)
      (if (= b 0)
          (error "checked-div: division by zero" a)
          (/ a b)))
    (define (tail-fail x)
      (raise (list 'oops x)))
    (define (arity-victim a) a)
    (define (call-victim) (arity-victim 1 2))))
SCM
printf '(import (scheme base) (sites util))\n(checked-div 1 0)\n' >"$dir/lib-error.scm"
site "error inside a library file cites the library's file and line" lib-error.scm \
	"checked-div: division by zero 1 (sites/util.sld:7)"
printf '(import (scheme base) (sites util))\n(tail-fail 3)\n' >"$dir/lib-raise.scm"
site "raise inside a library file cites the library's file and line" lib-raise.scm \
	"uncaught exception: (oops 3) (sites/util.sld:10)"
printf '(import (scheme base) (sites util))\n(call-victim)\n' >"$dir/lib-arity.scm"
site "an arity error inside a library file cites the library's file and line" lib-arity.scm \
	"arity-victim: expected 1 argument, got 2 (sites/util.sld:12)"

cat >"$dir/sites/broken.sld" <<'SCM'
(define-library (sites broken)
  (export f)
  (import (scheme base))
  (begin
    (define (f) 1)
    (define x '(1 2 . ))))
SCM
printf '(import (scheme base) (sites broken))\n(f)\n' >"$dir/lib-read.scm"
site "a read error in a library file names that file" lib-read.scm \
	"at line 6 of sites/broken.sld"

printf '(import (scheme base) (srfi 1))\n(first (quote ()))\n' >"$dir/embedded.scm"
site "an error inside an embedded library cites its source" embedded.scm \
	"car: expected pair as argument 1, got () (srfi/1.sld:"

# The REPL reports each of these and goes on.
printf '%s\n' '(define (two a b) a)' '(define (f) (two 1 2 3))' '(f)' \
	'(define (g) (raise 42))' '(g)' '(define (h) (error "boom" 1 2))' '(h)' \
	"(quote (1 . ))" '(let ((... 1)) ...)' '(+ 40 3)' >"$dir/in"
run_p <"$dir/in" >"$dir/out" 2>&1
for want in "two: expected 2 arguments, got 3 (repl:2)" "uncaught exception: 42 (repl:4)" \
	"boom 1 2 (repl:6)" "read: expected a datum after '.'" "> 1" "> 43"; do
	if grep -qF -- "$want" "$dir/out"; then ok "the REPL reports, then goes on: $want"
	else not_ok "the REPL reports, then goes on: $want" "output: $(head -c 600 "$dir/out")"; fi
done

echo "1..$n"
