/*
 * fairness.c - benchmark (not a timed test): the latency a light guest sees
 * while two other guests flood p-dom0d with 64 KiB Tread requests, reading
 * their replies as fast as they come.  The light guest sends one TIME
 * request at a time, every 5 ms; prints p50, p99 and the maximum.  With
 * "time" the floods are TIME requests instead (small replies, many).
 *
 * usage: top_builddir=BUILD fairness [seconds [time]]
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "p9.h"
#include "rawguest.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One P9 frame holding a 9P request; its length, or -1. */
static long p9_frame(uint8_t *out, size_t cap, unsigned type, uint16_t tag, const struct px_field *f)
{
	uint8_t msg[256];
	struct px_field pf;
	long n = p9_encode(msg, sizeof msg, type, tag, f);

	pf.p = msg;
	pf.len = (uint32_t)n;
	return n < 0 ? -1 : px_frame(out, cap, PX_P9, PX_CH_FILES, 0, &pf);
}

/* Sends a request and waits for a P9 reply. */
static int p9_call(int fd, unsigned type, const struct px_field *f)
{
	static uint8_t buf[PX_MAX_FRAME];
	struct px_field out[PX_MAX_FIELDS];
	uint8_t frame[512];
	struct px_hdr h;
	long n = p9_frame(frame, sizeof frame, type, 1, f);

	if (n < 0 || send(fd, frame, (size_t)n, MSG_NOSIGNAL) != n)
		return -1;
	while (raw_recv(fd, 10000, &h, out, buf, PX_D2G) == 1)
		if (h.type == PX_P9)
			return 0;
	return -1;
}

/* A guest that floods until killed: Treads of 64 KiB as fast as the
 * daemon takes them, every reply read and dropped. */
static void flood(const char *sock, int small)
{
	static uint8_t reqs[256 * 64], junk[1 << 16];
	struct px_field f[5];
	uint8_t names[8];
	long len = 0, off = 0;
	int fd = raw_connect(sock), i;

	if (fd < 0 || raw_hello(fd, 9, "flood", PX_CAP_FILES) < 0)
		_exit(1);
	memset(f, 0, sizeof f);
	f[0].n = PX_MAX_FRAME;
	f[1].p = (const uint8_t *)"9P2000.L";
	f[1].len = 8;
	p9_call(fd, P9_TVERSION, f);
	memset(f, 0, sizeof f);
	f[0].n = 1;
	f[1].n = P9_NOFID;
	p9_call(fd, P9_TATTACH, f);
	px_put16(names, 3);
	memcpy(names + 2, "big", 3);
	memset(f, 0, sizeof f);
	f[0].n = 1;
	f[1].n = 2;
	f[2].n = 1;
	f[2].p = names;
	f[2].len = 5;
	p9_call(fd, P9_TWALK, f);
	memset(f, 0, sizeof f);
	f[0].n = 2;
	p9_call(fd, P9_TLOPEN, f);
	for (i = 0; i < 256; i++) {
		struct px_field rf[3] = { { .n = 2 }, { .n = 0 }, { .n = PX_MAX_FRAME } };
		len += small ? px_frame(reqs + len, sizeof reqs - (size_t)len, PX_TIME, 0, 1, NULL) :
			       p9_frame(reqs + len, sizeof reqs - (size_t)len, P9_TREAD, (uint16_t)i, rf);
	}
	fcntl(fd, F_SETFL, O_NONBLOCK);
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN | POLLOUT };
		ssize_t w;
		if (poll(&p, 1, 1000) < 0)
			_exit(1);
		if (p.revents & POLLIN && recv(fd, junk, sizeof junk, 0) == 0)
			_exit(0);
		if (p.revents & POLLOUT) {
			w = send(fd, reqs + off, (size_t)(len - off), MSG_NOSIGNAL);
			if (w > 0)
				off = (off + w) % len;
		}
	}
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static const char *const args[] = { "--fs", "@/root", NULL };
	static uint8_t buf[PX_MAX_FRAME];
	static double lat[100000];
	double secs = argc > 1 ? atof(argv[1]) : 5, end;
	struct px_field out[PX_MAX_FIELDS];
	struct px_hdr h;
	struct rawd d;
	char path[192];
	pid_t kids[2];
	int fd, file, i, n = 0;

	if (rawd_start(&d, args) < 0) {
		fprintf(stderr, "fairness: p-dom0d does not start (set top_builddir)\n");
		return 1;
	}
	snprintf(path, sizeof path, "%s/root/big", d.dir);
	file = open(path, O_WRONLY | O_CREAT, 0644);
	if (file < 0 || ftruncate(file, 1 << 20) < 0)
		return 1;
	close(file);
	for (i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] == 0)
			flood(d.sock, argc > 2 && !strcmp(argv[2], "time"));
	}
	fd = raw_connect(d.sock);
	if (fd < 0 || raw_hello(fd, 1, "light", 0) < 0)
		return 1;
	usleep(500000);
	for (end = now() + secs; now() < end && n < 100000; usleep(5000)) {
		double t0 = now();
		if (raw_send(fd, PX_TIME, 0, 5, NULL) < 0)
			break;
		while (raw_recv(fd, 10000, &h, out, buf, PX_D2G) == 1 && h.tag != 5)
			;
		lat[n++] = (now() - t0) * 1000;
	}
	for (i = 0; i < 2; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], NULL, 0);
	}
	close(fd);
	rawd_stop(&d);
	if (!n)
		return 1;
	qsort(lat, (size_t)n, sizeof *lat, cmp);
	printf("light guest, 2 guests flooding with %s: %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
	       argc > 2 && !strcmp(argv[2], "time") ? "TIME" : "Tread", n, lat[n / 2], lat[n * 99 / 100], lat[n - 1]);
	return 0;
}
