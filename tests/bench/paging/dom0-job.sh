# dom0-job.sh - the paging benchmark inside the throwaway dom0 (run as
# /pxen/job.sh by tests/system/dom0-init.sh).  Settings come from
# /pxen/bench.env (written by run.sh): MEM (MiB of the p-guest and of the
# domU's memory cgroup), LIVE, ROUNDS, BIG (a live set too large for MEM),
# SWAP (MiB of swap disk), DOMU_EXTRA (MiB the Linux domU gets on top of
# MEM for its own kernel and initramfs).
# Every result line starts with "PAGING: "; run.sh reads them.
. /pxen/dom0-lib.sh
. /pxen/bench.env
cd /tmp
res() { echo "PAGING: $*"; }
now() { cut -d' ' -f1 /proc/uptime; }

mkdir -p /run/pxen
p-dom0d --foreground >/tmp/p-dom0d.log 2>&1 &
wait-connect /run/pxen/control.sock 30 || res "p-dom0d did not start"

# (a) the program in p-guest with MEM MiB.
pguest() { # NAME LIVE
	local t0 t1
	t0=$(now)
	timeout 1200 p-launch --name "$1" --mem "$MEM" --gc-stats --kernel /pxen/p-guest \
		/pxen/churn.scm "$2" "$ROUNDS" >"/tmp/$1.out" 2>"/tmp/$1.err" </dev/null
	echo $? >"/tmp/$1.rc"
	t1=$(now)
	echo "---- $1: status $(cat "/tmp/$1.rc"), $(awk "BEGIN{print $t1 - $t0}") s with boot"
	cat "/tmp/$1.out" "/tmp/$1.err"
	sed "s/^/PAGING: $1 out: /" "/tmp/$1.out"
	sed "s/^/PAGING: $1 err: /" "/tmp/$1.err"
	res "$1 status $(cat "/tmp/$1.rc") wall-with-boot $(awk "BEGIN{print $t1 - $t0}")"
}
pguest pguest "$LIVE"
pguest pguest-big "$BIG"
show_log pguest-big

# (b) the hosted p in a Linux PVH domU, memory cgroup of MEM MiB, with and
# without swap.  The swap disk is a file in dom0's tmpfs behind a loop
# device and blkback: a fast disk, which favours Linux.
insmod /pxen/mods/loop.ko
insmod /pxen/mods/xen-blkback.ko
dd if=/dev/zero of=/tmp/swap.img bs=1M count="$SWAP" 2>/dev/null
losetup /dev/loop0 /tmp/swap.img || res "losetup failed"
linux() { # NAME SWAP(0/1) HEAP(MiB, 0: p's default)
	local disk=
	[ "$2" = 1 ] && disk="disk = [ 'format=raw,vdev=xvdb,access=rw,backendtype=phy,script=/pxen/block-hook,target=/dev/loop0' ]"
	cat >"/tmp/$1.cfg" <<CFG
name = "$1"
type = "pvh"
kernel = "/pxen/vmlinux"
ramdisk = "/pxen/domu.cpio.gz"
extra = "console=hvc0 quiet bench_limit=$MEM bench_swap=$2 bench_live=$LIVE bench_rounds=$ROUNDS bench_heap=$3"
memory = $((MEM + DOMU_EXTRA))
vcpus = 1
tsc_mode = "native"
on_poweroff = "destroy"
on_crash = "destroy"
$disk
CFG
	local t0 t1 id
	t0=$(now)
	if ! xl create "/tmp/$1.cfg" >"/tmp/$1.xl" 2>&1; then
		cat "/tmp/$1.xl"
		res "$1 xl-create-failed"
		return
	fi
	id=$(xl domid "$1")
	wait_log "$1" "PAGING-DOMU: DONE" 1500 || res "$1 timed out"
	t1=$(now)
	show_log "$1"
	tr -d '\r' <"$(guest_log "$1")" | grep '^PAGING-DOMU' | sed "s/^/PAGING: $1 /"
	res "$1 wall-with-boot $(awk "BEGIN{print $t1 - $t0}")"
	wait_gone "$id" 60 || xl destroy "$1"
}
linux linux-swap 1 0
linux linux-noswap 0 0
# The hosted p again with the heap limit p-guest's kernel gives its heap
# (RAM less the kernel image and reserve): the same collector in the same
# room, so the difference left is the platform's.
linux linux-tight 1 $((MEM - 5))
res "end"
