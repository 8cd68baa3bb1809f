# lifecycle-checks.sh - a guest's life as the toolstack and the clock see
# it: memory sizes and the monotonic clock;
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
