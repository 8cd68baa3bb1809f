# repl-checks.sh - a REPL session in a detached guest, driven through
# `p-launch attach`; sourced by program-checks.sh.
echo "== REPL through p-launch attach"
timeout 60 p-launch --name repl1 --repl --detach >/tmp/repl1.out 2>&1
echo "---- p-launch --repl --detach: status $?"; cat /tmp/repl1.out
rm -f /tmp/r.in
mkfifo /tmp/r.in
p-launch attach repl1 </tmp/r.in >/tmp/r.out 2>&1 &
apid=$!
exec 3>/tmp/r.in
# wait_out TEXT SECONDS: until the REPL's output contains TEXT.
wait_out() {
	local i=0
	while ! grep -q "$1" /tmp/r.out && [ $i -lt $(($2 * 2)) ]; do sleep 0.5; i=$((i + 1)); done
	grep -q "$1" /tmp/r.out
}
echo '(define (sq x) (* x x))' >&3
echo '(sq 12)' >&3
check "REPL: define and call" wait_out 144 60
echo '(car (quote ()))' >&3
echo '(+ (sq 5) 1000)' >&3
check "REPL: an error is reported and the REPL recovers" wait_out 1025 60
echo '(let loop ((i 0)) (loop (+ i 1)))' >&3
sleep 3
kill -INT $apid
echo '(+ (sq 3) 7000)' >&3
check "REPL: an endless loop is interrupted and the REPL goes on" wait_out 7009 60
exec 3>&-
wait $apid
check "REPL: detaching leaves the guest running" xl domid repl1
rid=$(xl domid repl1 2>/dev/null || echo 0)
p-launch stop repl1
check "p-launch stop destroys the REPL guest" wait_gone "$rid" 30
echo "---- REPL transcript"; cat /tmp/r.out
