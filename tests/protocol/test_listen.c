/*
 * test_listen.c - a guest listens only where its policy says: LISTEN on a
 * socket that no policy-checked BIND has bound (which would make the kernel
 * bind an ephemeral port on every address) is refused, also after a failed
 * CONNECT left the socket bound to one.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rawguest.h"
#include "tap.h"

static int fd;
static uint8_t buf[PX_MAX_FRAME];
static struct px_field out[PX_MAX_FIELDS];
static struct px_hdr h;
static uint32_t next_tag = 1;

/* One socket request; the reply's type (h, out hold it), or 0. */
static unsigned call(unsigned type, const struct px_field *f)
{
	uint32_t tag = next_tag++;

	if (raw_send(fd, type, PX_CH_SOCKETS, tag, f) < 0)
		return 0;
	while (raw_recv(fd, 5000, &h, out, buf, PX_D2G) == 1)
		if (h.chan == PX_CH_SOCKETS && h.tag == tag)
			return h.type;
	return 0;
}

static uint64_t new_socket(void)
{
	struct px_field f[2] = { { .n = 4 }, { .n = 1 } };

	return call(PX_SOCKET, f) == PX_SOCKET + PX_SOCK_REPLY ? out[0].n : 0;
}

static unsigned at(unsigned type, uint64_t id, uint16_t port)
{
	struct px_addr a = { .family = 4, .port = port, .ip = { 127, 0, 0, 1 } };
	uint8_t wire[PX_ADDR_LEN];
	struct px_field f[2] = { { .n = id }, { .p = wire, .len = PX_ADDR_LEN } };

	px_addr_encode(wire, &a);
	return call(type, f);
}

static unsigned listen_on(uint64_t id)
{
	struct px_field f[2] = { { .n = id }, { .n = 4 } };

	return call(PX_LISTEN, f);
}

int main(void)
{
	static const char *const args[] = { "--net", "listen:47211", "--net", "127.0.0.1:1", NULL };
	struct rawd d;
	uint64_t s;

	if (rawd_start(&d, args) < 0) {
		tap_ok(0, "p-dom0d starts");
		return tap_done();
	}
	fd = raw_connect(d.sock);
	tap_ok(fd >= 0 && raw_hello(fd, 1, "listener", PX_CAP_NET) >= 0, "a guest with listen:47211");

	s = new_socket();
	tap_ok(s != 0, "SOCKET");
	tap_ok(listen_on(s) == PX_ERROR && out[0].n == EACCES, "LISTEN without BIND is refused");

	s = new_socket();
	tap_ok(at(PX_CONNECT, s, 1) == PX_ERROR, "a CONNECT that fails (leaving the socket bound)");
	tap_ok(listen_on(s) == PX_ERROR && out[0].n == EACCES, "LISTEN after it is refused");

	s = new_socket();
	tap_ok(at(PX_BIND, s, 47212) == PX_ERROR && out[0].n == EACCES, "BIND to another port is refused");
	tap_ok(listen_on(s) == PX_ERROR && out[0].n == EACCES, "and LISTEN after that refusal too");

	s = new_socket();
	tap_ok(at(PX_BIND, s, 47211) == PX_BIND + PX_SOCK_REPLY, "BIND to port 47211");
	tap_ok(listen_on(s) == PX_LISTEN + PX_SOCK_REPLY, "LISTEN after it is served");
	close(fd);
	rawd_stop(&d);
	return tap_done();
}
