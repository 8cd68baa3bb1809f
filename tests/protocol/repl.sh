#!/bin/sh
# A detached REPL: `p --repl-socket` keeps running while p-repl clients
# attach, evaluate, detach and re-attach; Ctrl-C (0x03) interrupts a loop;
# a second client is refused while one is attached; (exit 5) ends p with 5.
P="$top_builddir/p"
R="$top_builddir/p-repl"
T=$(mktemp -d /tmp/pxen-repl.XXXXXX)
trap 'kill $pid 2>/dev/null; rm -rf "$T"' EXIT
n=0
check() { n=$((n + 1)); if [ "$2" = "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; echo "# want: $3"; echo "# got:  $2"; fi; }
timeout 60 "$P" --repl-socket "$T/r.sock" >"$T/p.out" 2>&1 &
pid=$!
"$top_builddir/tests/wait-connect" --repl "$T/r.sock" 30
check "the REPL socket is private" "$(stat -c %a "$T/r.sock" 2>&1)" "600"
out=$( (printf '(+ 1 2)\n(define x 42)\n'; sleep 1) | timeout 20 "$R" --socket "$T/r.sock" 2>/dev/null)
case $out in *3*) r=yes ;; *) r="$out" ;; esac
check "a client evaluates an expression" "$r" "yes"
kill -0 $pid 2>/dev/null && r=running || r=gone
check "detaching leaves the guest running" "$r" "running"
out=$( (printf 'x\n'; sleep 0.5; printf '(let loop () (loop))\n'; sleep 0.5; printf '\003'; sleep 0.5;
	printf '(* x 2)\n'; sleep 0.5) | timeout 20 "$R" --socket "$T/r.sock" 2>/dev/null)
case $out in *42*) r=yes ;; *) r="$out" ;; esac
check "a new client sees the state the first left" "$r" "yes"
case $out in *84*) r=yes ;; *) r="$out" ;; esac
check "Ctrl-C interrupts a loop and the REPL goes on" "$r" "yes"
( sleep 2 ) | timeout 20 "$R" --socket "$T/r.sock" >/dev/null 2>&1 &
holder=$!
sleep 0.5
out=$( (sleep 0.5) | timeout 20 "$R" --socket "$T/r.sock" 2>&1)
case $out in *"another REPL client"*) r=refused ;; *) r="$out" ;; esac
check "a second client is refused while one is attached" "$r" "refused"
wait $holder
(printf '(exit 5)\n'; sleep 1) | timeout 20 "$R" --socket "$T/r.sock" >/dev/null 2>&1
wait $pid
check "(exit 5) ends p with status 5" "$?" "5"
pid=
check "the socket is removed" "$(ls "$T")" "p.out"
echo "1..$n"
