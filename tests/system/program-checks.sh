# program-checks.sh - P programs on p-guest through p-launch and p-dom0d;
# sourced by checks.sh inside the test dom0 (p-dom0d already runs) when
# p-guest was built.
echo "== programs through p-launch"

# run_prog NAME [p-launch args...]: output in /tmp/NAME.out/.err, status in
# /tmp/NAME.rc; then whether the domain is gone in /tmp/NAME.gone.
run_prog() {
	local name=$1
	shift
	timeout 180 p-launch --name "$name" "$@" >"/tmp/$name.out" 2>"/tmp/$name.err" </dev/null
	echo $? >"/tmp/$name.rc"
	if xl domid "$name" >/dev/null 2>&1; then echo no >"/tmp/$name.gone"; else echo yes >"/tmp/$name.gone"; fi
	echo "---- $name: status $(cat "/tmp/$name.rc"), domain gone: $(cat "/tmp/$name.gone")"
	echo "-- stdout:"; cat "/tmp/$name.out"
	echo "-- stderr:"; cat "/tmp/$name.err"
}
rc_is() { [ "$(cat "/tmp/$1.rc")" = "$2" ]; }
out_is() { printf '%s\n' "$2" | cmp -s - "/tmp/$1.out"; }
gone() { [ "$(cat "/tmp/$1.gone")" = yes ]; }

run_prog hello --bootstats /pxen/progs/hello.scm
check "hello world through p-launch: output" out_is hello "Hello, world!"
check "hello world through p-launch: exit status 0, domain destroyed" eval 'rc_is hello 0 && gone hello'
check "p-launch --bootstats reports the guest's boot time" grep -q "guest boot: .* ms from kernel entry to the first P instruction" /tmp/hello.err
echo "PXEN-STAT: $(sed -n 's/^p-launch: //p' /tmp/hello.err | grep "guest boot")"
show_log hello

run_prog gcstats --heap 24M --gc-stats /pxen/progs/heaplimit.scm
check "p-launch --gc-stats prints the collector's statistics and the heap's footprint" eval \
	'rc_is gcstats 0 && grep -q "^gc: [0-9]* collections, .* max [0-9]* us" /tmp/gcstats.err &&
	 grep -q "^gc: heap pages peak [1-9][0-9]* bytes" /tmp/gcstats.err'
check "p-launch --heap 24M limits the guest's heap to at most 24 MiB" eval \
	'[ "$(cat /tmp/gcstats.out)" -gt 0 ] && [ "$(cat /tmp/gcstats.out)" -le 24 ]'

run_prog args /pxen/progs/args.scm "two words" "" "100%" "é"
check "arguments reach the program intact and (exit 3) is the status" eval \
	'out_is args "$(printf "arg:two words\narg:\narg:100%%\narg:é")" && rc_is args 3'

printf 'first\nsecond\n' | timeout 120 p-launch --name stdin /pxen/progs/stdin.scm >/tmp/stdin.out 2>/tmp/stdin.err
r=$?
echo "---- stdin: status $r"; cat /tmp/stdin.out /tmp/stdin.err
check "stdin, stdout and stderr are tied to p-launch's own (pipes)" eval \
	'[ $r = 0 ] && out_is stdin "$(printf "1: first\n2: second")" && grep -qx "lines: 2" /tmp/stdin.err'

run_prog env --env "GREETING=hi there" /pxen/progs/env.scm
check "p-launch --env sets the program's environment" out_is env "$(printf "hi there\n#f")"

timeout 60 p-launch --name det1 --detach /pxen/progs/loop.scm >/tmp/det1.out 2>&1
r=$?
cat /tmp/det1.out
p-launch list >/tmp/list.out 2>&1
cat /tmp/list.out
check "p-launch --detach leaves the guest running and p-launch list shows it" eval \
	'[ $r = 0 ] && xl domid det1 >/dev/null 2>&1 && grep -q "det1" /tmp/list.out'
i=0
until grep " det1 " /tmp/list.out | grep -Eq " ([1-9][0-9]*\.[0-9]|0\.[1-9])M\$" || [ $i -ge 60 ]; do
	sleep 0.5; i=$((i + 1)); p-launch list >/tmp/list.out 2>&1
done
cat /tmp/list.out
check "p-launch list: one row per guest with state, uptime, memory and heap in use" eval \
	'[ "$(grep -c " det1 " /tmp/list.out)" = 1 ] &&
	 grep " det1 " /tmp/list.out |
	 grep -Eq "det1 +(running|detached) +[0-9]+h[0-9]{2}m[0-9]{2}s +128M +([1-9][0-9]*\.[0-9]|0\.[1-9])M\$"'
did=$(xl domid det1 2>/dev/null || echo 0)
i=0
until hb=$(xenstore-read "/local/domain/$did/data/pxen/heap-bytes" 2>/dev/null) || [ $i -ge 60 ]; do
	sleep 0.5
	i=$((i + 1))
done
echo "det1: data/pxen/heap-bytes = ${hb:-(none)}"
check "a running guest publishes its heap footprint in xenstore (data/pxen/heap-bytes)" eval \
	'[ "${hb:-0}" -gt 0 ] 2>/dev/null'

p-launch stop det1
check "p-launch stop ends a detached guest and destroys its domain" wait_gone "$did" 30

rm -rf /tmp/export /tmp/secret.txt
mkdir -p /tmp/export/sub /tmp/export/lib
cp /pxen/export/lib/mylib.sld /tmp/export/lib/
echo "first line" >/tmp/export/in.txt
echo "outside" >/tmp/secret.txt
run_prog files --fs /tmp/export /pxen/progs/files.scm
check "a program reads, writes, deletes and lists files in its export" eval \
	'rc_is files 0 && grep -qx "read:first line" /tmp/files.out && grep -qx "wrote:#t" /tmp/files.out &&
	 grep -qx "deleted:#t" /tmp/files.out && [ "$(cat /tmp/export/out.txt)" = "copy of first line" ] &&
	 [ ! -e /tmp/export/scratch.txt ] && grep -qx "list:(in.txt lib made out.txt sub)" /tmp/files.out &&
	 grep -qx "list after delete:(in.txt lib out.txt sub)" /tmp/files.out'
check "a program cannot escape its export" eval \
	'grep "^list \.\.:" /tmp/files.out | grep -qv secret &&
	 grep -qx "escape ../secret.txt:#f" /tmp/files.out && grep -qx "escape /../secret.txt:#f" /tmp/files.out &&
	 grep -qx "escape sub/../../secret.txt:#f" /tmp/files.out'

rm -rf /tmp/roexp && mkdir -p /tmp/roexp && echo "first line" >/tmp/roexp/in.txt
run_prog rofiles --fs /tmp/roexp --ro /pxen/progs/files.scm
check "a read-only export refuses writes (the program fails, nothing is written)" eval \
	'rc_is rofiles 70 && grep -qx "read:first line" /tmp/rofiles.out && [ ! -e /tmp/roexp/out.txt ] &&
	 grep -qi "read-only" /tmp/rofiles.err'

rm -rf /tmp/qexp && mkdir -p /tmp/qexp
run_prog quota --fs /tmp/qexp --quota files=1 /pxen/progs/quota.scm
check "p-launch --quota files=1: the program creates one file, the second is refused" eval \
	'rc_is quota 0 && grep -qx "first:created" /tmp/quota.out && grep -qx "second:refused" /tmp/quota.out &&
	 [ -e /tmp/qexp/one.txt ] && [ ! -e /tmp/qexp/two.txt ]'

run_prog uselib --fs /tmp/export /pxen/progs/uselib.scm
check "a library is imported through the file proxy" eval 'out_is uselib "hello from library" && rc_is uselib 0'

run_prog error /pxen/progs/error.scm
check "an uncaught error is reported (status 70, message) and the guest cleaned up" eval \
	'rc_is error 70 && [ -s /tmp/error.err ] && gone error'

run_prog fault --crashtest /pxen/progs/hello.scm
check "a faulting guest is reported as crashed and cleaned up" eval \
	'rc_is fault 70 && grep -q crashed /tmp/fault.err && grep -q "fatal CPU exception" /tmp/fault.err && gone fault'

timeout 180 p-launch --name loop /pxen/progs/loop.scm >/tmp/loop.out 2>/tmp/loop.err </dev/null &
lpid=$!
i=0
while ! grep -q looping /tmp/loop.out 2>/dev/null && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
sleep 1
kill -INT $lpid
wait $lpid
lrc=$?
echo "---- loop: status $lrc"; cat /tmp/loop.out /tmp/loop.err
check "Ctrl-C (SIGINT to p-launch) interrupts a looping program (status 130)" eval \
	'[ $lrc = 130 ] && grep -q interrupted /tmp/loop.err && ! xl domid loop >/dev/null 2>&1'

run_prog memory /pxen/progs/memory.scm
check "a heap that grew and shrank: freed memory goes back to Xen and comes back" eval \
	'out_is memory "$(printf "400000\ndone")" && rc_is memory 0 && grep -q "MiB returned to Xen" "$(guest_log memory)"'
show_log memory

ip link set lo up
ip addr show lo
run_prog nonet /pxen/progs/tcpclient.scm 7777
check "network is denied without a --net rule" grep -q "^refused" /tmp/nonet.out
(printf 'hello from dom0\n' | timeout 60 nc -l -p 7777 >/tmp/nc.out 2>&1) &
ncpid=$!
sleep 1
run_prog tcpc --net 127.0.0.1:7777 /pxen/progs/tcpclient.scm 7777
wait $ncpid
check "a P TCP client in the guest talks to a server in dom0 (--net HOST:PORT)" eval \
	'out_is tcpc "hello from dom0" && grep -qx "hello from P" /tmp/nc.out'
timeout 120 p-launch --name tcps --net listen:7778 /pxen/progs/tcpserver.scm 7778 \
	>/tmp/tcps.out 2>&1 </dev/null &
spid=$!
body=
i=0
while [ $i -lt 60 ] && [ -z "$body" ]; do
	sleep 1
	body=$(printf 'GET / HTTP/1.0\r\n\r\n' | timeout 10 nc 127.0.0.1 7778 2>/dev/null | tr -d '\r' | tail -1)
	i=$((i + 1))
done
wait $spid
src=$?
cat /tmp/tcps.out
check "a P TCP server in the guest answers an HTTP client in dom0 (--net listen:PORT)" eval \
	'[ "$body" = "served by P" ] && [ $src = 0 ]'

timeout 180 p-launch --name stub /pxen/progs/stubborn.scm >/tmp/stub.out 2>/tmp/stub.err </dev/null &
spid=$!
i=0
while ! grep -q spinning /tmp/stub.out 2>/dev/null && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
sleep 1
kill -INT $spid
i=0
while ! grep -q caught /tmp/stub.out 2>/dev/null && [ $i -lt 60 ]; do sleep 0.5; i=$((i + 1)); done
kill -INT $spid
wait $spid
xrc=$?
echo "---- stub: status $xrc"; cat /tmp/stub.out /tmp/stub.err
check "a second Ctrl-C destroys a guest that survived the first (status 130)" eval \
	'grep -q caught /tmp/stub.out && [ $xrc = 130 ] && grep -q "interrupted twice" /tmp/stub.err &&
	 ! xl domid stub >/dev/null 2>&1'

run_prog twoA /pxen/progs/count.scm 200000 &
ta=$!
run_prog twoB /pxen/progs/hello.scm &
tb=$!
wait $ta
wait $tb
check "two programs in two guests at once" eval \
	'out_is twoA 20000100000 && rc_is twoA 0 && out_is twoB "Hello, world!" && rc_is twoB 0'

printf '(define x 20)\n(+ x 22)\n' | timeout 120 p-launch --name repl0 --repl >/tmp/repl0.out 2>&1
r=$?
echo "---- repl0: status $r"; cat /tmp/repl0.out
check "REPL on p-launch's own stdio: evaluates its input and ends with it" eval \
	'grep -q 42 /tmp/repl0.out && [ $r = 0 ] && ! xl domid repl0 >/dev/null 2>&1'

. /pxen/lifecycle-checks.sh
. /pxen/repl-checks.sh
. /pxen/daemon-checks.sh
