#!/bin/sh
# Load test of p-dom0d: 1000 concurrent TCP streams over one guest
# connection, every byte echoed and checked, then 50 guests at once each
# reading a file over 9P.  It passes when every byte comes back intact and
# every guest is served; the throughput and memory it prints are a
# benchmark's numbers, not checked.
# By hand, from the build tree: tests/protocol/load.sh [streams bytes guests secs]
top_builddir=${top_builddir:-.}
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null
streams=${1:-1000}
lim=$(ulimit -n)
# The daemon and the echo server each hold a descriptor per stream.
if [ "$lim" != unlimited ] && [ "$lim" -lt $((streams + 200)) ]; then
	streams=$((lim - 200))
fi
[ $# -gt 0 ] && shift
echo "1..1"
out=$(timeout 150 "$top_builddir/tests/protocol/load" "$top_builddir/p-dom0d" "$streams" "$@" 2>&1)
r=$?
echo "$out" | grep -v '^p-dom0d: \[' | sed 's/^/# /'
if [ $r -eq 0 ]; then
	echo "ok 1 - $streams streams echoed intact over one guest, and many guests served at once"
else
	echo "not ok 1 - the load test failed (status $r)"
fi
