# dom0d: p-dom0d, the daemon, in parts: core/ (the daemon, its event loop,
# guests, policies), transport/ (local socket, vchan), services/ (files,
# streams, sockets, name lookups, REPL sockets) and control/ (a guest's
# control channel, the launcher control socket).  p-repl is built from
# repl-client/ here; p-launch comes from launch/launch.mk.
sbin_PROGRAMS += p-dom0d
P_DOM0D_CORE = dom0d/core/daemon.h dom0d/core/bq.h dom0d/core/bq.c dom0d/core/dlog.h \
	dom0d/core/dlog.c dom0d/core/loop.h dom0d/core/loop.c dom0d/core/guest.h dom0d/core/guest.c \
	dom0d/core/policy.h dom0d/core/policy.c dom0d/core/guestconf.h dom0d/core/guestconf.c \
	dom0d/core/ratelimit.h dom0d/core/ratelimit.c dom0d/core/fdbudget.h dom0d/core/fdbudget.c
P_DOM0D_TRANSPORT = dom0d/transport/local_tp.h dom0d/transport/local_tp.c \
	dom0d/transport/xen_tp.h
P_DOM0D_SERVICES = dom0d/services/fs9p.h dom0d/services/fs9p.c dom0d/services/stream.h \
	dom0d/services/stream.c dom0d/services/net.h dom0d/services/net.c \
	dom0d/services/resolve.h dom0d/services/resolve.c dom0d/services/repl.h dom0d/services/repl.c
P_DOM0D_CONTROL = dom0d/control/ctl.h dom0d/control/ctl.c dom0d/control/launcher.h \
	dom0d/control/launcher.c
p_dom0d_SOURCES = dom0d/main.c $(P_DOM0D_CORE) $(P_DOM0D_TRANSPORT) $(P_DOM0D_SERVICES) \
	$(P_DOM0D_CONTROL)
p_dom0d_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/dom0d
p_dom0d_LDFLAGS = -no-pie $(AM_LDFLAGS)
p_dom0d_LDADD = libpunixsock.a libprotocol.a
if HAVE_XEN
p_dom0d_SOURCES += dom0d/transport/xen_tp.c
p_dom0d_CPPFLAGS += -DPXEN_XEN
p_dom0d_LDADD += -lxenvchan -lxenstore
endif

# The systemd unit and the user it runs as.  `make install` as root (and
# without DESTDIR) also makes that user, so the unit can start at once.
systemdunitdir = $(prefix)/lib/systemd/system
dist_systemdunit_DATA = dom0d/p-dom0d.service
sysusersdir = $(prefix)/lib/sysusers.d
sysusers_DATA = pxen.conf
pxen.conf: $(top_srcdir)/dom0d/pxen-sysusers.conf
	$(AM_V_GEN)cp $(top_srcdir)/dom0d/pxen-sysusers.conf $@
CLEANFILES += pxen.conf
EXTRA_DIST += dom0d/pxen-sysusers.conf
install-data-hook:
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && ! id pxen >/dev/null 2>&1; then \
		if command -v systemd-sysusers >/dev/null; then \
			systemd-sysusers $(DESTDIR)$(sysusersdir)/pxen.conf; \
		else \
			useradd --system --home-dir /srv/pxen --shell /usr/sbin/nologin pxen; \
		fi; \
	fi
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && id pxen >/dev/null 2>&1; then \
		mkdir -p /srv/pxen && chown pxen:pxen /srv/pxen && chmod 0750 /srv/pxen; \
	fi

# libpreplclient.a: the terminal side of a REPL (line editing, relaying a
# REPL stream, attaching to a REPL socket), which p-repl, p-launch and the
# hosted p link; p-repl attaches to a detached guest's REPL.
noinst_LIBRARIES += libpreplclient.a
libpreplclient_a_SOURCES = dom0d/repl-client/repl_client.h dom0d/repl-client/repl_client.c \
	dom0d/repl-client/repl_relay.h dom0d/repl-client/repl_relay.c \
	dom0d/repl-client/term_edit.h dom0d/repl-client/term_edit.c \
	dom0d/repl-client/form_scan.h dom0d/repl-client/form_scan.c
libpreplclient_a_CPPFLAGS = $(AM_CPPFLAGS)
bin_PROGRAMS += p-repl
p_repl_SOURCES = dom0d/repl-client/p-repl.c
p_repl_LDADD = libpreplclient.a libpunixsock.a
if HAVE_LIBEDIT
libpreplclient_a_CPPFLAGS += -DPXEN_LIBEDIT $(LIBEDIT_CFLAGS)
p_repl_LDADD += $(LIBEDIT_LIBS)
endif

include $(top_srcdir)/dom0d/launch/launch.mk
