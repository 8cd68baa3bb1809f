# guest/kernel: the bare Xen PVH kernel.  libpkernel.a is the machine
# (boot, traps, hypercalls, events, clock, console, memory, grant table,
# xenstore, vchan server); an image is libpkernel.a plus a main file that
# defines kernel_run():
#   p-guest       the P interpreter with the protocol client (installed in
#                 $(pkglibdir), where p-launch looks for it)
#   p-guest-echo  a vchan echo server, the kernel's own system test
pxenguestdir = $(libdir)/pxen
EXTRA_DIST += guest/kernel/README.md
if BUILD_GUEST
KERNEL_CFLAGS = $(FREESTANDING_CFLAGS) -O2 -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns
KERNEL_CPPFLAGS = $(FREESTANDING_CPPFLAGS) -I$(top_srcdir)/guest/kernel \
	-I$(top_srcdir)/guest/client -D__XEN_INTERFACE_VERSION__=0x00040e00
KERNEL_LINK = -static -no-pie -nostdlib -Wl,--build-id=none \
	-Wl,-z,max-page-size=4096 -Wl,--no-warn-rwx-segments -Wl,-T,$(top_srcdir)/guest/kernel/kernel.ld

noinst_LIBRARIES += libpkernel.a
libpkernel_a_CFLAGS = $(KERNEL_CFLAGS)
libpkernel_a_CPPFLAGS = $(KERNEL_CPPFLAGS)
libpkernel_a_CCASFLAGS = $(KERNEL_CPPFLAGS)
libpkernel_a_SOURCES = \
	guest/kernel/boot.S guest/kernel/trap_entry.S guest/kernel/kernel.ld \
	guest/kernel/kmain.c guest/kernel/kernel.h \
	guest/kernel/xenhdr.h guest/kernel/hypercall.c guest/kernel/hypercall.h \
	guest/kernel/trap.c guest/kernel/trap.h \
	guest/kernel/evtchn.c guest/kernel/evtchn.h \
	guest/kernel/clock.c guest/kernel/clock.h guest/kernel/pvclock.c guest/kernel/pvclock.h \
	guest/kernel/console.c guest/kernel/console.h \
	guest/kernel/cmdline.c guest/kernel/cmdline.h \
	guest/kernel/mem.c guest/kernel/mem.h guest/kernel/balloon.c guest/kernel/balloon.h \
	guest/kernel/gnttab.c guest/kernel/gnttab.h \
	guest/kernel/xenstore.c guest/kernel/xenstore.h \
	guest/kernel/control.c guest/kernel/control.h \
	guest/kernel/suspend.c guest/kernel/suspend.h \
	guest/kernel/vchan.c guest/kernel/vchan.h

noinst_PROGRAMS += guest/kernel/p-guest-echo
guest_kernel_p_guest_echo_SOURCES = guest/kernel/echo_main.c
guest_kernel_p_guest_echo_CFLAGS = $(KERNEL_CFLAGS)
guest_kernel_p_guest_echo_CPPFLAGS = $(KERNEL_CPPFLAGS)
guest_kernel_p_guest_echo_LDFLAGS = $(KERNEL_LINK)
guest_kernel_p_guest_echo_LDADD = libpkernel.a libpc.a libpcbase.a libpshared.a -lgcc
guest_kernel_p_guest_echo_DEPENDENCIES = libpkernel.a libpc.a libpcbase.a libpshared.a \
	$(top_srcdir)/guest/kernel/kernel.ld
include $(top_srcdir)/guest/kernel/guest.mk
endif
