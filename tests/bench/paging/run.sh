#!/usr/bin/env bash
# tests/bench/paging/run.sh - the benchmark of pxen's founding claim (a
# collector that owns the RAM beats one that fights the pager): in ONE boot
# of Xen in QEMU it runs churn.scm
#   (a) in p-guest with MEM MiB through p-launch,
#   (b) as the hosted p in a Linux PVH domU, in a memory cgroup of MEM MiB
#       with a swap disk, and again (c) with no swap (expected: the OOM
#       killer),
#   (d) in p-guest with a live set too large for MEM (expected: a clean
#       "heap exhausted" error),
# then prints times, the ratio, maximum pauses and peak memory.  See
# README.md for the method and the figures measured.
# Env: top_srcdir, top_builddir (set by make), PAGING_MEM (96), PAGING_LIVE
# (32), PAGING_ROUNDS (24), PAGING_BIG (64), PAGING_SWAP (256),
# PAGING_TIMEOUT (seconds, 3000).
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../../.." && pwd)}
bld=${top_builddir:-$PWD}
. "$src/tests/system/lib.sh"
here=$src/tests/bench/paging
work=$bld/tests/bench/paging/work
SYS_CACHE=$bld/tests/system/cache
mkdir -p "$work"
log=$work/serial.log

for f in guest/kernel/p-guest p-launch p-dom0d p tests/wait-connect; do
	[ -x "$bld/$f" ] || { echo "paging: $bld/$f is not built (configure with the guest kernel, make)" >&2; exit 1; }
done
sys_prepare_cache || exit 1
cat >"$work/bench.env" <<ENV
MEM=${PAGING_MEM:-96}
LIVE=${PAGING_LIVE:-32}
ROUNDS=${PAGING_ROUNDS:-24}
BIG=${PAGING_BIG:-64}
SWAP=${PAGING_SWAP:-256}
DOMU_EXTRA=128
ENV
blkfront=$(sys_module xen-blkfront)
sys_mkdomu_initramfs "$work/domu.cpio.gz" "$here/domu-init.sh" \
	"$bld/p:/pxen/p" "$bld/p-dom0d:/pxen/p-dom0d" "$here/churn.scm:/pxen/churn.scm" \
	"$blkfront:/pxen/xen-blkfront.ko" || { echo "paging: the domU initramfs did not build" >&2; exit 1; }
sys_mkinitramfs "$work/dom0.cpio.gz" "$src/tests/system/dom0-init.sh" \
	"$src/tests/system/dom0-lib.sh:/pxen/dom0-lib.sh" "$here/dom0-job.sh:/pxen/job.sh" \
	"$work/bench.env:/pxen/bench.env" "$here/block-hook.sh:/pxen/block-hook" \
	"$bld/guest/kernel/p-guest:/pxen/p-guest" "$bld/p-launch:/pxen/p-launch" \
	"$bld/p-dom0d:/pxen/p-dom0d" "$bld/tests/wait-connect:/pxen/wait-connect" \
	"$here/churn.scm:/pxen/churn.scm" "$(sys_vmlinux):/pxen/vmlinux" \
	"$work/domu.cpio.gz:/pxen/domu.cpio.gz" "$(sys_module loop):/pxen/mods/loop.ko" \
	"$(sys_module xen-blkback):/pxen/mods/xen-blkback.ko" ||
	{ echo "paging: the dom0 initramfs did not build" >&2; exit 1; }
cat "$work/bench.env"
echo "paging: booting Xen in QEMU (serial log $log); this takes several minutes"
t0=$(date +%s)
sys_boot "$work/dom0.cpio.gz" "$log" "${PAGING_TIMEOUT:-3000}"
echo "paging: QEMU exited with $? after $(($(date +%s) - t0)) s"
r() { tr -d '\r' <"$log" | grep -a '^PAGING: ' | sed 's/^PAGING: //'; }
r >"$work/results.txt"
sh "$here/report.sh" "$work/results.txt" "$work/bench.env"
