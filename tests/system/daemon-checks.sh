# daemon-checks.sh - p-dom0d as a system daemon, and a guest another
# toolstack (xl) starts; sourced last by program-checks.sh while the
# foreground p-dom0d of checks.sh ($dpid, log /tmp/p-dom0d.log) runs.
echo "== a guest started by xl create"
cat >/tmp/xlhello.cfg <<CFG
name = "xlhello"
type = "pvh"
kernel = "/pxen/p-guest"
ramdisk = "/pxen/progs/hello.scm"
cmdline = "-- hello.scm"
memory = 32
tsc_mode = "native"
on_poweroff = "destroy"
on_reboot = "destroy"
on_crash = "destroy"
CFG
xid=$(start_guest_cfg xlhello /tmp/xlhello.cfg)
wait_gone "${xid:-0}" 60
show_log xlhello
check "an xl-started guest's stdout shows on its console" \
	grep -q "Hello, world!" "$(guest_log xlhello)"
check "and in p-dom0d's log, under the guest's name" \
	grep -q "\[xlhello/${xid:-?}\] stdout: Hello, world!" /tmp/p-dom0d.log

echo "== p-dom0d as a daemon"
# A detached REPL guest outlives the daemon restarts below.
# repl_eval NAME FORM TEXT: attaches to NAME once it is served again,
# sends FORM and waits up to 60 s for TEXT in the answer, then detaches.
repl_eval() {
	local apid i=0
	while ! p-launch list 2>/dev/null | awk -v n="$1" '$2 == n && $3 == "detached" { f = 1 } END { exit !f }' &&
		[ $i -lt 120 ]; do
		sleep 0.5
		i=$((i + 1))
	done
	rm -f /tmp/ra.in /tmp/ra.out
	mkfifo /tmp/ra.in
	p-launch attach "$1" </tmp/ra.in >/tmp/ra.out 2>&1 &
	apid=$!
	exec 5>/tmp/ra.in
	echo "$2" >&5
	i=0
	while ! grep -q "$3" /tmp/ra.out && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
	exec 5>&-
	wait $apid
	echo "---- attach $1, $2:"; cat /tmp/ra.out
	grep -q "$3" /tmp/ra.out
}
timeout 60 p-launch --name keep1 --repl --detach >/tmp/keep1.out 2>&1
cat /tmp/keep1.out
check "a detached REPL guest defines a variable" repl_eval keep1 "(define kept (* 1000 47)) kept" 47000
kill -TERM "$dpid"
wait "$dpid"
r=$?
check "SIGTERM ends p-dom0d cleanly and removes its socket and pid file" eval \
	'[ $r = 0 ] && [ ! -e /run/pxen/control.sock ] && [ ! -e /run/pxen/p-dom0d.pid ]'
timeout 30 p-dom0d >/tmp/d1.out 2>&1
r=$?
cat /tmp/d1.out
dpid2=$(cat /run/pxen/p-dom0d.pid 2>/dev/null)
check "p-dom0d in its default mode detaches once it serves" eval \
	'[ $r = 0 ] && [ -S /run/pxen/control.sock ] && [ -n "$dpid2" ] && kill -0 "$dpid2"'
timeout 30 p-dom0d >/tmp/d2.out 2>&1
r=$?
cat /tmp/d2.out
check "a second p-dom0d refuses, naming the first, and leaves its socket alone" eval \
	'[ $r = 1 ] && grep -q "already running (pid $dpid2" /tmp/d2.out && [ -S /run/pxen/control.sock ]'
run_prog dhello /pxen/progs/hello.scm
check "the detached p-dom0d serves a guest" eval 'out_is dhello "Hello, world!" && rc_is dhello 0'
check "the REPL guest outlived p-dom0d's SIGTERM: attach reads its variable back" \
	repl_eval keep1 "(+ kept 5)" 47005
check "the guest said on its console that it waited for p-dom0d" \
	grep -q "p-dom0d went away; waiting" "$(guest_log keep1)"
kill -KILL "$dpid2"
timeout 30 p-dom0d >/tmp/d3.out 2>&1
cat /tmp/d3.out
dpid2=$(cat /run/pxen/p-dom0d.pid 2>/dev/null)
check "after SIGKILL, a new p-dom0d serves the REPL guest again, state intact" \
	repl_eval keep1 "(* kept 2)" 94000
kid=$(xl domid keep1 2>/dev/null || echo 0)
p-launch stop keep1
check "p-launch stop ends the guest after the restarts" wait_gone "$kid" 30
show_log keep1
kill -TERM "$dpid2" 2>/dev/null
i=0
while kill -0 "$dpid2" 2>/dev/null && [ $i -lt 20 ]; do sleep 0.5; i=$((i + 1)); done
check "the detached p-dom0d ends on SIGTERM and removes its socket and pid file" eval \
	'! kill -0 "$dpid2" 2>/dev/null && [ ! -e /run/pxen/control.sock ] && [ ! -e /run/pxen/p-dom0d.pid ]'
