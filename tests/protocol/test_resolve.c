/*
 * test_resolve.c - RESOLVE is no way out of the policy: a guest may look
 * up only names its outbound rules name (or any with a "*" rule), and one
 * guest's flood of lookups takes only its own share of the resolver.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rawguest.h"
#include "tap.h"

static uint8_t buf[PX_MAX_FRAME];
static struct px_field out[PX_MAX_FIELDS];
static struct px_hdr h;

static int send_resolve(int fd, uint32_t tag, const char *name)
{
	struct px_field f[2] = { { .p = (const uint8_t *)name, .len = (uint32_t)strlen(name) },
				 { .n = 80 } };

	return raw_send(fd, PX_RESOLVE, PX_CH_SOCKETS, tag, f);
}

/* RESOLVE name; the reply's type (out holds it), or 0. */
static unsigned resolve(int fd, const char *name)
{
	static uint32_t tag = 1000;

	if (send_resolve(fd, ++tag, name) < 0)
		return 0;
	while (raw_recv(fd, 20000, &h, out, buf, PX_D2G) == 1)
		if (h.chan == PX_CH_SOCKETS && h.tag == tag)
			return h.type;
	return 0;
}

int main(void)
{
	static const char *const named[] = { "--net", "localhost:80", "--net", "listen:9000", NULL };
	static const char *const any[] = { "--net", "*:443", NULL };
	static uint8_t frames[300 * 40];
	struct rawd d;
	long len = 0;
	int fd, fd2, i, refused = 0, answered = 0;

	if (rawd_start(&d, named) < 0) {
		tap_ok(0, "p-dom0d starts");
		return tap_done();
	}
	fd = raw_connect(d.sock);
	tap_ok(fd >= 0 && raw_hello(fd, 1, "dns", PX_CAP_NET) >= 0, "a guest with localhost:80, listen:9000");
	tap_ok(resolve(fd, "localhost") == PX_RESOLVE + PX_SOCK_REPLY, "RESOLVE localhost is answered");
	i = (int)resolve(fd, "LocalHost.");
	tap_ok(i == PX_RESOLVE + PX_SOCK_REPLY || (i == PX_ERROR && out[0].n != EACCES),
	       "the policy allows it in other case and with a final dot too");
	tap_ok(resolve(fd, "secret-data.exfil.example") == PX_ERROR && out[0].n == EACCES,
	       "RESOLVE of a name no rule names is refused");
	tap_ok(resolve(fd, "localhost.exfil.example") == PX_ERROR && out[0].n == EACCES,
	       "so is a name that only starts like an allowed one");
	tap_ok(resolve(fd, "127.0.0.1") == PX_RESOLVE + PX_SOCK_REPLY &&
	       resolve(fd, "::1") == PX_RESOLVE + PX_SOCK_REPLY, "address literals are converted");

	/* 300 lookups in one write: the daemon takes them in one batch. */
	for (i = 0; i < 300; i++) {
		struct px_field f[2] = { { .p = (const uint8_t *)"localhost", .len = 9 }, { .n = 80 } };
		long n = px_frame(frames + len, sizeof frames - (size_t)len, PX_RESOLVE, PX_CH_SOCKETS,
				  (uint32_t)(i + 1), f);
		if (n < 0)
			return 99;
		len += n;
	}
	fd2 = raw_connect(d.sock);
	tap_ok(fd2 >= 0 && raw_hello(fd2, 2, "quiet", PX_CAP_NET) >= 0, "a second guest");
	tap_ok(write(fd, frames, (size_t)len) == len, "the first sends 300 lookups at once");
	tap_ok(resolve(fd2, "localhost") == PX_RESOLVE + PX_SOCK_REPLY,
	       "the second guest's lookup is still answered");
	while ((refused + answered) < 300 && raw_recv(fd, 20000, &h, out, buf, PX_D2G) == 1) {
		if (h.type == PX_ERROR && out[0].n == EAGAIN)
			refused++;
		else if (h.type == PX_RESOLVE + PX_SOCK_REPLY)
			answered++;
	}
	printf("# %d answered, %d refused for now\n", answered, refused);
	tap_ok(answered + refused == 300 && answered <= 16,
	       "the flooding guest has at most 16 lookups in progress");
	close(fd);
	close(fd2);
	rawd_stop(&d);

	if (rawd_start(&d, any) < 0) {
		tap_ok(0, "p-dom0d starts again");
		return tap_done();
	}
	fd = raw_connect(d.sock);
	tap_ok(fd >= 0 && raw_hello(fd, 1, "dns", PX_CAP_NET) >= 0, "a guest with *:443");
	tap_ok(resolve(fd, "localhost") == PX_RESOLVE + PX_SOCK_REPLY, "may look up any name");
	close(fd);
	rawd_stop(&d);
	return tap_done();
}
