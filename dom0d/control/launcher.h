/*
 * launcher.h - the launcher control socket (PROTOCOL.md §7): p-launch
 * registers guests' policies and stdio, lists and stops guests, and hears
 * when they exit.
 */
#ifndef PXEN_DOM0D_LAUNCHER_H
#define PXEN_DOM0D_LAUNCHER_H

#include <stdint.h>
#include <sys/types.h>

#include "core/policy.h"

struct daemon;
struct guest;

/* A policy registered for a domid, waiting for or serving its guest. */
struct launch_reg {
	struct launch_reg *next;
	uint32_t domid;
	char name[64];
	struct policy pol;
	int flags;
	uid_t owner;
	int fds[3];
	int conn_fd;	/* the control connection that registered it */
	int repl_fd;	/* detached: the REPL socket's listener, else -1 */
	char repl_path[108];
	uint64_t since_ms;	/* registered at, guest_now_ms */
	int suspended;	/* its guest suspended (xl save, migrate): kept for the
			 * domain that resumes it, found by name */
};

/* Listens on path (mode 0600) and takes back the registrations that an
 * earlier p-dom0d recorded in the same directory; returns 0 or -errno. */
int launcher_listen(struct daemon *d, const char *path);
/* The registration for domid, or NULL. */
struct launch_reg *launcher_find(struct daemon *d, uint32_t domid);
/* The registration of a suspended guest called name, now domain domid
 * (restored or migrated), moved to domid; or NULL. */
struct launch_reg *launcher_resumed(struct daemon *d, uint32_t domid, const char *name);
/* Hands a registration's stdio and control connection to its guest. */
void launcher_adopt(struct launch_reg *r, struct guest *g);
/* Closes the control socket and its connections, forgets registrations. */
void launcher_release(struct daemon *d);
/* g's connection ended without EXIT.  If its domain lives on and merely
 * hung up (a p-dom0d restart it noticed, a suspend), or p-dom0d is
 * stopping, the registration stays for its next connection; otherwise
 * launcher_guest_gone. */
void launcher_guest_lost(struct daemon *d, struct guest *g);
/* Forgets the registrations of domains for which exists() says 0. */
void launcher_drop_vanished(struct daemon *d, int (*exists)(struct daemon *, unsigned));
/* Tells the registering launcher that g exited (status) or vanished. */
void launcher_guest_gone(struct daemon *d, struct guest *g, int status, const char *reason);

#endif
