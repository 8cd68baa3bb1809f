/*
 * test_replfd.c - a REPL socket out of descriptors does not spin: p-dom0d
 * serves one raw guest (--guest-fd) detached to a REPL socket; its
 * RLIMIT_NOFILE is then lowered (prlimit, as ulimit -n would) to leave room
 * for one attached client only.  A second client cannot be accepted
 * (EMFILE): the daemon must stop watching the socket for a while rather
 * than be woken for that connection again and again, and take it once the
 * first client has gone.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "connect_wait.h"
#include "rawguest.h"
#include "tap.h"

/* The daemon's CPU time (user + system) in clock ticks, or -1. */
static long cpu_ticks(pid_t pid)
{
	char p[64], line[1024], *s;
	unsigned long ut, st;
	FILE *f;

	snprintf(p, sizeof p, "/proc/%d/stat", (int)pid);
	f = fopen(p, "r");
	if (!f || !fgets(line, sizeof line, f)) {
		if (f)
			fclose(f);
		return -1;
	}
	fclose(f);
	s = strrchr(line, ')');
	if (!s || sscanf(s + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (long)(ut + st);
}

static int open_fds(pid_t pid)
{
	char p[64];
	struct dirent *e;
	DIR *dir;
	int n = 0;

	snprintf(p, sizeof p, "/proc/%d/fd", (int)pid);
	dir = opendir(p);
	while (dir && (e = readdir(dir)))
		n += e->d_name[0] != '.';
	if (dir)
		closedir(dir);
	return dir ? n : -1;
}

/* 1 if the daemon accepts fd's connection and tells it another client is
 * attached. */
static int refused(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[128];

	return poll(&p, 1, 500) == 1 && read(fd, buf, sizeof buf) > 0;
}

int main(void)
{
	char dir[] = "/tmp/pxen-replfd-XXXXXX", sock[128], log[128], dom0d[256], cmd[160];
	const char *top = getenv("top_builddir");
	struct px_field credit = { .n = 1u << 20 };
	struct rlimit rl;
	int sv[2], c1, c2, n;
	long t0, t1;
	pid_t pid;

	if (!mkdtemp(dir) || socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return 99;
	snprintf(sock, sizeof sock, "%s/r.sock", dir);
	snprintf(log, sizeof log, "%s/dom0d.log", dir);
	snprintf(dom0d, sizeof dom0d, "%s/p-dom0d", top ? top : ".");
	pid = fork();
	if (pid == 0) {
		int lfd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(lfd, 2);
		dup2(sv[1], 3);
		execl(dom0d, "p-dom0d", "--verbose", "--guest-fd", "3", "--repl-socket", sock,
		      (char *)NULL);
		_exit(127);
	}
	close(sv[1]);
	/* Credit on stdin: dom0 reads the client, so it sees it leave. */
	tap_ok(pid > 0 && raw_hello(sv[0], 0, "detached", PX_CAP_STDIO) >= 0 &&
	       raw_send(sv[0], PX_CREDIT, PX_CH_STDIN, 0, &credit) == 0,
	       "p-dom0d serves a guest detached to a REPL socket");
	c1 = connect_wait(sock, CONNECT_WAIT_SECONDS, pid);
	tap_ok(c1 >= 0, "a first REPL client connects");
	for (n = 0; n < 100 && raw_log_count(log, "REPL client attached") < 1; n++)
		usleep(50000);
	tap_ok(n < 100, "and is attached");
	close(c1);
	for (n = 0; n < 100 && raw_log_count(log, "REPL client detached") < 1; n++)
		usleep(50000);

	/* Room for one client: its connection and the three copies of it
	 * that become the guest's stdin, stdout and stderr. */
	n = open_fds(pid);
	rl.rlim_cur = rl.rlim_max = (rlim_t)n + 4;
	tap_ok(n > 0 && prlimit(pid, RLIMIT_NOFILE, &rl, NULL) == 0,
	       "the daemon's RLIMIT_NOFILE is lowered to %d (%d open)", n + 4, n);
	c1 = connect_wait(sock, CONNECT_WAIT_SECONDS, pid);
	for (n = 0; n < 100 && raw_log_count(log, "REPL client attached") < 2; n++)
		usleep(50000);
	tap_ok(c1 >= 0 && n < 100, "a client attaches with the last descriptors");
	/* Counting open descriptors races with any the daemon opens for a
	 * moment; while it can still accept (and refuse) a second client,
	 * lower the limit by one more. */
	for (n = 0; n < 8; n++) {
		c2 = connect_wait(sock, CONNECT_WAIT_SECONDS, pid);
		if (c2 < 0 || !refused(c2))
			break;
		close(c2);
		rl.rlim_cur = --rl.rlim_max;
		prlimit(pid, RLIMIT_NOFILE, &rl, NULL);
	}
	tap_ok(c2 >= 0 && n < 8, "a second client's connection waits in the backlog");
	usleep(300000);
	t0 = cpu_ticks(pid);
	sleep(1);
	t1 = cpu_ticks(pid);
	printf("# the daemon used %ld ticks in a second\n", t1 - t0);
	tap_ok(t0 >= 0 && t1 - t0 < sysconf(_SC_CLK_TCK) / 5,
	       "unable to accept it, the daemon does not spin");
	tap_ok(raw_log_count(log, "out of descriptors") > 0, "and says why it waits");
	close(c1);
	for (n = 0; n < 100 && raw_log_count(log, "REPL client attached") < 3; n++)
		usleep(50000);
	tap_ok(n < 100, "once the first client has gone, the second is attached");
	close(c2);
	close(sv[0]);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return tap_done();
}
