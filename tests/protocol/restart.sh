#!/bin/sh
# A program outlives its p-dom0d: p --connect waits while the daemon is
# gone (SIGTERM, then SIGKILL), reconnects to the next one at the same
# socket, keeps its state and its stdin, reports a file opened from the
# old daemon as lost, and opens new files through the new one.
D="$top_builddir/p-dom0d"
P="$top_builddir/p"
T=$(mktemp -d /tmp/pxen-restart.XXXXXX)
pids=
trap 'for k in $pids; do kill $k 2>/dev/null; done; rm -rf "$T"' EXIT
n=0
check() { n=$((n + 1)); if [ "$2" = "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; echo "# want: $3"; echo "# got:  $2"; fi; }
# until_has FILE TEXT: waits up to 10 s for TEXT in FILE; "yes" or "no"
until_has() {
	i=0
	while ! grep -q "$2" "$1" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	grep -q "$2" "$1" && echo yes || echo no
}
# daemon N: a foreground p-dom0d serving $T/ex at $T/g.sock, log $T/dN.log
daemon() {
	"$D" --foreground --no-xen --listen "$T/g.sock" --fs "$T/ex" >"$T/d$1.log" 2>&1 3>&- &
	dpid=$!
	pids="$pids $dpid"
	i=0
	while ! grep -q serving "$T/d$1.log" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}

mkdir "$T/ex"
cat >"$T/prog.scm" <<'SCM'
(define secret (* 6 7))
(define old (open-output-file "before.txt"))
(display "ready") (newline)
(define (lost-or-ok thunk)
  (guard (e (#t (error-object-message e))) (thunk) "no error"))
(display (list "first" (read-line) secret)) (newline)
(display (lost-or-ok (lambda () (write-string "x" old) (flush-output-port old))))
(newline)
(call-with-output-file "after.txt" (lambda (p) (write-string "fresh" p)))
(display "wrote after.txt") (newline)
(display (list "second" (read-line) secret)) (newline)
SCM
mkfifo "$T/in"
daemon 1
timeout 60 "$P" --connect "$T/g.sock" "$T/prog.scm" <"$T/in" >"$T/out" 2>"$T/err" 3>&- &
ppid=$!
pids="$pids $ppid"
exec 3<>"$T/in"
check "the program runs and opens a file" "$(until_has "$T/out" ready)" yes
kill -TERM "$dpid"
wait "$dpid" 2>/dev/null
check "p waits when p-dom0d ends on SIGTERM, and says so" \
	"$(until_has "$T/err" "p-dom0d went away; waiting"):$(kill -0 $ppid 2>/dev/null && echo alive)" "yes:alive"
sleep 0.5
check "still waiting half a second later" "$(kill -0 $ppid 2>/dev/null && echo alive)" alive
daemon 2
echo one >&3
check "a new p-dom0d serves it: its stdin and its state are there" \
	"$(until_has "$T/out" "(first one 42)")" yes
check "a file opened from the old p-dom0d is reported lost" \
	"$(until_has "$T/out" "lost: p-dom0d went away")" yes
check "a file opened now goes through the new one" \
	"$(until_has "$T/out" "wrote after.txt"):$(cat "$T/ex/after.txt" 2>/dev/null)" "yes:fresh"
kill -KILL "$dpid"
wait "$dpid" 2>/dev/null
sleep 0.3
daemon 3
echo two >&3
check "after SIGKILL too: p reconnects, state intact" "$(until_has "$T/out" "(second two 42)")" yes
exec 3>&-
wait "$ppid"
check "and the program ends normally" "$?" 0
echo "# program output:"; sed 's/^/#   /' "$T/out" "$T/err"
echo "1..$n"
