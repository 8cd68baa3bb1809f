# dom0d: p-dom0d (and p-repl); p-launch comes from launch.mk (KERNEL's).
sbin_PROGRAMS += p-dom0d
p_dom0d_SOURCES = dom0d/main.c dom0d/daemon.h dom0d/bq.c dom0d/dlog.c dom0d/loop.c \
	dom0d/policy.h dom0d/policy.c dom0d/guest.c dom0d/ctl.c dom0d/stream.c \
	dom0d/net.c dom0d/fs9p.c dom0d/local_tp.h dom0d/local_tp.c \
	dom0d/launcher.h dom0d/launcher.c dom0d/repl.h dom0d/repl.c dom0d/unix_listen.h dom0d/unix_listen.c dom0d/resolve.h dom0d/resolve.c dom0d/guestconf.h dom0d/guestconf.c dom0d/xen_tp.h
p_dom0d_CPPFLAGS = $(AM_CPPFLAGS)
p_dom0d_LDFLAGS = -no-pie $(AM_LDFLAGS)
p_dom0d_LDADD = libprotocol.a
if HAVE_XEN
p_dom0d_SOURCES += dom0d/xen_tp.c
p_dom0d_CPPFLAGS += -DPXEN_XEN
p_dom0d_LDADD += -lxenvchan -lxenstore
endif
EXTRA_DIST += dom0d/p-dom0d.service

# p-repl: the REPL client for detached guests; repl_client.c is shared with
# p-launch attach through libpreplclient.a.
noinst_LIBRARIES += libpreplclient.a
libpreplclient_a_SOURCES = dom0d/repl_client.h dom0d/repl_client.c
libpreplclient_a_CPPFLAGS = $(AM_CPPFLAGS)
bin_PROGRAMS += p-repl
p_repl_SOURCES = dom0d/p-repl.c
p_repl_LDADD = libpreplclient.a
if HAVE_LIBEDIT
libpreplclient_a_CPPFLAGS += -DPXEN_LIBEDIT $(LIBEDIT_CFLAGS)
p_repl_LDADD += $(LIBEDIT_LIBS)
endif

include $(top_srcdir)/dom0d/launch.mk
