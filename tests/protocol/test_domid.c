/*
 * test_domid.c - a client on p-dom0d's local socket cannot pass for a Xen
 * domain: whatever domid and name its HELLO claims, the launcher never
 * lists it as that domain, never sends it the domain's INTERRUPT or STOP,
 * and its leaving does not remove the domain's registration or REPL socket.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rawguest.h"
#include "tap.h"

static uint8_t buf[PX_MAX_FRAME];
static struct px_field out[PX_MAX_FIELDS];
static struct px_hdr h;

/* One launcher request and its reply (into h, out); 1 on a reply. */
static int request(int ctl, unsigned type, uint32_t tag, const struct px_field *f)
{
	return raw_send(ctl, type, 0, tag, f) == 0 && raw_recv(ctl, 5000, &h, out, buf, PX_D2L) == 1 &&
	       h.tag == tag;
}

/* 1 if LIST has the line `line`. */
/* 1 if LIST has a row beginning with "domid name state" as given (the
 * uptime, memory and heap columns follow). */
static int listed(int ctl, const char *line)
{
	const uint8_t *s;
	uint32_t pos = 0, len;
	size_t n = strlen(line);

	if (!request(ctl, PX_L_LIST, 50, NULL) || h.type != PX_L_LIST_R)
		return 0;
	while ((s = px_next(&out[0], 'S', &pos, &len)))
		if (len > n && !memcmp(s, line, n) && s[n] == ' ')
			return 1;
	return 0;
}

/* 1 if an INTERRUPT reaches fd within timeout_ms. */
static int interrupted(int fd, int timeout_ms)
{
	struct px_field f[PX_MAX_FIELDS];
	uint8_t b[PX_MAX_FRAME];
	struct px_hdr g;
	int r;

	while ((r = raw_recv(fd, timeout_ms, &g, f, b, PX_D2G)) == 1)
		if (g.type == PX_INTERRUPT)
			return 1;
	return 0;
}

/* 1 if the daemon still answers TIME on fd. */
static int served(int fd)
{
	struct px_field f[PX_MAX_FIELDS];
	uint8_t b[PX_MAX_FRAME];
	struct px_hdr g;

	if (raw_send(fd, PX_TIME, 0, 77, NULL) < 0)
		return 0;
	while (raw_recv(fd, 5000, &g, f, b, PX_D2G) == 1)
		if (g.tag == 77)
			return g.type == PX_TIME_R;
	return 0;
}

int main(void)
{
	struct rawd d;
	struct px_field f[PX_MAX_FIELDS];
	char repl[192];
	struct stat st;
	int ctl, fake;

	if (rawd_start(&d, NULL) < 0) {
		tap_ok(0, "p-dom0d starts");
		return tap_done();
	}
	ctl = raw_connect(d.control);
	memset(f, 0, sizeof f);
	f[0].n = 7;
	f[1].p = (const uint8_t *)"victim";
	f[1].len = 6;
	f[3].n = PX_L_DETACHED;
	f[4].n = getuid();
	tap_ok(ctl >= 0 && request(ctl, PX_L_REGISTER, 1, f) && h.type == PX_L_OK,
	       "a launcher registers domain 7, victim, detached");
	snprintf(repl, sizeof repl, "%s/victim.sock", d.dir);
	tap_ok(stat(repl, &st) == 0, "its REPL socket exists");

	fake = raw_connect(d.sock);
	tap_ok(fake >= 0 && raw_hello(fake, 7, "victim", 0) >= 0,
	       "a local client says HELLO as domain 7, victim");
	tap_ok(!listed(ctl, "7 victim detached") && !listed(ctl, "7 victim running"),
	       "LIST does not show it as domain 7");
	tap_ok(listed(ctl, "7 victim waiting"), "domain 7 is still waiting for its guest");
	memset(f, 0, sizeof f);
	f[0].n = 7;
	tap_ok(request(ctl, PX_L_INTERRUPT, 2, f) && h.type == PX_ERROR && out[0].n == ENOENT,
	       "INTERRUPT_GUEST 7 finds no connected guest");
	tap_ok(!interrupted(fake, 300), "and the local client gets no INTERRUPT");
	close(fake);
	usleep(200000);
	tap_ok(listed(ctl, "7 victim waiting"), "after it leaves, domain 7's registration remains");
	tap_ok(stat(repl, &st) == 0, "and so does its REPL socket");

	fake = raw_connect(d.sock);
	tap_ok(fake >= 0 && raw_hello(fake, 7, "victim", 0) >= 0, "another local client claims domain 7");
	memset(f, 0, sizeof f);
	f[0].n = 7;
	tap_ok(request(ctl, PX_L_STOP, 3, f) && h.type == PX_L_OK, "STOP 7 stops the registration");
	tap_ok(!raw_closed(fake, 300) && served(fake), "but not the local client");
	close(fake);
	close(ctl);
	rawd_stop(&d);
	return tap_done();
}
