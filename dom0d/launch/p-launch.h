/*
 * p-launch.h - the parts of p-launch: creating and watching the guest
 * domain through libxl (p-launch-dom.c), talking to p-dom0d's launcher
 * control socket (p-launch-ctl.c, PROTOCOL.md section 7), and encoding the
 * guest's command line (p-launch-cmdline.c, format in
 * guest/kernel/cmdline.h).
 */
#ifndef PXEN_P_LAUNCH_H
#define PXEN_P_LAUNCH_H

#include <stddef.h>
#include <stdint.h>
#include "px_msgs.h"
#include "px_quota.h"

#define LAUNCH_MAX_RULES 32

struct launch_opts {
	const char *name;
	const char *kernel;
	const char *control;
	const char *fs;
	int read_only;
	const char *rules[LAUNCH_MAX_RULES];
	int nrules;
	uint64_t quota[PX_NQUOTAS];	/* by enum px_quota_id; 0: none */
	const char *env[LAUNCH_MAX_RULES];	/* NAME=VALUE for the program */
	int nenv;
	uint64_t mem_bytes;
	uint64_t heap_bytes;	/* 0: the guest's default (all RAM left) */
	int detach, repl, bootstats, crashtest, gc_stats;
	const char *prog;	/* path of the program file, NULL with --repl */
	int argc;		/* the program's argv: argv[0] = prog as given */
	char **argv;
};

/* Domain life (libxl). All return 0 or -1 after printing why. */
int dom_open(void);
int dom_create(const struct launch_opts *o, const char *cmdline, uint32_t *domid);
int dom_unpause(uint32_t domid);
enum { DOM_RUNNING, DOM_POWEROFF, DOM_CRASHED, DOM_OTHER_SHUTDOWN, DOM_GONE };
int dom_state(uint32_t domid);
void dom_destroy(uint32_t domid);
int dom_find(const char *name, uint32_t *domid);
/* A non-negative number the guest left under its xenstore home (e.g.
 * data/exit-status, data/boot-us), or -1. */
long dom_read_number(uint32_t domid, const char *key);

/* Launcher control socket. */
int ctl_send(int fd, unsigned type, uint32_t tag, const struct px_field *f,
	     const int *fds, int nfds);
/* Waits up to timeout_ms (-1: forever) for one frame: 1 and the decoded
 * fields, 0 on timeout, -1 when p-dom0d closed or sent garbage. */
int ctl_recv(int fd, int timeout_ms, struct px_hdr *h, struct px_field *f,
	     uint8_t *body, size_t cap);

/* Builds the guest command line; -1 if it would not fit in cap. */
int launch_cmdline(const struct launch_opts *o, char *out, size_t cap);

#endif
