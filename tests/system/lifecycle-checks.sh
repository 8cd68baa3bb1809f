# lifecycle-checks.sh - a guest's life as the toolstack and the clock see
# it: memory sizes, the monotonic clock, xl shutdown and xl reboot;
# sourced by program-checks.sh (p-dom0d runs; run_prog is defined).
echo "== lifecycle"

run_prog memmin --mem 10M /pxen/progs/hello.scm
check "hello world runs in a guest of the documented minimum, 10 MiB" eval \
	'out_is memmin "Hello, world!" && rc_is memmin 0'
show_log memmin
timeout 60 p-launch --name mem9 --mem 9M /pxen/progs/hello.scm >/tmp/mem9.out 2>&1 </dev/null
r=$?
cat /tmp/mem9.out
check "p-launch refuses 9 MiB before any domain exists" eval \
	'[ $r = 64 ] && grep -q "at least 10M" /tmp/mem9.out && ! xl domid mem9 >/dev/null 2>&1'

run_prog clock /pxen/progs/clock.scm
check "current-jiffy is monotonic, steps sanely and agrees with current-second" eval \
	'rc_is clock 0 && grep -qx "clock: monotonic" /tmp/clock.out'

# shut_start NAME PROG [STDIN]: p-launch in the background; its pid in $spid.
shut_start() {
	timeout 180 p-launch --name "$1" "$2" >"/tmp/$1.out" 2>"/tmp/$1.err" <"${3:-/dev/null}" &
	spid=$!
	i=0
	while ! xl domid "$1" >/dev/null 2>&1 && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
}
shut_end() { # shut_end NAME: waits for p-launch; status in /tmp/NAME.rc
	wait $spid
	echo $? >"/tmp/$1.rc"
	echo "---- $1: status $(cat "/tmp/$1.rc")"; cat "/tmp/$1.out" "/tmp/$1.err"
	show_log "$1"
}

shut_start shut1 /pxen/progs/shutdown.scm
i=0
while ! grep -q running /tmp/shut1.out 2>/dev/null && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
did=$(xl domid shut1 2>/dev/null || echo 0)
timeout 60 xl shutdown -w shut1 >/tmp/xlshut1.out 2>&1
xr=$?
cat /tmp/xlshut1.out
shut_end shut1
check "xl shutdown is acknowledged and waits for the guest to go" eval \
	'[ $xr = 0 ] && ! grep -qi "acknowledge" /tmp/xlshut1.out && wait_gone "$did" 5'
check "a shutdown request raises a condition the program handles (it exits 5)" eval \
	'grep -qx "shutdown heard: cleaning up" /tmp/shut1.out && rc_is shut1 5'

rm -f /tmp/shut2.in && mkfifo /tmp/shut2.in
exec 4<>/tmp/shut2.in
shut_start shut2 /pxen/progs/stdin.scm /tmp/shut2.in
echo "one line" >&4
i=0
while ! grep -q "1: one line" /tmp/shut2.out 2>/dev/null && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
timeout 60 xl shutdown -w shut2 >/tmp/xlshut2.out 2>&1
xr=$?
exec 4>&-
shut_end shut2
check "a program blocked on stdin hears xl shutdown; unhandled, it ends with status 143" eval \
	'[ $xr = 0 ] && rc_is shut2 143 && grep -q "shutdown requested" /tmp/shut2.err'

shut_start reboot1 /pxen/progs/loop.scm
i=0
while ! grep -q looping /tmp/reboot1.out 2>/dev/null && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
timeout 60 xl reboot reboot1 >/tmp/xlreboot.out 2>&1
xr=$?
cat /tmp/xlreboot.out
shut_end reboot1
check "xl reboot is acknowledged, reaches the program and the domain ends by reboot" eval \
	'[ $xr = 0 ] && rc_is reboot1 143 && grep -q "reboot requested by the toolstack" "$(guest_log reboot1)"'

. /pxen/suspend-checks.sh
