#!/bin/sh
# p-dom0d as a daemon, without Xen: the default mode detaches only once it
# serves, a second daemon refuses, SIGTERM cleans up, SIGHUP re-reads
# --config, and a foreground p-dom0d started with & from an interactive
# shell reads the terminal a guest passes without being stopped (SIGTTIN).
D="$top_builddir/p-dom0d"
P="$top_builddir/p"
T=$(mktemp -d /tmp/pxen-daemon.XXXXXX)
pids=
trap 'for k in $pids; do kill $k 2>/dev/null; done; rm -rf "$T"' EXIT
n=0
check() { n=$((n + 1)); if [ "$2" = "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; echo "# want: $3"; echo "# got:  $2"; fi; }
gone() { # gone PID: waits up to 5 s for it to end
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	kill -0 "$1" 2>/dev/null && echo running || echo gone
}

timeout 20 "$D" --no-xen --control "$T/run/control.sock" --listen "$T/run/guests.sock" \
	--fs "$T" >"$T/d1.out" 2>&1
r=$?
pid=$(cat "$T/run/p-dom0d.pid" 2>/dev/null)
pids="$pids $pid"
check "the default mode returns 0 once the daemon serves" "$r:$(test -S "$T/run/control.sock" && echo up)" "0:up"
check "it runs detached, in a session of its own" \
	"$(ps -o sid= -p "${pid:-1}" 2>/dev/null | tr -d ' ')" "${pid:-none}"
out=$(timeout 20 "$P" --connect "$T/run/guests.sock" -e '(+ 40 2)' 2>&1)
check "the detached daemon serves a guest" "$out" "42"
timeout 20 "$D" --no-xen --control "$T/run/control.sock" >"$T/d2.out" 2>&1
r=$?
case $(cat "$T/d2.out") in *"already running (pid $pid,"*) msg=named ;; *) msg=$(cat "$T/d2.out") ;; esac
check "a second daemon refuses and names the first" "$r:$msg" "1:named"
out=$(timeout 20 "$P" --connect "$T/run/guests.sock" -e '(+ 1 2)' 2>&1)
check "the first one still serves" "$out" "3"
kill -TERM "${pid:-none}"
check "SIGTERM ends the daemon" "${pid:+pid}:$(gone "$pid")" "pid:gone"
check "and removes its sockets and pid file" "$(ls "$T/run")" ""

printf 'web1 ro\n' >"$T/guests.conf"
"$D" --foreground --no-xen --control "$T/run/control.sock" --config "$T/guests.conf" \
	2>"$T/d3.log" &
pid=$!
pids="$pids $pid"
i=0
while ! grep -q serving "$T/d3.log" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
printf 'web1 bogus-option\n' >"$T/guests.conf"
kill -HUP "$pid"
sleep 0.5
printf 'web1 ro\nweb2\n' >"$T/guests.conf"
kill -HUP "$pid"
sleep 0.5
case $(cat "$T/d3.log") in *"keeping the old config"*"reloaded $T/guests.conf"*) r=yes ;; *) r=no ;; esac
check "SIGHUP re-reads --config, keeping the old one when the new is bad" "$r:$(kill -0 "$pid" 2>/dev/null && echo alive)" "yes:alive"
kill -TERM "$pid"
gone "$pid" >/dev/null

# The terminal case needs a pseudo-terminal with job control: script(1).
if command -v script >/dev/null 2>&1 && command -v bash >/dev/null 2>&1; then
	cat >"$T/session" <<CMDS
"$D" --foreground --no-xen --listen "$T/tty.sock" 2>"$T/tty.log" &
echo \$! >"$T/tty.pid"
sleep 1
timeout --foreground 10 "$P" --connect "$T/tty.sock" -e '(read-line)'
typed at the terminal
CMDS
	timeout 30 script -qec "bash --norc --noprofile -i" "$T/typescript" <"$T/session" >"$T/tty.out" 2>&1
	case $(tr -d '\r' <"$T/tty.out") in
	*'"typed at the terminal"'*) r=read ;;
	*Stopped*) r=stopped ;;
	*) r=other ;;
	esac
	check "a p-dom0d started with & from a shell reads a guest's terminal without being stopped" "$r" "read"
	# A stopped daemon needs SIGCONT before SIGTERM can end it.
	[ -s "$T/tty.pid" ] && kill -TERM "$(cat "$T/tty.pid")" && kill -CONT "$(cat "$T/tty.pid")"
else
	n=$((n + 1)); echo "ok $n # SKIP script(1) or bash is missing"
fi
echo "1..$n"
