/*
 * test_fdbudget.c - guests cannot take every descriptor p-dom0d has: with
 * RLIMIT_NOFILE at 200, a guest that asks for sockets without end gets
 * EMFILE while a reserve remains, so a new guest is still served; and when
 * connections use up even the reserve, the daemon stops watching its
 * listener instead of spinning on EMFILE, and accepts again once
 * descriptors are free.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "rawguest.h"
#include "tap.h"

static uint8_t buf[PX_MAX_FRAME];
static struct px_field out[PX_MAX_FIELDS];
static struct px_hdr h;

static unsigned call(int fd, unsigned type, unsigned chan, const struct px_field *f)
{
	static uint32_t tag;

	if (raw_send(fd, type, chan, ++tag, f) < 0)
		return 0;
	while (raw_recv(fd, 5000, &h, out, buf, PX_D2G) == 1)
		if (h.tag == tag)
			return h.type;
	return 0;
}

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

int main(void)
{
	static const char *const args[] = { "--net", "*:*", NULL };
	static int extra[400];
	struct px_field f[2] = { { .n = 4 }, { .n = 1 } };
	struct rawd d;
	int a, b, c, i, got = 0, refused = 0, nextra = 0;
	long t0, t1;

	if (rawd_start_limited(&d, args, 200) < 0) {
		tap_ok(0, "p-dom0d starts");
		return tap_done();
	}
	a = raw_connect(d.sock);
	tap_ok(a >= 0 && raw_hello(a, 1, "greedy", PX_CAP_NET) >= 0, "a guest connects");
	for (i = 0; i < 250; i++) {
		unsigned t = call(a, PX_SOCKET, PX_CH_SOCKETS, f);
		if (t == PX_SOCKET + PX_SOCK_REPLY)
			got++;
		else if (t == PX_ERROR && out[0].n == EMFILE)
			refused++;
	}
	printf("# %d sockets made, %d refused with EMFILE\n", got, refused);
	tap_ok(got > 50 && refused > 0 && got + refused == 250,
	       "it asks for 250 sockets: it gets some, then EMFILE");
	b = raw_connect(d.sock);
	tap_ok(b >= 0 && raw_hello(b, 2, "newcomer", 0) >= 0 && call(b, PX_TIME, 0, NULL) == PX_TIME_R,
	       "a new guest is still served from the reserve");

	/* Non-blocking: once the listen queue is full, connect fails. */
	for (i = 0; i < 300; i++) {
		struct sockaddr_un sa = { .sun_family = AF_UNIX };
		int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		snprintf(sa.sun_path, sizeof sa.sun_path, "%.100s", d.sock);
		if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
			if (fd >= 0)
				close(fd);
			break;
		}
		extra[nextra++] = fd;
	}
	usleep(300000);
	t0 = cpu_ticks(d.pid);
	sleep(1);
	t1 = cpu_ticks(d.pid);
	printf("# %d more connections; daemon used %ld ticks in a second\n", nextra, t1 - t0);
	tap_ok(t0 >= 0 && t1 - t0 < sysconf(_SC_CLK_TCK) / 5,
	       "with every descriptor gone, the daemon does not spin");
	tap_ok(rawd_log_has(&d, "out of descriptors"), "and says why it waits");
	close(a);
	for (i = 0; i < nextra; i++)
		close(extra[i]);
	usleep(200000);
	c = raw_connect(d.sock);
	tap_ok(c >= 0 && raw_hello(c, 3, "later", 0) >= 0, "once descriptors are free it accepts again");
	close(b);
	close(c);
	rawd_stop(&d);
	return tap_done();
}
