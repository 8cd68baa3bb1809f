/*
 * test_hostile.c - hostile clients against one p-dom0d: garbage bytes, an
 * oversized length, an unknown type, frames before HELLO, DATA where it may
 * not go, a request flood
 * from a guest that never reads, and a half frame followed by a hang-up.
 * Each must be disconnected with a logged reason, while a well-behaved
 * guest on the same daemon keeps being served and the daemon stays up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "connect_wait.h"
#include "host.h"
#include "p9.h"
#include "platform.h"
#include "px_msgs.h"
#include "tap.h"

static char dir[64], sock[100], logfile[192];

/* The daemon is up by then: one try. */
static int raw_connect(void)
{
	return connect_wait(sock, 0, 0);
}

/* 1 if the daemon closed fd within two seconds. */
static int closed_by_daemon(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[4096];

	for (int i = 0; i < 200; i++) {
		if (poll(&p, 1, 10) > 0) {
			ssize_t r = read(fd, buf, sizeof buf);
			if (r == 0 || (r < 0 && errno == ECONNRESET))
				return 1;
		}
	}
	return 0;
}

static void send_frame(int fd, unsigned type, unsigned chan, const struct px_field *f)
{
	uint8_t buf[PX_MAX_FRAME];
	long n = px_frame(buf, sizeof buf, type, chan, 1, f);

	if (n > 0 && write(fd, buf, (size_t)n) != n)
		perror("write");
}

static int hello(int fd)
{
	struct px_field f[5] = { { .n = 1 }, { .n = PX_MAX_FRAME }, { .n = 0 },
				 { .p = (const uint8_t *)"hostile", .len = 7 }, { .n = 1 } };

	send_frame(fd, PX_HELLO, 0, f);
	return 0;
}

static int log_has(const char *what)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd, "grep -q '%s' '%s'", what, logfile);
	return system(cmd) == 0;
}

/* The daemon's resident set, as /proc shows it. */
static const char *rss(pid_t pid, char *buf, size_t cap)
{
	char p[64];
	FILE *f;

	snprintf(p, sizeof p, "/proc/%d/status", (int)pid);
	snprintf(buf, cap, "RSS unknown");
	f = fopen(p, "r");
	if (!f)
		return buf;
	while (fgets(buf, (int)cap, f))
		if (!strncmp(buf, "VmRSS:", 6)) {
			buf[strcspn(buf, "\n")] = 0;
			break;
		}
	fclose(f);
	return buf;
}

/* How many descriptors the daemon holds. */
static int nfds(pid_t pid)
{
	char cmd[96], buf[32];
	FILE *f;
	int n = -1;

	snprintf(cmd, sizeof cmd, "ls /proc/%d/fd | wc -l", (int)pid);
	f = popen(cmd, "r");
	if (f && fgets(buf, sizeof buf, f))
		n = atoi(buf);
	if (f)
		pclose(f);
	return n;
}

static int good_guest_ok(void)
{
	char buf[64];
	int h = plat_open("f.txt", PLAT_O_READ);
	long n = h >= 0 ? plat_read(h, buf, sizeof buf) : -1;

	if (h >= 0)
		plat_close(h);
	return n == 3 && !memcmp(buf, "ok\n", 3);
}

int main(int argc, char **argv)
{
	struct host_config cfg = { .heap_limit = 64 << 20, .argc = 1, .argv = argv };
	char dom0d[256], root[192], path[256];
	uint8_t junk[256];
	pid_t pid;
	int fd, i, logfd, fds_before;

	(void)argc;
	snprintf(dir, sizeof dir, "/tmp/pxen-hostile-XXXXXX");
	if (!mkdtemp(dir))
		return 99;
	snprintf(sock, sizeof sock, "%s/guests.sock", dir);
	snprintf(logfile, sizeof logfile, "%s/dom0d.log", dir);
	snprintf(root, sizeof root, "%s/root", dir);
	mkdir(root, 0755);
	snprintf(path, sizeof path, "%s/f.txt", root);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || write(fd, "ok\n", 3) != 3)
		return 99;
	close(fd);
	snprintf(dom0d, sizeof dom0d, "%s/p-dom0d", getenv("top_builddir") ? getenv("top_builddir") : ".");
	pid = fork();
	if (pid == 0) {
		logfd = open(logfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(logfd, 2);
		execl(dom0d, "p-dom0d", "--foreground", "--no-xen", "--listen", sock, "--fs", root,
		      (char *)NULL);
		_exit(127);
	}
	fd = connect_wait(sock, CONNECT_WAIT_SECONDS, pid);
	if (fd >= 0)
		close(fd);
	cfg.connect_path = sock;
	tap_ok(host_setup(&cfg) == 0, "a well-behaved guest connects");
	tap_ok(good_guest_ok(), "and reads a file");
	fds_before = nfds(pid);

	fd = raw_connect();
	for (i = 0; i < (int)sizeof junk; i++)
		junk[i] = (uint8_t)(i * 37 + 11);
	tap_ok(fd >= 0 && write(fd, junk, sizeof junk) > 0 && closed_by_daemon(fd),
	       "garbage bytes: disconnected");
	close(fd);

	fd = raw_connect();
	hello(fd);
	{
		uint8_t h[PX_HDR];
		struct px_hdr hd = { .size = 0x7fffffff, .type = PX_TIME, .chan = 0, .tag = 2 };
		px_hdr_encode(h, &hd);
		tap_ok(write(fd, h, sizeof h) == sizeof h && closed_by_daemon(fd),
		       "oversized length: disconnected");
	}
	close(fd);

	fd = raw_connect();
	hello(fd);
	send_frame(fd, PX_TIME, 0, NULL);
	{
		uint8_t h[PX_HDR];
		struct px_hdr hd = { .size = PX_HDR, .type = 0x5a, .chan = 0, .tag = 3 };
		px_hdr_encode(h, &hd);
		tap_ok(write(fd, h, sizeof h) == sizeof h && closed_by_daemon(fd),
		       "unknown type: disconnected");
	}
	close(fd);

	fd = raw_connect();
	send_frame(fd, PX_TIME, 0, NULL);
	tap_ok(closed_by_daemon(fd), "a request before HELLO: disconnected");
	close(fd);

	fd = raw_connect();
	hello(fd);
	{
		struct px_field d = { .p = junk, .len = 100 };
		send_frame(fd, PX_DATA, PX_CH_STDIN, &d);
		tap_ok(closed_by_daemon(fd), "DATA on the daemon's own stdin stream: disconnected");
	}
	close(fd);

	fd = raw_connect();
	hello(fd);
	{
		struct px_field d = { .p = junk, .len = 10 };
		send_frame(fd, PX_DATA, 300, &d);
		tap_ok(closed_by_daemon(fd), "DATA for a stream that does not exist: disconnected");
	}
	close(fd);

	fd = raw_connect();
	hello(fd);
	{
		/* A flood of requests while never reading replies: the daemon must
		 * stop reading (bounded memory), not die. */
		static uint8_t frames[1000 * PX_HDR];
		struct px_hdr hd = { .size = PX_HDR, .type = PX_TIME, .chan = 0, .tag = 9 };
		struct pollfd p = { .fd = fd, .events = POLLOUT };
		long sent = 0;
		for (i = 0; i < 1000; i++)
			px_hdr_encode(frames + i * PX_HDR, &hd);
		fcntl(fd, F_SETFL, O_NONBLOCK);
		/* Until the daemon stops taking them (its reply queue is full). */
		while (poll(&p, 1, 500) == 1) {
			ssize_t w = write(fd, frames, sizeof frames);
			if (w <= 0)
				break;
			sent += w / PX_HDR;
		}
		printf("# flood: %ld requests taken before the daemon stopped reading; daemon %s\n",
		       sent, rss(pid, path, sizeof path));
		tap_ok(kill(pid, 0) == 0, "a request flood does not kill the daemon");
		tap_ok(good_guest_ok(), "the good guest is served during the flood");
	}
	close(fd);

	fd = raw_connect();
	hello(fd);
	{
		uint8_t h[PX_HDR + 4];
		struct px_hdr hd = { .size = 200, .type = PX_LOG, .chan = 0, .tag = 0 };
		px_hdr_encode(h, &hd);
		tap_ok(write(fd, h, sizeof h) == sizeof h, "half a frame, then hang up");
	}
	close(fd);

	for (i = 0; i < 50; i++) {
		fd = raw_connect();
		if (fd >= 0)
			close(fd);
	}
	usleep(100000);
	tap_ok(kill(pid, 0) == 0 && good_guest_ok(), "after all that, the daemon serves the good guest");
	tap_ok(nfds(pid) == fds_before, "the hostile guests left no descriptor behind");
	tap_ok(log_has("frame length") && log_has("unknown message type") &&
	       log_has("first message is not HELLO") &&
	       log_has("stream that does not exist"),
	       "each disconnection was logged with its reason");
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	if (system(path) != 0)
		return 99;
	return tap_done();
}
