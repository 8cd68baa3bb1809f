/*
 * client.h - the pxen protocol client: the guest's side of PROTOCOL.md.
 *
 * It implements platform.h's streams, files, directories, TCP and
 * plat_strerror over a transport (transport.h), and offers the platform the
 * control services below.  Freestanding, single-threaded and synchronous:
 * one request is outstanding at a time, and while it waits the client keeps
 * taking in stream data, credit and INTERRUPT so neither side can stall.
 * The same objects link into the hosted `p` and the bare guest.
 *
 * The guest outlives p-dom0d: when the transport breaks, the client waits
 * for a new p-dom0d (transport_reconnect) the next time it needs one, says
 * HELLO again and carries on.  A request in flight then fails with
 * -PLAT_ELOST, unless it is safe to repeat (time, random bytes, window
 * size, EXIT); files, directories and sockets opened before are lost
 * (every use gives -PLAT_ELOST); stdin, stdout and stderr carry on.
 */
#ifndef PXEN_CLIENT_H
#define PXEN_CLIENT_H

#include <stddef.h>
#include <stdint.h>

enum { CLIENT_WANT_FILES = 1, CLIENT_WANT_NET = 2, CLIENT_WANT_REPL = 8 };

/* Says HELLO (domid and name identify the guest in dom0's logs) and waits
 * for HELLO_R.  Returns 0 or a negative PLAT_Exxx. */
int client_start(uint32_t domid, const char *name, uint32_t want);

/* Once per request: PLAT_INTR_USER for an INTERRUPT received from dom0,
 * or the kind posted by client_post_interrupt; else 0.  Looks at the
 * transport now and then without blocking, so it stays cheap to call often. */
int client_take_interrupt(void);
/* An interrupt of `kind` from elsewhere (the platform): taken like one from
 * dom0, and it ends a blocked stream read with -PLAT_EINTR. */
void client_post_interrupt(int kind);

/* Output to stdout and stderr is also handed to fn when dom0 has nowhere
 * to put it (HELLO_R without the stdio capability: no launcher, terminal
 * or REPL socket), so that a guest started by another toolstack still
 * shows it, e.g. on its console.  Set before client_start. */
void client_mirror_stdio(void (*fn)(const void *buf, size_t n));

/* Reports the exit status and waits until dom0 has written out all of the
 * guest's output (EXIT_R) or the transport is gone. */
void client_exit(int status);

/* Wall-clock time from dom0 in ns since 1970, or a negative PLAT_Exxx. */
int64_t client_wallclock_ns(void);

/* Fills buf with n random bytes from dom0; 0 or a negative PLAT_Exxx. */
int client_random(void *buf, size_t n);

/* The terminal's size (0, 0 when there is none); 0 or negative PLAT_Exxx. */
int client_winsize(int *rows, int *cols);

/* A line in dom0's log under the guest's name (level 0 error ... 3 debug). */
void client_log(int level, const char *msg);

#endif
