/*
 * connect_wait.c - connect to a unix socket, retrying until a deadline.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/wait.h>
#include <time.h>

#include "connect_wait.h"
#include "unix_sock.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* 1 if the child process pid has exited; it stays a zombie for its parent
 * to reap. */
static int exited(pid_t pid)
{
	siginfo_t info = { .si_pid = 0 };

	return waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
	       info.si_pid == pid;
}

int connect_wait(const char *path, double seconds, pid_t daemon)
{
	struct timespec pause = { .tv_nsec = 10 * 1000 * 1000 };
	double end = now() + seconds;
	int fd;

	/* ENOENT: not there yet; ECONNREFUSED: there but not listening yet. */
	while ((fd = unix_connect(path)) == -ENOENT || fd == -ECONNREFUSED) {
		if (daemon > 0 && exited(daemon))
			return -ESRCH;
		if (now() >= end)
			break;
		nanosleep(&pause, NULL);
	}
	return fd;
}
