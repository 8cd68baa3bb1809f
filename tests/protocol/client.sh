#!/bin/sh
# The pxen client against a real p-dom0d in three set-ups (read-write
# export, read-only export, network allowed), as one TAP stream.  A set-up
# whose program exits with an error or stops short of its own plan (a crash
# after its first checks) adds a failing test of its own.
bin="$top_builddir/tests/protocol/test_client"
n=0 broken=0
# renumber NUMBERED-LINE STATUS MODE: prints the line as test n.
renumber() {
	rest=${1#"$2" }
	rest=${rest#"${rest%%[!0-9]*}"}
	printf '%s %d%s [%s]\n' "$2" $n "$rest" "$3"
}
for mode in rw ro net; do
	out=$(timeout 120 "$bin" "$mode" 2>&1)
	rc=$?
	plan= seen=0 failed=0
	# Read from a here-document, not a pipe: the loop runs in this shell,
	# so n and seen keep their values after it.
	while IFS= read -r line; do
		case $line in
		1..*) plan=${line#1..} ;;
		"not ok "*) n=$((n + 1)) seen=$((seen + 1)) failed=$((failed + 1)); renumber "$line" "not ok" $mode ;;
		"ok "*) n=$((n + 1)) seen=$((seen + 1)); renumber "$line" ok $mode ;;
		*) printf '# %s\n' "$line" ;;
		esac
	done <<EOF
$out
EOF
	# A failing check makes the status 1; a status without one is a crash.
	if [ "$plan" != "$seen" ] || { [ $rc -ne 0 ] && [ $failed -eq 0 ]; }; then
		n=$((n + 1)) broken=$((broken + 1))
		echo "not ok $n - test_client $mode ran to its plan (status $rc, plan 1..${plan:-none}, $seen tests)"
	fi
done
echo "1..$n"
[ $broken -eq 0 ]
