#!/usr/bin/env bash
# Installs, from Debian's packages, everything the build and the tests need.
set -eu
pkgs="build-essential autoconf automake libtool pkg-config libxen-dev libedit-dev
	qemu-system-x86 xen-hypervisor-4.17-amd64 xen-utils-4.17 linux-image-amd64
	busybox-static cpio xz-utils xenstore-utils netcat-openbsd curl clang libclang-rt-14-dev
	unicode-data tmux"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
