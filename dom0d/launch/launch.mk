# dom0d/launch/launch.mk: p-launch, which creates a guest with libxl and ties it
# to p-dom0d (included from dom0d/local.mk); `p-launch attach` uses the
# REPL client library that p-repl is built from.
if HAVE_XEN
bin_PROGRAMS += p-launch
p_launch_SOURCES = dom0d/launch/p-launch.c dom0d/launch/p-launch.h dom0d/launch/p-launch-ctl.c \
	dom0d/launch/p-launch-dom.c dom0d/launch/p-launch-cmdline.c
p_launch_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/dom0d/repl-client -DPXEN_GUEST_PATH='"$(pxenguestdir)/p-guest"'
p_launch_LDFLAGS = -no-pie $(AM_LDFLAGS)
p_launch_LDADD = libpreplclient.a libpunixsock.a libprotocol.a -lxenlight -lxentoollog -lxenstore
if HAVE_LIBEDIT
p_launch_LDADD += $(LIBEDIT_LIBS)
endif
endif
dist_man_MANS += man/p-launch.1
