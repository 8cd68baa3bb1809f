#!/bin/busybox sh
# /init of the benchmark's Linux domU: runs the hosted p on churn.scm in a
# memory cgroup of bench_limit MiB (the RAM the p-guest run had), with the
# PV disk xvdb as swap when bench_swap=1, and prints the results on hvc0.
# Parameters come from the kernel command line (unknown NAME=VALUE words
# become init's environment): bench_limit, bench_swap, bench_live,
# bench_rounds, and bench_heap (MiB: p's --heap; 0: p's default).
export PATH=/bin:/pxen
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
say() { echo "PAGING-DOMU: $*"; }
say "up at $(cut -d' ' -f1 /proc/uptime) s, $(grep MemTotal /proc/meminfo)"
if [ "${bench_swap:-0}" = 1 ]; then
	insmod /pxen/xen-blkfront.ko
	i=0
	while [ ! -b /dev/xvdb ] && [ $i -lt 60 ]; do sleep 0.5; i=$((i + 1)); done
	mkswap /dev/xvdb >/dev/null && swapon /dev/xvdb && say "swap on /dev/xvdb: $(grep SwapTotal /proc/meminfo)"
else
	say "no swap"
fi
mkdir -p /sys/fs/cgroup
mount -t cgroup2 none /sys/fs/cgroup
echo +memory >/sys/fs/cgroup/cgroup.subtree_control
mkdir /sys/fs/cgroup/bench
echo $((bench_limit * 1048576)) >/sys/fs/cgroup/bench/memory.max
# The swap in use by the cgroup, sampled: 6.1 has no memory.swap.peak.
(
	peak=0
	while :; do
		s=$(cat /sys/fs/cgroup/bench/memory.swap.current)
		[ "$s" -gt "$peak" ] && peak=$s && echo "$peak" >/tmp/swap-peak
		sleep 0.5
	done
) &
sampler=$!
cd /tmp
t0=$(cut -d' ' -f1 /proc/uptime)
heap=
[ "${bench_heap:-0}" != 0 ] && heap="--heap ${bench_heap}M"
say "p $heap --gc-stats churn.scm $bench_live $bench_rounds"
sh -c 'echo $$ >/sys/fs/cgroup/bench/cgroup.procs &&
	exec time -v p $0 --gc-stats /pxen/churn.scm "$1" "$2"' "$heap" "$bench_live" "$bench_rounds" \
	>/tmp/out 2>/tmp/err
rc=$?
t1=$(cut -d' ' -f1 /proc/uptime)
kill $sampler
sed 's/^/PAGING-DOMU-OUT: /' /tmp/out
sed 's/^/PAGING-DOMU-ERR: /' /tmp/err
say "status $rc wall $(awk "BEGIN{print $t1 - $t0}") s"
say "cgroup memory.peak $(cat /sys/fs/cgroup/bench/memory.peak) swap-peak $(cat /tmp/swap-peak 2>/dev/null || echo 0)"
say "oom_kill $(grep -w oom_kill /sys/fs/cgroup/bench/memory.events | cut -d' ' -f2)"
dmesg | grep -i -E "out of memory|oom-kill|killed process" | sed 's/^/PAGING-DOMU-KMSG: /'
say "DONE"
sync
poweroff -f
