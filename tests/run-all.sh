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
# Adds the counts of an automake test-suite summary to the totals.
tally() {
	local log=$1 p f e
	p=$(sed -n 's/^# PASS: *//p' "$log" | tail -1)
	f=$(sed -n 's/^# FAIL: *//p' "$log" | tail -1)
	e=$(sed -n 's/^# ERROR: *//p' "$log" | tail -1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0} + ${e:-0}))
}
# A stage that could not even run counts as one failure.
stage() {
	local name=$1; shift
	echo "=== $name"
	if ! "$@"; then
		echo "=== $name: FAILED"
		return 1
	fi
}

autoreconf -fi >/dev/null 2>&1 || { autoreconf -fi; echo "0 passed, 1 failed"; exit 1; }

jobs=$(nproc)
mkdir -p build-san build
( cd build-san && ../configure --enable-werror --enable-sanitizers >/dev/null ) &&
	make -C build-san -j"$jobs" >/dev/null || { make -C build-san 2>&1 | tail -40; failed=$((failed + 1)); }

export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
if [ -f build-san/Makefile ]; then
	stage "hosted tests (ASan, UBSan)" timeout 2400 make -C build-san -j"$jobs" check >build-san/check.out 2>&1
	cat build-san/check.out | grep -E '^(FAIL|ERROR|# )' || true
	tally build-san/check.out
	stage "hosted tests with the collector run at every allocation" \
		env P_GC_STRESS=1 timeout 1200 make -C build-san -j"$jobs" check-lang >build-san/stress.out 2>&1
	grep -E '^(FAIL|ERROR|# )' build-san/stress.out || true
	tally build-san/stress.out
fi

( cd build && ../configure --enable-werror >/dev/null ) &&
	make -C build -j"$jobs" >/dev/null || { make -C build 2>&1 | tail -40; failed=$((failed + 1)); }
if [ -f build/Makefile ]; then
	stage "system test: real Xen in QEMU" timeout 1500 make -C build check-system >build/system.out 2>&1
	grep -E '^(FAIL|ERROR|# )' build/system.out || true
	tally build/system.out
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
