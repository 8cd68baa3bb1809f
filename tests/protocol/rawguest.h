/*
 * rawguest.h - a p-dom0d of a test's own and raw guests on its local
 * socket: frames written and read by hand, as a hostile guest would.
 * Each test starts its daemon in a fresh directory (its log is dom0d.log
 * there) and waits for it by connecting, with a deadline.
 */
#ifndef PXEN_TESTS_RAWGUEST_H
#define PXEN_TESTS_RAWGUEST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "px_msgs.h"

struct rawd {
	pid_t pid;
	char dir[64];		/* made by rawd_start, removed by rawd_stop */
	char sock[128];		/* the --listen socket */
	char control[128];	/* the --control socket */
	char log[128];
};

/* Starts p-dom0d --foreground --no-xen --listen SOCK --control CONTROL and
 * the NULL-terminated extra arguments; a "@" in one stands for the test's
 * directory, which holds an empty directory root/ (for --fs @/root).  0
 * once the local socket accepts a connection (connect_wait.h), -1 if the
 * daemon exits first or CONNECT_WAIT_SECONDS pass. */
int rawd_start(struct rawd *d, const char *const *extra);
/* The same with RLIMIT_NOFILE (soft and hard) set to nofile first. */
int rawd_start_limited(struct rawd *d, const char *const *extra, unsigned nofile);
/* Stops the daemon (SIGTERM) and removes the directory. */
void rawd_stop(struct rawd *d);
/* 1 if the daemon's log holds the text what. */
int rawd_log_has(const struct rawd *d, const char *what);
/* How many lines of the log file at path hold the text what. */
int raw_log_count(const char *path, const char *what);

/* A blocking connection to the unix socket at path, or -1. */
int raw_connect(const char *path);
/* Writes one frame; 0, or -1. */
int raw_send(int fd, unsigned type, unsigned chan, uint32_t tag, const struct px_field *f);
/* Reads one frame within timeout_ms into buf (PX_MAX_FRAME bytes), decoded
 * by the schema of direction dir: 1, 0 on timeout, -1 when the daemon
 * closed the connection or sent something malformed. */
int raw_recv(int fd, int timeout_ms, struct px_hdr *h, struct px_field *f, uint8_t *buf, int dir);
/* HELLO claiming domid and name, asking for caps; the granted
 * capabilities from HELLO_R, or -1. */
long raw_hello(int fd, uint32_t domid, const char *name, uint32_t caps);
/* Sends one 9P request (tag) in a P9 frame and waits for a P9 reply: its
 * 9P type, with its fields in rf (pointing into buf, PX_MAX_FRAME bytes),
 * or 0. */
unsigned raw_p9(int fd, unsigned type, uint16_t tag, const struct px_field *f, struct px_field *rf,
		uint8_t *buf);
/* 1 if the daemon closed fd within timeout_ms (replies are discarded). */
int raw_closed(int fd, int timeout_ms);

#endif
