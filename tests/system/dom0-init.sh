#!/bin/busybox sh
# /init of the throwaway dom0: brings up the Xen services, runs
# /pxen/job.sh (the system checks, or one program for run-program.sh) and
# powers the machine off.  Output goes to hvc0, i.e. Xen's serial log.
export PATH=/bin:/usr/bin:/usr/lib/xen-4.17/bin:/pxen
say() { echo "PXEN-DOM0: $* (uptime $(cut -d' ' -f1 /proc/uptime)s)"; }
halt() { sync; poweroff -f; sleep 30; }
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
mkdir -p /run/xen /run/xenstored /var/log/xen/console /run/pxen
for m in xen-evtchn xen-gntdev xen-gntalloc xen-privcmd xenfs; do
	insmod /pxen/mods/$m.ko || { say "FATAL: insmod $m"; echo "PXEN-SYSTEM: BOOT-FAILED"; halt; }
done
mkdir -p /proc/xen
mount -t xenfs xenfs /proc/xen
XENSTORED_ROOTDIR=/run/xenstored xenstored --pid-file /run/xenstored.pid
i=0
until xenstore-read -s / >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -gt 100 ] && { say "FATAL: xenstored does not answer"; echo "PXEN-SYSTEM: BOOT-FAILED"; halt; }
	sleep 0.2
done
xen-init-dom0 >/dev/null
xenconsoled --pid-file /run/xenconsoled.pid --log=guest --log-dir=/var/log/xen/console
say "xen services up"
echo "PXEN-SYSTEM: DOM0-READY"
sh /pxen/job.sh
echo "PXEN-SYSTEM: DONE rc=$?"
halt
