#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine (as root):
# installs what it needs, builds twice (sanitized hosted build; plain build
# with the bare guest), runs unit, conformance, protocol and GC-stress tests,
# then the system test on real Xen booted in QEMU.  Ends with
# "N passed, N failed" and exits non-zero on any failure.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash tests/install-deps.sh || { echo "0 passed, 1 failed"; exit 1; }

passed=0 failed=0
# Runs one stage with its output in a log, then adds the counts of the
# automake test-suite summary in that log to the totals.  A stage that failed
# without a failing test to show for it (a build error, a time-out, a
# crashed harness) counts as one failure.
stage() {
	local name=$1 log=$2 rc p f e
	shift 2
	echo "=== $name"
	"$@" >"$log" 2>&1
	rc=$?
	grep -E '^(FAIL|ERROR|# [A-Z]+:)' "$log" || true
	p=$(sed -n 's/^# PASS: *//p' "$log" | tail -1)
	f=$(sed -n 's/^# FAIL: *//p' "$log" | tail -1)
	e=$(sed -n 's/^# ERROR: *//p' "$log" | tail -1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0} + ${e:-0}))
	if [ "$rc" -ne 0 ] && [ $((${f:-0} + ${e:-0})) -eq 0 ]; then
		echo "=== $name: failed with status $rc; the end of $log:"
		tail -30 "$log"
		failed=$((failed + 1))
	fi
}

autoreconf -fi >/dev/null 2>&1 || { autoreconf -fi; echo "0 passed, 1 failed"; exit 1; }

jobs=$(nproc)
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
mkdir -p build-san build
stage "build: hosted, with ASan and UBSan" build-san/build.out \
	sh -c 'cd build-san && ../configure --enable-werror --enable-sanitizers && make -j'"$jobs"
stage "hosted tests (ASan, UBSan)" build-san/check.out \
	timeout 2400 make -C build-san -j"$jobs" check
stage "hosted tests with the collector run at every allocation" build-san/stress.out \
	env P_GC_STRESS=1 timeout 1200 make -C build-san -j"$jobs" check-lang
stage "build: plain, with the bare guest" build/build.out \
	sh -c 'cd build && ../configure --enable-werror && make -j'"$jobs"
stage "system test: real Xen in QEMU" build/system.out \
	timeout 1500 make -C build check-system

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
