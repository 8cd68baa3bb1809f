# checks.sh - the system checks, run inside the test dom0 as /pxen/job.sh.
# Kernel checks use the echo image p-guest-echo and the dom0 vchan client;
# the program checks use p-launch, p-dom0d and p-guest.
. /pxen/dom0-lib.sh
cd /tmp

# --- the bare kernel: boot, console, vchan, crash, two guests ----------
echo "== kernel: boot and vchan echo"
d1=$(start_guest echo1 /pxen/p-guest-echo bootstats)
check "p-guest boots under Xen and prints on its PV console" wait_log echo1 "p-guest: domain" 60
boot=$(tr -d '\r' <"$(guest_log echo1)" | sed -n 's/.*vchan published \([0-9]*\) us.*/\1/p')
echo "PXEN-STAT: kernel entry to vchan published: ${boot:-?} us"
if [ -n "$d1" ]; then
	# Not a pipe: the client's status must not be lost.  It reports its
	# own checks; a failure status without a failed check is a crash.
	vchan-echo-client "$d1" >/tmp/c1.out
	r=$?
	sed 's/^/PXEN-CHECK: /' /tmp/c1.out
	[ $r = 0 ] || grep -q '^not ok' /tmp/c1.out || fail "vchan-echo-client exited with status $r"
	check "echo guest powers off when dom0 closes the vchan" wait_gone "$d1" 30
else
	fail "vchan echo: guest echo1 was not created"
fi
show_log echo1

echo "== kernel: a fault is reported and the domain crashes"
d2=$(start_guest crash1 /pxen/p-guest-echo crashtest)
check "a CPU exception prints a register dump and backtrace" wait_log crash1 "p-guest: crashed" 60
grep -q "fatal CPU exception 14 (page fault)" "$(guest_log crash1)" &&
	grep -q "backtrace" "$(guest_log crash1)"
check "the dump names the page fault and has a backtrace" [ $? = 0 ]
check "the crashed domain is cleaned up" wait_gone "${d2:-0}" 30
show_log crash1

echo "== kernel: two guests at once"
d2=$(start_guest echo2 /pxen/p-guest-echo '')
d3=$(start_guest echo3 /pxen/p-guest-echo '')
if [ -n "$d2" ] && [ -n "$d3" ]; then
	vchan-echo-client "$d2" - 1048576 >/tmp/c2.out 2>&1 &
	p2=$!
	vchan-echo-client "$d3" - 1048576 >/tmp/c3.out 2>&1 &
	p3=$!
	wait $p2; r2=$?
	wait $p3; r3=$?
	cat /tmp/c2.out /tmp/c3.out
	check "two guests echo over their own vchans at the same time" [ $r2 = 0 -a $r3 = 0 ]
	wait_gone "$d2" 30 && wait_gone "$d3" 30
	check "both guests are gone afterwards" [ $? = 0 ]
else
	fail "two guests at once: xl create failed"
fi

# --- p-launch: libxl creation, p-dom0d registration, crash clean-up --------
if [ -x /pxen/p-launch ] && [ -x /pxen/p-dom0d ]; then
	echo "== p-launch"
	p-launch --kernel /pxen/p-guest-echo /pxen/progs/hello.scm >/tmp/nod.out 2>&1
	r=$?
	cat /tmp/nod.out
	check "p-launch says so plainly when p-dom0d is not running" eval \
		'[ $r = 69 ] && grep -q "p-dom0d is not running" /tmp/nod.out'
	mkdir -p /run/pxen
	p-dom0d --foreground --verbose >/tmp/p-dom0d.log 2>&1 &
	dpid=$!
	check "p-dom0d starts and opens its control socket" wait-connect /run/pxen/control.sock 30
	timeout 120 p-launch --name lcrash --kernel /pxen/p-guest-echo --crashtest \
		/pxen/progs/hello.scm >/tmp/lcrash.out 2>&1 </dev/null
	r=$?
	cat /tmp/lcrash.out
	check "p-launch creates a PVH guest with libxl, reports its crash and destroys it" eval \
		'[ $r = 70 ] && grep -q "crashed" /tmp/lcrash.out && ! xl domid lcrash >/dev/null 2>&1'
	if [ -f /pxen/program-checks.sh ]; then
		. /pxen/program-checks.sh
	fi
	kill $dpid 2>/dev/null
	echo "---- p-dom0d log"
	cat /tmp/p-dom0d.log
fi
xl list
# run.sh counts a job that stopped before this line (a fatal shell error in
# a sourced script) as a failure, whatever checks it reported.
echo "PXEN-SYSTEM: CHECKS-COMPLETE"
