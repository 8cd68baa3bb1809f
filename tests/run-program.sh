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
# The program's directory is its export root (files, lib/*.sld).  In the
# QEMU case the guest works on a copy: standard input is read to its end
# first and handed over (a terminal is not: the program then gets none, and
# this is said before it runs); regular files the program wrote are copied
# back into the directory afterwards (deletions are not).
# PXEN_BUILD names the build directory (default: build/ in the tree).
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

b=${PXEN_BUILD:-$top/build}
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
# The emulated host cannot read this terminal while it runs.
if [ -t 0 ]; then
	echo "run-program: standard input is a terminal: under QEMU the program gets none (pipe input in to give it some)" >&2
	: >"$work/stdin"
else
	head -c $((64 << 20 | 1)) >"$work/stdin"
	if [ "$(stat -c %s "$work/stdin")" -gt $((64 << 20)) ]; then
		echo "run-program: standard input is over 64 MB; give the program a file in its directory instead" >&2
		exit 66
	fi
fi
{
	echo '. /pxen/dom0-lib.sh'
	echo 'mkdir -p /run/pxen; p-dom0d --foreground >/tmp/p-dom0d.log 2>&1 </dev/null &'
	echo 'wait-connect /run/pxen/control.sock 30'
	echo 'touch /tmp/stamp'
	printf 'cd /prog && p-launch --name run --fs /prog /prog/%s' "$(quote "$progname")"
	for a in "$@"; do printf ' %s' "$(quote "$a")"; done
	echo ' >/tmp/out 2>/tmp/err </pxen/stdin'
	echo 'echo "PXEN-RUN-STATUS: $?"'
	echo 'echo PXEN-RUN-OUT-BEGIN; base64 </tmp/out; echo PXEN-RUN-OUT-END'
	echo 'echo PXEN-RUN-ERR-BEGIN; base64 </tmp/err; echo PXEN-RUN-ERR-END'
	# Files the program wrote, gathered for copying back (busybox tar takes
	# no list file); tar's complaints stay out of the block.
	echo 'cd /prog && find . -type f -newer /tmp/stamp | while IFS= read -r f; do'
	echo '	mkdir -p "/tmp/written/${f%/*}" && cp -p "$f" "/tmp/written/$f"; done'
	echo 'if [ -d /tmp/written ]; then'
	echo '	echo PXEN-RUN-FILES-BEGIN; tar -czf - -C /tmp/written . 2>/tmp/tar.err | base64; echo PXEN-RUN-FILES-END'
	echo '	cat /tmp/tar.err; fi'
} >"$work/job.sh"
files=("$top/tests/system/dom0-lib.sh:/pxen/dom0-lib.sh" "$work/job.sh:/pxen/job.sh"
	"$work/stdin:/pxen/stdin"
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
if log | grep -qx PXEN-RUN-FILES-BEGIN; then
	if block FILES >"$work/written.tgz" && tar -xzf "$work/written.tgz" -C "$progdir" --no-same-owner; then
		echo "run-program: copied back into $progdir: $(tar -tzf "$work/written.tgz" | sed 's|^\./||' | grep -v '/$' | tr '\n' ' ')" >&2
	else
		echo "run-program: could not copy the written files back into $progdir" >&2
		[ "$status" = 0 ] && status=73
	fi
fi
exit "$status"
