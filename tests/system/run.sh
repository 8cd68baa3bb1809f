#!/usr/bin/env bash
# tests/system/run.sh - the system test: boots Xen 4.17 in QEMU once with a
# dom0 built from the installed Debian packages and this build's p-guest,
# p-guest-echo, p-dom0d and p-launch; inside dom0 checks.sh runs every
# check.  Prints TAP (one line per check), then "# PASS: N" / "# FAIL: N".
# Exits non-zero if a check failed or the boot did not finish.
# Env: top_srcdir, top_builddir (set by make), SYSTEM_TIMEOUT (seconds).
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bld=${top_builddir:-$PWD}
. "$src/tests/system/lib.sh"
work=$bld/tests/system/work
SYS_CACHE=$bld/tests/system/cache
mkdir -p "$work"
log=$work/serial.log

n=0 passed=0 failed=0
tap() { # tap ok|not-ok DESC
	n=$((n + 1))
	if [ "$1" = ok ]; then
		passed=$((passed + 1)); echo "ok $n - $2"
	else
		failed=$((failed + 1)); echo "not ok $n - $2"
	fi
}
finish() {
	echo "1..$n"
	echo "# PASS: $passed"
	echo "# FAIL: $failed"
	[ "$failed" -eq 0 ] && [ "$n" -gt 0 ]
	exit $?
}

files=()
need() { # need BUILD-PATH DEST
	if [ -f "$bld/$1" ]; then files+=("$bld/$1:$2"); else tap not-ok "build product $1 exists"; fi
}
need guest/kernel/p-guest-echo /pxen/p-guest-echo
need tests/system/vchan-echo-client /pxen/vchan-echo-client
need tests/wait-connect /pxen/wait-connect
files+=("$src/tests/system/dom0-lib.sh:/pxen/dom0-lib.sh" "$src/tests/system/checks.sh:/pxen/job.sh")
need p-launch /pxen/p-launch
need p-dom0d /pxen/p-dom0d
for f in "$src"/tests/system/progs/*; do
	files+=("$f:/pxen/progs/${f##*/}")
done
if [ -f "$bld/guest/kernel/p-guest" ]; then
	files+=("$bld/guest/kernel/p-guest:/pxen/p-guest"
		"$src/tests/system/program-checks.sh:/pxen/program-checks.sh"
		"$src/tests/system/repl-checks.sh:/pxen/repl-checks.sh"
		"$src/tests/system/lifecycle-checks.sh:/pxen/lifecycle-checks.sh"
		"$src/tests/system/daemon-checks.sh:/pxen/daemon-checks.sh"
		"$src/tests/system/suspend-checks.sh:/pxen/suspend-checks.sh"
		"$src/tests/system/export/lib/mylib.sld:/pxen/export/lib/mylib.sld")
else
	tap not-ok "p-guest is built (the program checks need it)"
fi
# tmux gives the REPL checks a terminal (they are skipped without it); it
# wants a UTF-8 locale, which glibc reads from C.utf8's LC_CTYPE
ctype=/usr/lib/locale/C.utf8/LC_CTYPE
if [ -x /usr/bin/tmux ] && [ -f /lib/terminfo/x/xterm ] && [ -f $ctype ]; then
	files+=("/usr/bin/tmux:/usr/bin/tmux" "/lib/terminfo/x/xterm:/lib/terminfo/x/xterm"
		"$ctype:$ctype")
fi
[ -f "$bld/guest/kernel/p-guest-echo" ] && [ -f "$bld/tests/system/vchan-echo-client" ] || finish

t0=$(date +%s)
if ! sys_prepare_cache >"$work/prepare.out" 2>&1; then
	cat "$work/prepare.out"
	tap not-ok "Xen and the dom0 kernel are installed and unpack"
	finish
fi
if ! sys_mkinitramfs "$work/dom0.cpio.gz" "$src/tests/system/dom0-init.sh" "${files[@]}" >"$work/initramfs.out" 2>&1; then
	cat "$work/initramfs.out"
	tap not-ok "the dom0 initramfs builds"
	finish
fi
echo "# dom0 initramfs: $(du -h "$work/dom0.cpio.gz" | cut -f1), built in $(($(date +%s) - t0)) s"
t1=$(date +%s)
sys_boot "$work/dom0.cpio.gz" "$log" "${SYSTEM_TIMEOUT:-1200}"
qrc=$?
echo "# QEMU exited with $qrc after $(($(date +%s) - t1)) s; serial log: $log"
tr -d '\r' <"$log" | grep -a 'PXEN-STAT:' | sed 's/^.*PXEN-STAT: /# /'

while IFS= read -r line; do
	case $line in
	*"PXEN-CHECK: ok - "*) tap ok "${line#*PXEN-CHECK: ok - }" ;;
	*"PXEN-CHECK: not ok - "*) tap not-ok "${line#*PXEN-CHECK: not ok - }" ;;
	esac
done < <(tr -d '\r' <"$log" | grep -a 'PXEN-CHECK:')

if grep -aq 'PXEN-SYSTEM: CHECKS-COMPLETE' "$log" && grep -aq 'PXEN-SYSTEM: DONE' "$log"; then
	tap ok "the Xen host booted, ran every check and powered off"
else
	tap not-ok "the Xen host booted, ran every check and powered off (see $log)"
	tr -d '\r' <"$log" | tail -40 | sed 's/^/# /'
fi

# tests/run-program.sh boots its own host: stdin in, written files back.
if [ -f "$bld/guest/kernel/p-guest" ]; then
	rp=$work/run-program
	rm -rf "$rp" && mkdir -p "$rp" && cp "$src/tests/system/run-program/tee.scm" "$rp/"
	t2=$(date +%s)
	printf 'alpha\nbeta\n' | PXEN_BUILD=$bld bash "$src/tests/run-program.sh" "$rp/tee.scm" \
		>"$rp/out" 2>"$rp/err"
	r=$?
	echo "# run-program.sh: status $r after $(($(date +%s) - t2)) s"
	sed 's/^/# out: /' "$rp/out"; sed 's/^/# err: /' "$rp/err"
	if [ $r = 0 ] && [ "$(cat "$rp/out")" = "$(printf 'alpha\nbeta\nlines: 2')" ]; then
		tap ok "run-program.sh passes standard input through"
	else
		tap not-ok "run-program.sh passes standard input through"
	fi
	if [ "$(cat "$rp/tee.txt" 2>/dev/null)" = "$(printf 'alpha\nbeta')" ]; then
		tap ok "run-program.sh copies the files the program wrote back"
	else
		tap not-ok "run-program.sh copies the files the program wrote back"
	fi
fi
finish
