/*
 * dnsstub.h - a network of the test's own whose names resolve through a
 * DNS server of the test's own, so a test can make lookups slow without
 * touching the daemon: dnsstub_isolate moves the test (and every process it
 * starts later) into new user, mount and network namespaces, brings up the
 * loopback interface and bind-mounts over /etc/resolv.conf a file that
 * names 127.0.0.1; dnsstub_start serves DNS there from a child process.
 */
#ifndef PXEN_TESTS_DNSSTUB_H
#define PXEN_TESTS_DNSSTUB_H

#include <sys/types.h>

/* 0, or -1 with a reason in why (no unprivileged namespaces here: the
 * caller skips). */
int dnsstub_isolate(const char **why);
/* Answers every A query with 127.0.0.1 and every other query with no
 * address; names whose first label starts with "slow" only after
 * delay_ms.  The server's pid (it dies with the caller), or -1. */
pid_t dnsstub_start(int delay_ms);

#endif
