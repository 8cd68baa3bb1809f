/*
 * test_slowdns.c - slow name lookups stall no one but the guest that
 * waits for them.  The test runs in a network of its own whose DNS server
 * (dnsstub.h) answers names starting with "slow" only after SLOW_MS:
 *   - a CONNECT that a rule naming a host must allow waits for that lookup
 *     while another guest's requests are answered at once, then connects;
 *     one the looked-up addresses do not allow is refused, and one whose
 *     socket is released meanwhile is aborted;
 *   - two guests that fill their budgets of lookups with slow names leave
 *     a third guest's RESOLVE answered at once.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "dnsstub.h"
#include "rawguest.h"
#include "tap.h"

#define SLOW_MS 3000
#define PROMPT_MS 1000	/* "at once", with room for a loaded machine */
#define BUDGET 16	/* lookups one guest may have in progress */

static uint8_t buf[PX_MAX_FRAME];
static struct px_field out[PX_MAX_FIELDS];
static struct px_hdr h;

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/* Waits for the reply to tag on the sockets channel: its type (out holds
 * its fields), or 0. */
static unsigned reply_to(int fd, uint32_t tag, int timeout_ms)
{
	long deadline = now_ms() + timeout_ms;

	while (now_ms() < deadline &&
	       raw_recv(fd, (int)(deadline - now_ms()), &h, out, buf, PX_D2G) == 1)
		if (h.tag == tag && (h.chan == PX_CH_SOCKETS || h.chan == PX_CH_CONTROL))
			return h.type;
	return 0;
}

static int guest(const struct rawd *d, const char *name)
{
	int fd = raw_connect(d->sock);

	if (fd >= 0 && raw_hello(fd, 0, name, PX_CAP_NET) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* A new socket's channel, or 0. */
static unsigned new_socket(int fd, uint32_t tag)
{
	struct px_field f[2] = { { .n = 4 }, { .n = 1 } };

	if (raw_send(fd, PX_SOCKET, PX_CH_SOCKETS, tag, f) < 0 ||
	    reply_to(fd, tag, 5000) != PX_SOCKET + PX_SOCK_REPLY)
		return 0;
	return (unsigned)out[0].n;
}

static int send_connect(int fd, uint32_t tag, unsigned chan, const char *ip, int port)
{
	uint8_t wire[PX_ADDR_LEN];
	struct px_addr a = { .family = 4, .port = (uint16_t)port };
	struct px_field f[2] = { { .n = chan }, { .p = wire, .len = PX_ADDR_LEN } };

	inet_pton(AF_INET, ip, a.ip);
	px_addr_encode(wire, &a);
	return raw_send(fd, PX_CONNECT, PX_CH_SOCKETS, tag, f);
}

static int send_resolve(int fd, uint32_t tag, const char *name)
{
	struct px_field f[2] = { { .p = (const uint8_t *)name, .len = (uint32_t)strlen(name) },
				 { .n = 80 } };

	return raw_send(fd, PX_RESOLVE, PX_CH_SOCKETS, tag, f);
}

/* Sends BUDGET + 1 slow lookups (tags from tag0); 1 if the last one is
 * refused for the budget at once. */
static int fill_budget(int fd, uint32_t tag0)
{
	uint32_t i;

	for (i = 0; i <= BUDGET; i++)
		if (send_resolve(fd, tag0 + i, "slow.pxen.test") < 0)
			return 0;
	return reply_to(fd, tag0 + BUDGET, PROMPT_MS) == PX_ERROR && out[0].n == EAGAIN;
}

/* How many of the BUDGET lookups from tag0 are answered with an address. */
static int answered(int fd, uint32_t tag0)
{
	long deadline = now_ms() + SLOW_MS + 10000;
	int n = 0, seen = 0;

	while (seen < BUDGET && now_ms() < deadline &&
	       raw_recv(fd, (int)(deadline - now_ms()), &h, out, buf, PX_D2G) == 1) {
		if (h.chan != PX_CH_SOCKETS || h.tag < tag0 || h.tag >= tag0 + BUDGET)
			continue;
		seen++;
		n += h.type == PX_RESOLVE + PX_SOCK_REPLY && out[0].n >= 1;
	}
	return n;
}

int main(void)
{
	char rule1[64], rule2[64];
	const char *extra[] = { "--net", rule1, "--net", rule2, "--net", "fast.pxen.test:80", NULL };
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t sl = sizeof sa;
	const char *why;
	unsigned c1, c2, c3;
	long t0, dt;
	int lfd, a, b, c, port, ok;
	struct rawd d;
	pid_t stub;

	if (dnsstub_isolate(&why) < 0) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	stub = dnsstub_start(SLOW_MS);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (stub < 0 || lfd < 0 || bind(lfd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
	    listen(lfd, 8) < 0 || getsockname(lfd, (struct sockaddr *)&sa, &sl) < 0) {
		tap_ok(0, "a DNS server on 127.0.0.1:53 and a TCP listener");
		return tap_done();
	}
	port = ntohs(sa.sin_port);
	snprintf(rule1, sizeof rule1, "slow.pxen.test:%d", port);
	snprintf(rule2, sizeof rule2, "slow-other.pxen.test:%d", port);
	if (rawd_start(&d, extra) < 0) {
		tap_ok(0, "p-dom0d starts");
		return tap_done();
	}
	a = guest(&d, "waits");
	b = guest(&d, "bystander");
	c = guest(&d, "denied");
	tap_ok(a >= 0 && b >= 0 && c >= 0, "three guests with rules naming slow hosts");

	c1 = new_socket(a, 1);
	c2 = new_socket(c, 2);
	c3 = new_socket(c, 3);
	t0 = now_ms();
	tap_ok(c1 && c2 && c3 && send_connect(a, 10, c1, "127.0.0.1", port) == 0 &&
	       send_connect(c, 11, c2, "127.0.0.2", port) == 0 &&
	       send_connect(c, 12, c3, "127.0.0.1", port) == 0,
	       "CONNECTs that only the slow hosts' addresses may allow");
	ok = raw_send(b, PX_TIME, PX_CH_CONTROL, 20, NULL) == 0 &&
	     reply_to(b, 20, PROMPT_MS) == PX_TIME_R;
	tap_ok(ok, "meanwhile another guest's TIME is answered at once (%ld ms)", now_ms() - t0);
	{
		struct px_field f = { .n = c3 };
		tap_ok(raw_send(c, PX_RELEASE, PX_CH_SOCKETS, 13, &f) == 0 &&
		       reply_to(c, 12, PROMPT_MS) == PX_ERROR && out[0].n == ECONNABORTED,
		       "releasing a socket aborts the CONNECT waiting for its lookup");
	}
	tap_ok(reply_to(a, 10, SLOW_MS + 10000) == PX_CONNECT + PX_SOCK_REPLY,
	       "the CONNECT is allowed once the host's address is known");
	dt = now_ms() - t0;
	tap_ok(dt >= SLOW_MS - 500, "after the lookup's %d ms (%ld ms)", SLOW_MS, dt);
	tap_ok(reply_to(c, 11, SLOW_MS + 10000) == PX_ERROR && out[0].n == EACCES,
	       "a CONNECT no looked-up address allows is refused");

	tap_ok(fill_budget(a, 100) && fill_budget(c, 200),
	       "two guests fill their budgets with slow lookups");
	t0 = now_ms();
	ok = send_resolve(b, 300, "fast.pxen.test") == 0 &&
	     reply_to(b, 300, PROMPT_MS) == PX_RESOLVE + PX_SOCK_REPLY && out[0].n >= 1;
	tap_ok(ok, "a third guest's RESOLVE is answered at once (%ld ms)", now_ms() - t0);
	tap_ok(answered(a, 100) == BUDGET && answered(c, 200) == BUDGET,
	       "the slow lookups are all answered in the end");
	tap_ok(raw_send(b, PX_TIME, PX_CH_CONTROL, 21, NULL) == 0 &&
	       reply_to(b, 21, 5000) == PX_TIME_R, "p-dom0d still serves");
	close(a);
	close(b);
	close(c);
	rawd_stop(&d);
	close(lfd);
	kill(stub, SIGKILL);
	waitpid(stub, NULL, 0);
	return tap_done();
}
