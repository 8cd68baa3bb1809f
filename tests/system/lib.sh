# tests/system/lib.sh - boot Xen 4.17 with a throwaway dom0 inside QEMU.
# Sourced by tests/system/run.sh (the system test), tests/run-program.sh
# and tests/bench/paging/run.sh.
#
#   sys_mkinitramfs OUT INIT [SRC:DST ...]
#       dom0 initramfs from the installed Debian packages: busybox-static,
#       xen-utils-4.17, xenstore-utils, the Xen driver modules of
#       linux-image-amd64 and the shared-library closure of every ELF put in;
#       INIT becomes /init (it finds the helpers in /pxen/dom0-lib.sh).
#   sys_mkdomu_initramfs OUT INIT [SRC:DST ...]
#       the same for a Linux domU: busybox and the files given.
#   sys_boot INITRD LOG TIMEOUT
#       boots it (TCG: KVM is not usable on these machines), serial to LOG;
#       returns when the guest powers off or TIMEOUT seconds pass.
# SYS_CACHE (a directory) keeps the unpacked Xen and vmlinux between runs.

sys_die() { echo "$*" >&2; return 1; }

SYS_XENVER=4.17
SYS_XBIN=/usr/lib/xen-$SYS_XENVER/bin

sys_kver() { ls /lib/modules | sort -V | tail -1; }

# Unpacks xen.gz (QEMU's multiboot loader wants the raw image) and the ELF
# vmlinux inside the Debian bzImage (Xen or xl un-xz-ing it under TCG costs
# 10 s per boot).
sys_prepare_cache() {
	local kver vmlinuz off
	mkdir -p "$SYS_CACHE" || return 1
	[ -f /boot/xen-$SYS_XENVER-amd64.gz ] || { sys_die "no /boot/xen-$SYS_XENVER-amd64.gz (package xen-hypervisor-$SYS_XENVER-amd64)"; return 1; }
	if [ ! -s "$SYS_CACHE/xen" ] || [ /boot/xen-$SYS_XENVER-amd64.gz -nt "$SYS_CACHE/xen" ]; then
		gunzip -c /boot/xen-$SYS_XENVER-amd64.gz >"$SYS_CACHE/xen.tmp" && mv "$SYS_CACHE/xen.tmp" "$SYS_CACHE/xen" || return 1
	fi
	kver=$(sys_kver)
	vmlinuz=/boot/vmlinuz-$kver
	[ -f "$vmlinuz" ] || { sys_die "no $vmlinuz (package linux-image-amd64)"; return 1; }
	if [ ! -s "$SYS_CACHE/vmlinux-$kver" ]; then
		for off in $(LC_ALL=C grep -aboP '\xFD7zXZ\x00' "$vmlinuz" | cut -d: -f1); do
			tail -c +$((off + 1)) "$vmlinuz" | xz -dc --single-stream >"$SYS_CACHE/vmlinux.tmp" 2>/dev/null
			if [ "$(head -c 4 "$SYS_CACHE/vmlinux.tmp" | tail -c 3)" = ELF ]; then
				mv "$SYS_CACHE/vmlinux.tmp" "$SYS_CACHE/vmlinux-$kver"
				break
			fi
		done
		rm -f "$SYS_CACHE/vmlinux.tmp"
	fi
	[ -s "$SYS_CACHE/vmlinux-$kver" ] || { sys_die "could not extract vmlinux from $vmlinuz"; return 1; }
}

# The ELF vmlinux sys_prepare_cache unpacked (for dom0 and Linux domUs).
sys_vmlinux() { echo "$SYS_CACHE/vmlinux-$(sys_kver)"; }

# Copies the shared libraries an ELF needs into root $1.
sys_copy_libs() {
	local root=$1 elf=$2 lib
	for lib in $(ldd "$elf" 2>/dev/null | awk '/=> \// {print $3} /^\t\/lib64/ {print $1}'); do
		[ -e "$root$lib" ] && continue
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

# sys_root_new: a fresh root directory with busybox-static (one link per
# applet) and the device nodes an initramfs needs; prints its path.
sys_root_new() {
	local root a
	root=$(mktemp -d "${TMPDIR:-/tmp}/pxen-initramfs.XXXXXX") || return 1
	mkdir -p "$root"/bin "$root"/usr/bin "$root"/lib64 "$root"/proc "$root"/sys "$root"/dev \
		"$root"/tmp "$root"/run "$root"/root "$root"/pxen
	cp /bin/busybox "$root"/bin/busybox || { rm -rf "$root"; sys_die "no busybox (package busybox-static)"; return 1; }
	for a in $(/bin/busybox --list); do
		[ -e "$root/bin/$a" ] || ln -s busybox "$root/bin/$a"
	done
	# Without /dev/console in the archive the kernel runs /init with no
	# stdout and every message is lost.
	mknod -m 600 "$root"/dev/console c 5 1
	mknod -m 666 "$root"/dev/null c 1 3
	echo "$root"
}

# sys_root_add ROOT [SRC:DST ...]: copies files in; an ELF brings the
# shared libraries it needs.
sys_root_add() {
	local root=$1 spec src dst
	shift
	for spec in "$@"; do
		src=${spec%%:*}
		dst=${spec#*:}
		mkdir -p "$root$(dirname "$dst")"
		cp -L "$src" "$root$dst" || return 1
		[ "$(head -c 4 "$src" | tail -c 3 | tr -d '\0')" = ELF ] && sys_copy_libs "$root" "$src"
	done
	return 0
}

# sys_root_pack ROOT INIT OUT: INIT becomes /init; packs and removes ROOT.
sys_root_pack() {
	local root=$1 rc
	cp "$2" "$root"/init && chmod 755 "$root"/init
	(cd "$root" && find . | cpio -o -H newc --quiet) | gzip -1 >"$3"
	rc=$?
	rm -rf "$root"
	return $rc
}

sys_mkinitramfs() {
	local out=$1 init=$2 root kver moddir b m a
	shift 2
	root=$(sys_root_new) || return 1
	kver=$(sys_kver)
	moddir=/lib/modules/$kver/kernel/drivers/xen
	mkdir -p "$root"/var/lib/xen "$root"/var/log/xen "$root"/etc/xen "$root"/pxen/mods "$root"$SYS_XBIN
	ln -s ../run "$root"/var/run
	for b in xl xenstored xenconsoled xenconsole xen-init-dom0 libxl-save-helper; do
		cp -L "$SYS_XBIN/$b" "$root$SYS_XBIN/$b" || { rm -rf "$root"; sys_die "missing $SYS_XBIN/$b (package xen-utils-$SYS_XENVER)"; return 1; }
		sys_copy_libs "$root" "$SYS_XBIN/$b"
	done
	cp -L /usr/bin/xenstore "$root"/usr/bin/xenstore || { rm -rf "$root"; sys_die "no /usr/bin/xenstore (package xenstore-utils)"; return 1; }
	sys_copy_libs "$root" /usr/bin/xenstore
	for a in read write rm ls exists list chmod watch; do
		ln -s xenstore "$root/usr/bin/xenstore-$a"
	done
	cp -L /lib64/ld-linux-x86-64.so.2 "$root"/lib64/
	# glibc loads libgcc_s at run time for thread cancellation; xl aborts
	# without it.
	mkdir -p "$root"/lib/x86_64-linux-gnu
	cp -L /lib/x86_64-linux-gnu/libgcc_s.so.1 "$root"/lib/x86_64-linux-gnu/
	for m in xen-evtchn xen-gntdev xen-gntalloc xen-privcmd xenfs/xenfs; do
		cp "$moddir/$m.ko" "$root/pxen/mods/" || { rm -rf "$root"; sys_die "missing module $m"; return 1; }
	done
	sys_root_add "$root" "$@" || { rm -rf "$root"; return 1; }
	sys_root_pack "$root" "$init" "$out"
}

# sys_mkdomu_initramfs OUT INIT [SRC:DST ...]: a Linux domU's initramfs
# (busybox and the files given; the Debian kernel as its kernel).
sys_mkdomu_initramfs() {
	local out=$1 init=$2 root
	shift 2
	root=$(sys_root_new) || return 1
	sys_root_add "$root" "$@" || { rm -rf "$root"; return 1; }
	sys_root_pack "$root" "$init" "$out"
}

# sys_module NAME: the path of a module of the installed kernel.
sys_module() {
	find "/lib/modules/$(sys_kver)/kernel" -name "$1.ko" | head -1
}

sys_boot() {
	local initrd=$1 log=$2 limit=$3
	: >"$log"
	# -cpu: -smap (PV dom0 dies under TCG's SMAP), -rdtscp (TCG reports it
	# as RDTSC to Xen, which cannot decode it), -xsave (dom0 processes get
	# corrupted state once a busy domU shares the CPU); max keeps SVM+NPT
	# for PVH.  One vCPU is faster than two under TCG.
	timeout --kill-after=10 "$limit" qemu-system-x86_64 -accel tcg \
		-cpu max,-smap,-rdtscp,-xsave -machine q35 -smp 1 -m 2048 \
		-display none -monitor none -serial "file:$log" -no-reboot -net none \
		-kernel "$SYS_CACHE/xen" \
		-append "console=com1 com1=115200,8n1 console_timestamps=boot loglvl=all guest_loglvl=all dom0_mem=768M,max:768M dom0_max_vcpus=1" \
		-initrd "$(sys_vmlinux) console=hvc0 quiet,$initrd"
}
