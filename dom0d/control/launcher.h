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
};

/* Listens on path (mode 0600); returns 0 or -errno. */
int launcher_listen(struct daemon *d, const char *path);
/* The registration for domid, or NULL. */
struct launch_reg *launcher_find(struct daemon *d, uint32_t domid);
/* Hands a registration's stdio and control connection to its guest. */
void launcher_adopt(struct launch_reg *r, struct guest *g);
/* Closes the control socket and its connections, forgets registrations. */
void launcher_release(struct daemon *d);
/* Tells the registering launcher that g exited (status) or vanished. */
void launcher_guest_gone(struct daemon *d, struct guest *g, int status, const char *reason);

#endif
