#!/bin/sh
# cli.sh - the p command line: -e, program arguments, exit statuses,
# uncaught errors, heap exhaustion, files beneath --fs.  Prints TAP.
p=${top_builddir:-.}/p
# Every run is cut off after a minute, so a hang fails the check.
run_p() { timeout 60 "$p" "$@"; }
if [ ! -x "$p" ]; then
	echo "Bail out! no p binary at $p"
	exit 1
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/p-cli.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
# check DESC EXPECTED-STATUS STDOUT-SUBSTRING STDERR-SUBSTRING -- command...
check() {
	desc=$1 want_status=$2 want_out=$3 want_err=$4
	shift 5
	"$@" >"$dir/out" 2>"$dir/err" </dev/null
	status=$?
	out=$(head -c 400 "$dir/out") err=$(head -c 400 "$dir/err")
	if [ "$want_status" != any ] && [ "$status" != "$want_status" ]; then
		not_ok "$desc" "expected status $want_status, got $status" "stdout: $out" "stderr: $err"
	elif [ -n "$want_out" ] && ! grep -qF -- "$want_out" "$dir/out"; then
		not_ok "$desc" "expected stdout to contain: $want_out" "stdout: $out" "stderr: $err"
	elif [ -n "$want_err" ] && ! grep -qiF -- "$want_err" "$dir/err"; then
		not_ok "$desc" "expected stderr to contain: $want_err" "stdout: $out" "stderr: $err"
	else
		ok "$desc"
	fi
}

check "-e prints the value" 0 3 "" -- run_p -e '(+ 1 2)'
check "-e prints a string in write style" 0 '"a b"' "" -- run_p -e '(string-append "a" " b")'
check "-e with a bignum" 0 1267650600228229401496703205376 "" -- run_p -e '(expt 2 100)'
check "-e with several values prints each" 0 22222 "" -- run_p -e '(values 11111 22222)'

cat >"$dir/args.scm" <<'SCM'
(write (cdr (command-line)))
(newline)
SCM
check "command-line passes the program's arguments" 0 '("a" "b c" "-e")' "" -- \
	run_p --fs "$dir" "$dir/args.scm" a "b c" -e
cat >"$dir/name.scm" <<'SCM'
(write (car (command-line)))
SCM
check "command-line starts with the program name" 0 'name.scm' "" -- run_p --fs "$dir" "$dir/name.scm"

printf '(display "before")\n(exit 7)\n(display "after")\n' >"$dir/exit7.scm"
check "(exit 7) ends with status 7" 7 before "" -- run_p "$dir/exit7.scm"
run_p "$dir/exit7.scm" >"$dir/out" 2>&1
if grep -q after "$dir/out"; then not_ok "nothing runs after exit" "output: $(head -c 400 "$dir/out")"; else ok "nothing runs after exit"; fi
check "(exit) ends with status 0" 0 "" "" -- run_p -e '(exit)'
check "(exit #t) ends with status 0" 0 "" "" -- run_p -e '(exit #t)'
check "(exit #f) ends with status 1" 1 "" "" -- run_p -e '(exit #f)'
check "a program that ends normally has status 0" 0 "" "" -- run_p -e '(define x 1)'
printf '(dynamic-wind (lambda () #f) (lambda () (exit 4)) (lambda () (display "unwound")))\n' >"$dir/wind.scm"
check "exit runs outstanding dynamic-wind after thunks" 4 unwound "" -- run_p "$dir/wind.scm"
printf '(dynamic-wind (lambda () #f) (lambda () (emergency-exit 5)) (lambda () (display "unwound")))\n' >"$dir/emerg.scm"
run_p "$dir/emerg.scm" >"$dir/out" 2>&1
status=$?
if [ $status = 5 ] && ! grep -q unwound "$dir/out"; then ok "emergency-exit skips after thunks, status 5"
else not_ok "emergency-exit skips after thunks, status 5" "status $status, output: $(head -c 400 "$dir/out")"; fi
printf '(display "no newline at the end")\n(exit 0)\n' >"$dir/flush.scm"
check "exit flushes pending output" 0 "no newline at the end" "" -- run_p "$dir/flush.scm"

printf '(display "started")\n(newline)\n(car (quote ()))\n(display "unreached")\n' >"$dir/uncaught.scm"
check "an uncaught error gives status 70" 70 started "" -- run_p "$dir/uncaught.scm"
check "an uncaught error prints a message on stderr" any "" "error" -- run_p "$dir/uncaught.scm"
check "the message names the failing procedure's problem" any "" "pair" -- run_p "$dir/uncaught.scm"
printf '(define (f) (undefined-thing-42 1))\n(f)\n' >"$dir/unbound.scm"
check "an unbound variable is named on stderr" 70 "" "undefined-thing-42" -- run_p "$dir/unbound.scm"
printf '(raise (quote custom-object))\n' >"$dir/raise.scm"
check "an uncaught raise of a non-condition is reported" 70 "" "custom-object" -- run_p "$dir/raise.scm"
printf '(error "my failure" 42 (quote sym))\n' >"$dir/err.scm"
check "an uncaught error shows message and irritants" 70 "" "my failure 42 sym" -- run_p "$dir/err.scm"
printf '(define (f x)\n  (+ 1 (error "bad x" x)))\n(f 5)\n' >"$dir/errline.scm"
check "an error raised by error cites the file and line of the call" 70 "" "bad x 5 ($dir/errline.scm:2)" -- \
	run_p "$dir/errline.scm"
printf '(define x (+ 1 2)\n' >"$dir/syntax.scm"
run_p "$dir/syntax.scm" >"$dir/out" 2>"$dir/err"
status=$?
if [ $status != 0 ] && [ -s "$dir/err" ]; then ok "a read error in the program gives a non-zero status and a message"
else not_ok "a read error in the program gives a non-zero status and a message" "status $status, stderr: $(head -c 400 "$dir/err")"; fi
check "a read error in the program names its file and line" 70 "" "at line 1 of $dir/syntax.scm" -- \
	run_p "$dir/syntax.scm"

printf '(define (grow l) (grow (cons (make-vector 64 0) l)))\n(grow (quote ()))\n' >"$dir/runaway.scm"
check "--heap 8M with a runaway allocation reports heap exhausted" 70 "" "heap exhausted" -- \
	run_p --heap 8M "$dir/runaway.scm"
printf '(define (f n) (+ 1 (f n)))\n(f 0)\n' >"$dir/recurse.scm"
check "--heap 8M with runaway recursion reports heap exhausted" 70 "" "heap exhausted" -- \
	run_p --heap 8M "$dir/recurse.scm"
check "a bad --heap size is refused" 2 "" "heap" -- run_p --heap nonsense -e 1
check "a missing program file is reported" any "" "no-such-program.scm" -- run_p "$dir/no-such-program.scm"
run_p "$dir/no-such-program.scm" >/dev/null 2>&1
if [ $? != 0 ]; then ok "a missing program file gives a non-zero status"; else not_ok "a missing program file gives a non-zero status"; fi
check "an unknown option is refused" 2 "" "" -- run_p --no-such-option

mkdir -p "$dir/root/sub"
printf 'file contents\n' >"$dir/root/sub/data.txt"
printf '(display (call-with-input-file "sub/data.txt" read-line))\n' >"$dir/readfs.scm"
check "--fs makes files beneath DIR readable" 0 "file contents" "" -- run_p --fs "$dir/root" "$dir/readfs.scm"
printf '(call-with-output-file "out.txt" (lambda (port) (write-string "written by p" port)))\n' >"$dir/writefs.scm"
run_p --fs "$dir/root" "$dir/writefs.scm" >/dev/null 2>&1
if [ "$(cat "$dir/root/out.txt" 2>/dev/null)" = "written by p" ]; then ok "--fs makes DIR writable"
else not_ok "--fs makes DIR writable" "out.txt: $(cat "$dir/root/out.txt" 2>&1)"; fi
printf '(display (guard (e ((file-error? e) (quote refused))) (open-input-file "../readfs.scm")))\n' >"$dir/escape.scm"
check "a path that climbs out of --fs is refused" 0 refused "" -- run_p --fs "$dir/root" "$dir/escape.scm"
printf '(display (guard (e ((file-error? e) (quote refused))) (open-input-file "%s/root/sub/data.txt")))\n' "$dir" >"$dir/abs.scm"
check "an absolute host path is not the host file" 0 refused "" -- run_p --fs "$dir/root" "$dir/abs.scm"
printf '(display (guard (e ((file-error? e) (quote refused))) (open-input-file "data.txt")))\n' >"$dir/nofs.scm"
check "without --fs no file is reachable" 0 refused "" -- run_p "$dir/nofs.scm"

printf 'hello from stdin\n' >"$dir/in.txt"
run_p -e '(read-line)' <"$dir/in.txt" >"$dir/out" 2>&1
if grep -qF '"hello from stdin"' "$dir/out"; then ok "a program reads its standard input"
else not_ok "a program reads its standard input" "output: $(head -c 400 "$dir/out")"; fi
run_p -e '(begin (write-string "to stderr" (current-error-port)) 1)' >"$dir/out" 2>"$dir/err"
if grep -q "to stderr" "$dir/err" && ! grep -q "to stderr" "$dir/out"; then ok "current-error-port writes to stderr"
else not_ok "current-error-port writes to stderr" "stdout: $(head -c 400 "$dir/out")" "stderr: $(head -c 400 "$dir/err")"; fi

examples=${top_srcdir:-.}/tests/examples
check "the README's hello.scm runs" 0 "Hello from P" "" -- run_p "$examples/hello.scm"
check "hello.scm computes (fib 20)" 0 "(fib 20) = 6765" "" -- run_p "$examples/hello.scm"
mkdir -p "$dir/example"
cp "$examples/wordfreq.scm" "$examples/poem.txt" "$dir/example/"
check "the file-using example runs" 0 "10 the" "" -- run_p --fs "$dir/example" "$dir/example/wordfreq.scm"
if grep -q '^"the" 10$' "$dir/example/wordfreq.out" 2>/dev/null; then ok "the file-using example writes its table"
else not_ok "the file-using example writes its table" "wordfreq.out: $(head -c 200 "$dir/example/wordfreq.out" 2>&1)"; fi

echo "1..$n"
