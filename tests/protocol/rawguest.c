/*
 * rawguest.c - see rawguest.h.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "connect_wait.h"
#include "p9.h"
#include "rawguest.h"

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

int raw_connect(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int rawd_start(struct rawd *d, const char *const *extra)
{
	return rawd_start_limited(d, extra, 0);
}

int rawd_start_limited(struct rawd *d, const char *const *extra, unsigned nofile)
{
	const char *args[40] = { "p-dom0d", "--foreground", "--no-xen", "--listen", d->sock,
				 "--control", d->control };
	static char expanded[32][256];
	char dom0d[256];
	const char *top = getenv("top_builddir");
	int n = 7, i, fd;

	snprintf(d->dir, sizeof d->dir, "/tmp/pxen-raw-XXXXXX");
	if (!mkdtemp(d->dir))
		return -1;
	snprintf(d->sock, sizeof d->sock, "%s/root", d->dir);
	if (mkdir(d->sock, 0755) < 0)
		return -1;
	snprintf(d->sock, sizeof d->sock, "%s/guests.sock", d->dir);
	snprintf(d->control, sizeof d->control, "%s/control.sock", d->dir);
	snprintf(d->log, sizeof d->log, "%s/dom0d.log", d->dir);
	for (i = 0; extra && extra[i] && n < 39 && i < 32; i++) {
		const char *at = strchr(extra[i], '@');
		if (at)
			snprintf(expanded[i], sizeof expanded[i], "%.*s%s%s", (int)(at - extra[i]),
				 extra[i], d->dir, at + 1);
		else
			snprintf(expanded[i], sizeof expanded[i], "%s", extra[i]);
		args[n++] = expanded[i];
	}
	args[n] = NULL;
	snprintf(dom0d, sizeof dom0d, "%s/p-dom0d", top ? top : ".");
	d->pid = fork();
	if (d->pid < 0)
		return -1;
	if (d->pid == 0) {
		int lfd = open(d->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		struct rlimit rl = { nofile, nofile };
		if (lfd >= 0)
			dup2(lfd, 2);
		if (nofile && setrlimit(RLIMIT_NOFILE, &rl) < 0)
			_exit(126);
		execv(dom0d, (char *const *)(uintptr_t)args);
		_exit(127);
	}
	fd = connect_wait(d->sock, CONNECT_WAIT_SECONDS, d->pid);
	if (fd >= 0) {
		close(fd);
		return 0;
	}
	if (fd == -ESRCH) {
		waitpid(d->pid, NULL, 0);
		d->pid = -1;
	}
	return -1;
}

void rawd_stop(struct rawd *d)
{
	char cmd[128];

	if (d->pid > 0) {
		kill(d->pid, SIGTERM);
		waitpid(d->pid, NULL, 0);
		d->pid = -1;
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", d->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", d->dir);
}

int raw_log_count(const char *log, const char *what)
{
	char line[1024];
	FILE *f = fopen(log, "r");
	int n = 0;

	while (f && fgets(line, sizeof line, f))
		n += strstr(line, what) != NULL;
	if (f)
		fclose(f);
	return n;
}

int rawd_log_has(const struct rawd *d, const char *what)
{
	return raw_log_count(d->log, what) > 0;
}

int raw_send(int fd, unsigned type, unsigned chan, uint32_t tag, const struct px_field *f)
{
	static uint8_t buf[PX_MAX_FRAME];
	long n = px_frame(buf, sizeof buf, type, chan, tag, f);

	return n > 0 && send(fd, buf, (size_t)n, MSG_NOSIGNAL) == n ? 0 : -1;
}

int raw_recv(int fd, int timeout_ms, struct px_hdr *h, struct px_field *f, uint8_t *buf, int dir)
{
	long deadline = now_ms() + timeout_ms;
	size_t got = 0, want = PX_HDR;
	const char *why;

	while (got < want) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		long left = deadline - now_ms();
		ssize_t r;
		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			return 0;
		r = recv(fd, buf + got, want - got, 0);
		if (r <= 0)
			return -1;
		got += (size_t)r;
		if (got == PX_HDR) {
			if (px_hdr_decode(buf, PX_MAX_FRAME, h) < 0)
				return -1;
			want = h->size;
		}
	}
	return px_check(h, buf + PX_HDR, (unsigned)dir, f, &why) < 0 ? -1 : 1;
}

long raw_hello(int fd, uint32_t domid, const char *name, uint32_t caps)
{
	static uint8_t buf[PX_MAX_FRAME];
	struct px_field f[PX_MAX_FIELDS] = { { .n = PX_VERSION }, { .n = PX_MAX_FRAME }, { .n = domid },
					      { .p = (const uint8_t *)name, .len = (uint32_t)strlen(name) },
					      { .n = caps } };
	struct px_hdr h;

	if (raw_send(fd, PX_HELLO, 0, 0, f) < 0)
		return -1;
	while (raw_recv(fd, 5000, &h, f, buf, PX_D2G) == 1)
		if (h.type == PX_HELLO_R)
			return (long)f[2].n;
	return -1;
}

unsigned raw_p9(int fd, unsigned type, uint16_t tag, const struct px_field *f, struct px_field *rf,
		uint8_t *buf)
{
	uint8_t msg[1024];
	struct px_field pf, out[PX_MAX_FIELDS];
	struct px_hdr h;
	long n = p9_encode(msg, sizeof msg, type, tag, f);
	unsigned rtype;
	uint16_t rtag;

	pf.p = msg;
	pf.len = (uint32_t)n;
	if (n < 0 || raw_send(fd, PX_P9, PX_CH_FILES, 0, &pf) < 0)
		return 0;
	while (raw_recv(fd, 5000, &h, out, buf, PX_D2G) == 1)
		if (h.type == PX_P9 && p9_decode(out[0].p, out[0].len, &rtype, &rtag, rf) == 0)
			return rtype;
	return 0;
}

int raw_closed(int fd, int timeout_ms)
{
	long deadline = now_ms() + timeout_ms;
	char buf[4096];

	while (now_ms() < deadline) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, 10) > 0) {
			ssize_t r = read(fd, buf, sizeof buf);
			if (r == 0 || (r < 0 && errno == ECONNRESET))
				return 1;
		}
	}
	return 0;
}
