# guest/hosted: the platform as a Linux process, and the `p` command.  Its
# streams, files and sockets go through the pxen client to p-dom0d.
noinst_LIBRARIES += libphosted.a
libphosted_a_SOURCES = guest/hosted/host.h guest/hosted/plat_host.c \
	guest/hosted/transport_sock.c guest/hosted/spawn.c
libphosted_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/guest/client \
	-DPXEN_SBINDIR='"$(sbindir)"' -DPXEN_BUILDDIR='"$(abs_top_builddir)"'

bin_PROGRAMS += p
p_SOURCES = guest/hosted/main.c
p_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/dom0d/repl-client
p_LDFLAGS = -no-pie $(AM_LDFLAGS)
# the REPL's line editor on a terminal is the one p-launch and p-repl use
p_LDADD = $(HOSTED_P_LIBS) libpreplclient.a
if HAVE_LIBEDIT
p_LDADD += $(LIBEDIT_LIBS)
endif
