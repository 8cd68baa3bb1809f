#!/bin/sh
# block-hook.sh add|remove - libxl's hotplug script for the benchmark's
# swap disk (xl disk spec script=).  The target is a loop device dom0 set
# up already; blkback only needs its major:minor (hex) in physical-device.
# Debian's own block script needs bash and udev tools the dom0 lacks.
[ "$1" = add ] || exit 0
dev=$(xenstore-read "$XENBUS_PATH/params") || exit 1
mm=$(stat -L -c '%t:%T' "$dev") || { xenstore-write "$XENBUS_PATH/hotplug-error" "no device $dev"; exit 1; }
xenstore-write "$XENBUS_PATH/physical-device" "$mm"
xenstore-write "$XENBUS_PATH/hotplug-status" connected
