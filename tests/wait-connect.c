/*
 * wait-connect - for shell tests that start a daemon: exits 0 once a
 * connection to its unix socket succeeds (and closes it), 1 when none did
 * within SECONDS.
 *
 *   wait-connect [--repl] SOCKET SECONDS
 *
 * --repl: SOCKET is a detached guest's REPL socket.  The daemon turns a
 * client away until the guest is up and while another is attached, and
 * notices that a client left only when it reads the end of its input; so
 * this waits until it is attached (not turned away) and then for the
 * daemon to hang up after our end of input, which leaves the socket free
 * for the next client.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "connect_wait.h"

static const char busy[] = "p-dom0d: another REPL client is attached";

/* 1 if the daemon attached us: after our end of input it hangs up without
 * having sent its busy notice.  Gives up waiting after `seconds`. */
static int repl_attached(int fd, double seconds)
{
	char head[sizeof busy - 1], rest[4096];
	struct pollfd p = { .fd = fd, .events = POLLIN };
	size_t got = 0;
	ssize_t r = 1;

	shutdown(fd, SHUT_WR);
	while (r > 0 && poll(&p, 1, (int)(seconds * 1000)) == 1) {
		if (got < sizeof head)
			r = read(fd, head + got, sizeof head - got);
		else
			r = read(fd, rest, sizeof rest);
		if (r > 0 && got < sizeof head)
			got += (size_t)r;
	}
	return got < sizeof head || memcmp(head, busy, sizeof head) != 0;
}

int main(int argc, char **argv)
{
	struct timespec pause = { .tv_nsec = 10 * 1000 * 1000 };
	int repl = argc > 1 && !strcmp(argv[1], "--repl");
	const char *path;
	double seconds;

	if (argc != 3 + repl) {
		fprintf(stderr, "usage: wait-connect [--repl] SOCKET SECONDS\n");
		return 2;
	}
	path = argv[1 + repl];
	seconds = atof(argv[2 + repl]);
	/* Each try takes at least 10 ms, so this many tries bound the wait. */
	for (long tries = (long)(seconds * 100) + 1; tries > 0; tries--) {
		int fd = connect_wait(path, seconds, 0), ok;
		if (fd < 0) {
			fprintf(stderr, "wait-connect: %s: %s\n", path, strerror(-fd));
			return 1;
		}
		ok = !repl || repl_attached(fd, seconds);
		close(fd);
		if (ok)
			return 0;
		nanosleep(&pause, NULL);
	}
	fprintf(stderr, "wait-connect: %s: the REPL stayed busy\n", path);
	return 1;
}
