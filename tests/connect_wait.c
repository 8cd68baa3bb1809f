/*
 * connect_wait.c - connect to a unix socket, retrying until a deadline.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <time.h>

#include "connect_wait.h"
#include "unix_sock.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int connect_wait(const char *path, double seconds)
{
	struct timespec pause = { .tv_nsec = 10 * 1000 * 1000 };
	double end = now() + seconds;
	int fd;

	/* ENOENT: not there yet; ECONNREFUSED: there but not listening yet. */
	while ((fd = unix_connect(path)) == -ENOENT || fd == -ECONNREFUSED) {
		if (now() >= end)
			break;
		nanosleep(&pause, NULL);
	}
	return fd;
}
