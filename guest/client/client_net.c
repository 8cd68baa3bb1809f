/*
 * client_net.c - platform.h's TCP as socket requests to dom0 (pvcalls-like:
 * RESOLVE, SOCKET, CONNECT, BIND, LISTEN, ACCEPT, RELEASE); a connection is
 * a stream handle on the socket's channel.
 */
#include <string.h>

#include "client_int.h"
#include "platform.h"

static void release(uint16_t id)
{
	struct px_field f = { .n = id };
	struct cl_reply r;

	cl_call(PX_RELEASE, PX_CH_SOCKETS, &f, &r);
}

static int new_socket(uint8_t family, uint16_t *id)
{
	struct px_field f[2] = { { .n = family }, { .n = 1 } };
	struct cl_reply r;
	int err = cl_call(PX_SOCKET, PX_CH_SOCKETS, f, &r);

	if (err < 0)
		return err;
	*id = (uint16_t)r.f[0].n;
	return 0;
}

/* Resolves host into at most PX_MAX_RESOLVE wire addresses. */
static int resolve(const char *host, int port, uint8_t *addrs)
{
	struct px_field f[2];
	struct cl_reply r;
	int err;

	if (port < 0 || port > 65535)
		return -PLAT_EINVAL;
	f[0].p = (const uint8_t *)host;
	f[0].len = (uint32_t)strlen(host);
	f[1].n = (uint64_t)port;
	err = cl_call(PX_RESOLVE, PX_CH_SOCKETS, f, &r);
	if (err < 0)
		return err;
	if (r.f[0].n == 0)
		return -PLAT_EHOSTUNREACH;
	memcpy(addrs, r.f[0].p, r.f[0].len);
	return (int)r.f[0].n;
}

static int stream_handle(uint16_t id)
{
	int h = cl_handle_new(CK_STREAM), err;

	if (h < 0) {
		release(id);
		return h;
	}
	err = cl_stream_init(h, id, 1, 1, 1);
	if (err < 0) {
		cl_handle_free(h);
		release(id);
		return err;
	}
	cl_h[h].is_socket = 1;
	return h;
}

int plat_tcp_connect(const char *host, int port)
{
	uint8_t addrs[PX_MAX_RESOLVE * PX_ADDR_LEN];
	int n = resolve(host, port, addrs), i, err = -PLAT_EHOSTUNREACH;

	if (n < 0)
		return n;
	for (i = 0; i < n; i++) {
		struct px_field f[2];
		struct cl_reply r;
		uint16_t id;
		int h;
		err = new_socket(addrs[i * PX_ADDR_LEN], &id);
		if (err < 0)
			return err;
		/* The handle must exist before CONNECT_R: dom0's first CREDIT
		 * for the stream follows right behind it. */
		h = stream_handle(id);
		if (h < 0)
			return h;
		f[0].n = id;
		f[1].p = addrs + i * PX_ADDR_LEN;
		f[1].len = PX_ADDR_LEN;
		err = cl_call(PX_CONNECT, PX_CH_SOCKETS, f, &r);
		if (err == 0)
			return h;
		cl_handle_free(h);
		release(id);
		if (err == -PLAT_EACCES)
			return err;
	}
	return err;
}

int plat_tcp_listen(const char *host, int port)
{
	uint8_t addrs[PX_MAX_RESOLVE * PX_ADDR_LEN];
	struct px_field f[2];
	struct cl_reply r;
	uint16_t id;
	int n, err, h;

	if (!host || !host[0] || !strcmp(host, "*")) {
		memset(addrs, 0, PX_ADDR_LEN);
		if (port < 0 || port > 65535)
			return -PLAT_EINVAL;
		addrs[0] = 4;
		px_put16(addrs + 1, (uint16_t)port);
	} else {
		n = resolve(host, port, addrs);
		if (n < 0)
			return n;
	}
	err = new_socket(addrs[0], &id);
	if (err < 0)
		return err;
	f[0].n = id;
	f[1].p = addrs;
	f[1].len = PX_ADDR_LEN;
	err = cl_call(PX_BIND, PX_CH_SOCKETS, f, &r);
	if (err == 0) {
		f[1].p = NULL;
		f[1].len = 0;
		f[1].n = 16;
		err = cl_call(PX_LISTEN, PX_CH_SOCKETS, f, &r);
	}
	if (err < 0) {
		release(id);
		return err;
	}
	h = cl_handle_new(CK_LISTENER);
	if (h < 0) {
		release(id);
		return h;
	}
	cl_h[h].chan = id;
	return h;
}

int plat_tcp_accept(int listener)
{
	struct cl_handle *l = cl_handle_get(listener);
	struct px_field f;
	struct cl_reply r;
	int h, err;

	if (!l || l->kind != CK_LISTENER)
		return -PLAT_EBADF;
	if (l->lost)
		return -PLAT_ELOST;
	/* The stream handle has to be ready before ACCEPT_R arrives, with the
	 * channel filled in from the reply. */
	h = cl_handle_new(CK_STREAM);
	if (h < 0)
		return h;
	err = cl_stream_init(h, 0, 1, 1, 0);
	if (err < 0) {
		cl_handle_free(h);
		return err;
	}
	cl_h[h].is_socket = 1;
	cl_pending_accept = h;
	f.n = l->chan;
	err = cl_call(PX_ACCEPT, PX_CH_SOCKETS, &f, &r);
	cl_pending_accept = -1;
	if (err < 0) {
		cl_handle_free(h);
		return err;
	}
	err = cl_stream_grant(&cl_h[h]);
	return err < 0 ? err : h;
}

void cl_socket_close(struct cl_handle *h)
{
	release(h->chan);
}
