#!/usr/bin/env bash
# tests/run-program.sh PROG.scm [ARGS...] - runs one P program on real Xen
# and prints its output, exiting with its status.
#
# Installs the Debian packages it needs (tests/install-deps.sh), builds in
# build/ if needed, then:
#   - on a Xen dom0 (/proc/xen/capabilities says control_d): runs p-launch
#     directly, starting p-dom0d first if it is not running;
#   - anywhere else: boots a throwaway Xen host in QEMU exactly as the
#     system test does (tests/system/lib.sh) and runs p-launch there.
# The program's directory is its export root (files, lib/*.sld); in the
# QEMU case it is a copy, so files the program writes are not kept.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 1 ]; then
	echo "usage: $0 PROG.scm [ARGS...]" >&2
	exit 64
fi
prog=$1
shift
if [ ! -r "$prog" ] || [ ! -f "$prog" ]; then
	echo "run-program: cannot read $prog" >&2
	exit 66
fi
progdir=$(cd "$(dirname "$prog")" && pwd)
progname=$(basename "$prog")

bash "$top/tests/install-deps.sh" || { echo "run-program: installing packages failed" >&2; exit 69; }

b=$top/build
if [ ! -x "$b/guest/kernel/p-guest" ] || [ ! -x "$b/p-launch" ] || [ ! -x "$b/p-dom0d" ] ||
	[ ! -x "$b/tests/wait-connect" ] ||
	[ -n "$(find "$top/guest" "$top/dom0d" "$top/protocol" "$top/shared" -newer "$b/guest/kernel/p-guest" -name '*.[chS]' 2>/dev/null | head -1)" ]; then
	echo "run-program: building in $b (log: $b/run-program-build.log)" >&2
	mkdir -p "$b"
	(
		cd "$top" && { { [ -x configure ] && [ -f Makefile.in ]; } || autoreconf -fi; } &&
			cd "$b" && { [ -f Makefile ] || ../configure; } &&
			make -j"$(nproc)" guest/kernel/p-guest p-launch p-dom0d tests/wait-connect
	) >"$b/run-program-build.log" 2>&1
	rc=$?
	if [ $rc != 0 ] || [ ! -x "$b/guest/kernel/p-guest" ]; then
		tail -30 "$b/run-program-build.log" >&2
		echo "run-program: the build failed (or did not produce guest/kernel/p-guest)" >&2
		exit 70
	fi
fi

if grep -q control_d /proc/xen/capabilities 2>/dev/null; then
	if [ ! -S /run/pxen/control.sock ]; then
		mkdir -p /run/pxen
		"$b/p-dom0d" || { echo "run-program: could not start p-dom0d" >&2; exit 69; }
		"$b/tests/wait-connect" /run/pxen/control.sock 30 || exit 69
	fi
	exec "$b/p-launch" --kernel "$b/guest/kernel/p-guest" --fs "$progdir" "$progdir/$progname" "$@"
fi

# Not in dom0: a throwaway Xen host in QEMU.
. "$top/tests/system/lib.sh"
SYS_CACHE=$b/tests/system/cache
work=$(mktemp -d "${TMPDIR:-/tmp}/pxen-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
{
	echo '. /pxen/dom0-lib.sh'
	echo 'mkdir -p /run/pxen; p-dom0d --foreground >/tmp/p-dom0d.log 2>&1 &'
	echo 'wait-connect /run/pxen/control.sock 30'
	printf 'cd /prog && p-launch --name run --fs /prog /prog/%s' "$(quote "$progname")"
	for a in "$@"; do printf ' %s' "$(quote "$a")"; done
	echo ' >/tmp/out 2>/tmp/err </dev/null'
	echo 'echo "PXEN-RUN-STATUS: $?"'
	echo 'echo PXEN-RUN-OUT-BEGIN; base64 </tmp/out; echo PXEN-RUN-OUT-END'
	echo 'echo PXEN-RUN-ERR-BEGIN; base64 </tmp/err; echo PXEN-RUN-ERR-END'
} >"$work/job.sh"
files=("$top/tests/system/dom0-lib.sh:/pxen/dom0-lib.sh" "$work/job.sh:/pxen/job.sh"
	"$b/guest/kernel/p-guest:/pxen/p-guest" "$b/p-launch:/pxen/p-launch" "$b/p-dom0d:/pxen/p-dom0d" "$b/tests/wait-connect:/pxen/wait-connect")
if [ "$(du -sm "$progdir" | cut -f1)" -gt 64 ]; then
	echo "run-program: $progdir is over 64 MB; copying only $progname and lib/" >&2
	files+=("$progdir/$progname:/prog/$progname")
	[ -d "$progdir/lib" ] && while IFS= read -r f; do files+=("$f:/prog/${f#"$progdir"/}"); done < <(find "$progdir/lib" -type f)
else
	while IFS= read -r f; do files+=("$f:/prog/${f#"$progdir"/}"); done < <(find "$progdir" -type f)
fi
sys_prepare_cache || exit 69
sys_mkinitramfs "$work/dom0.cpio.gz" "$top/tests/system/dom0-init.sh" "${files[@]}" || exit 70
echo "run-program: booting Xen in QEMU (about a minute under emulation)..." >&2
sys_boot "$work/dom0.cpio.gz" "$work/serial.log" 900
log() { tr -d '\r' <"$work/serial.log"; }
block() { log | sed -n "/^PXEN-RUN-$1-BEGIN\$/,/^PXEN-RUN-$1-END\$/p" | grep -v '^PXEN-RUN-' | grep -v '^(XEN)' | base64 -d; }
status=$(log | sed -n 's/^PXEN-RUN-STATUS: \([0-9]*\)$/\1/p' | tail -1)
if [ -z "$status" ]; then
	log | tail -40 >&2
	echo "run-program: the Xen host did not finish (serial log above)" >&2
	exit 70
fi
block OUT
block ERR >&2
exit "$status"
