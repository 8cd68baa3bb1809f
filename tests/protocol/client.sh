#!/bin/sh
# The pxen client against a real p-dom0d in three set-ups (read-write
# export, read-only export, network allowed), as one TAP stream.
bin="$top_builddir/tests/protocol/test_client"
n=0 failed=0
for mode in rw ro net; do
	out=$(timeout 120 "$bin" "$mode" 2>&1) || failed=1
	printf '%s\n' "$out" | grep -v '^1\.\.' | while IFS= read -r line; do
		case $line in
		ok*|"not ok"*) printf '%s [%s]\n' "$line" "$mode" ;;
		*) printf '# %s\n' "$line" ;;
		esac
	done
done | awk '/^(ok|not ok)/ { n++; sub(/^ok [0-9]+/, "ok " n); sub(/^not ok [0-9]+/, "not ok " n) } { print } END { print "1.." n }'
exit 0
