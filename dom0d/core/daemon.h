/*
 * daemon.h - the one struct daemon created at the top of main: the event
 * loop, the listeners, every guest and registration.  No other mutable
 * state exists.
 */
#ifndef PXEN_DOM0D_DAEMON_H
#define PXEN_DOM0D_DAEMON_H

#include "core/loop.h"
#include "core/policy.h"

struct guest;
struct stream;
struct launch_reg;
struct lconn;
struct xen_watch;
struct guestconf;
struct resolver;

struct daemon {
	int ep;
	int use_syslog;
	int verbose;
	int single;		/* --guest-fd: exit when the last guest is gone */
	int quit;
	int stopping;		/* daemon_release runs: guests live on */
	struct policy local_pol;	/* for guests on the local socket */
	struct guest *guests;
	struct launch_reg *regs;	/* policies registered by launchers */
	struct stream *graveyard;	/* closed during this event batch */
	char run_dir[256];
	int nguests;
	struct watch local_l;	/* --listen socket, fd -1 when none */
	struct watch control_l;	/* launcher control socket, fd -1 when none */
	struct lconn *lconns;	/* open launcher connections */
	struct xen_watch *xen;	/* xenstore discovery, NULL without Xen */
	const char *single_repl;	/* --repl-socket: the one guest is detached */
	struct guestconf *conf;	/* --config: policies by xenstore name */
	const char *conf_path;	/* --config FILE, re-read on SIGHUP */
	struct resolver *resolver;	/* lookups in progress for RESOLVE */
	int fd_ceiling;		/* guests' descriptors stay below (fdbudget.h) */
	long accept_paused_ms;	/* listeners unwatched for want of descriptors
				 * since then (CLOCK_MONOTONIC), or 0 */
};

/* Releases every guest, registration, connection and listener. */
void daemon_release(struct daemon *d);

#endif
