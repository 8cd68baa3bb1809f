# guest/kernel/guest.mk (included from local.mk under BUILD_GUEST):
# The P interpreter on bare Xen.  The libraries call each other (the
# interpreter calls the client and the kernel's platform, the client calls
# the transport), hence the list given twice.
pxenguest_PROGRAMS = guest/kernel/p-guest
guest_kernel_p_guest_SOURCES = guest/kernel/guest_main.c guest/kernel/plat_kernel.c \
	guest/kernel/plat_kernel.h guest/kernel/footprint.c guest/kernel/footprint.h \
	guest/kernel/transport.c
guest_kernel_p_guest_CFLAGS = $(KERNEL_CFLAGS)
guest_kernel_p_guest_CPPFLAGS = $(KERNEL_CPPFLAGS)
guest_kernel_p_guest_LDFLAGS = $(KERNEL_LINK)
GUEST_LIBS = libpkernel.a libpclient.a libprotocol.a libplang.a libpc.a libpcbase.a \
	libpshared.a
guest_kernel_p_guest_LDADD = $(GUEST_LIBS) $(GUEST_LIBS) -lgcc
guest_kernel_p_guest_DEPENDENCIES = $(GUEST_LIBS) $(top_srcdir)/guest/kernel/kernel.ld
