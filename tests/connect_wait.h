/*
 * connect_wait.h - waiting for a daemon (p-dom0d) to accept connections.
 *
 * The daemon creates its socket file at bind() and accepts only after
 * listen(), so a file that exists proves nothing: a test waits for a
 * connection that succeeds, with a deadline.
 */
#ifndef PXEN_TESTS_CONNECT_WAIT_H
#define PXEN_TESTS_CONNECT_WAIT_H

#include <sys/types.h>

/* unix_connect() to path, tried again every 10 ms while the file is
 * missing or nobody listens yet, until `seconds` have passed or the child
 * process daemon (if > 0; it is not reaped) has exited.  Returns the
 * connected fd, -ESRCH if the daemon exited, or -errno of the last try. */
int connect_wait(const char *path, double seconds, pid_t daemon);

/* The seconds a test gives a daemon it started: generous, since waiting
 * ends as soon as the daemon accepts. */
#define CONNECT_WAIT_SECONDS 30.0

#endif
