/*
 * net.c - sockets made on a guest's behalf (PROTOCOL.md §5), only as its
 * policy allows.  Every socket is a stream whose channel is its id;
 * listeners answer ACCEPT and POLL when a connection arrives.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "services/net.h"
#include "core/daemon.h"
#include "core/fdbudget.h"
#include "core/guest.h"
#include "core/policy.h"
#include "services/stream.h"
#include "services/resolve.h"
#include "px_msgs.h"

#define MAX_SOCKETS 1024

static socklen_t to_sockaddr(const uint8_t *wire, struct sockaddr_storage *ss)
{
	struct px_addr a;

	px_addr_decode(wire, &a);
	memset(ss, 0, sizeof *ss);
	if (a.family == 4) {
		struct sockaddr_in *in = (struct sockaddr_in *)ss;
		in->sin_family = AF_INET;
		in->sin_port = htons(a.port);
		memcpy(&in->sin_addr, a.ip, 4);
		return sizeof *in;
	}
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
	in6->sin6_family = AF_INET6;
	in6->sin6_port = htons(a.port);
	memcpy(&in6->sin6_addr, a.ip, 16);
	return sizeof *in6;
}

static void from_sockaddr(const struct sockaddr *sa, uint8_t *wire)
{
	struct px_addr a = { 0 };

	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		a.family = 4;
		a.port = ntohs(in->sin_port);
		memcpy(a.ip, &in->sin_addr, 4);
	} else {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
		a.family = 6;
		a.port = ntohs(in6->sin6_port);
		memcpy(a.ip, &in6->sin6_addr, 16);
	}
	px_addr_encode(wire, &a);
}

static void reply(struct guest *g, unsigned type, uint32_t tag, const struct px_field *f)
{
	guest_send(g, type + PX_SOCK_REPLY, PX_CH_SOCKETS, tag, f);
}

static void fail(struct guest *g, uint32_t tag, int err, const char *what)
{
	guest_send_error(g, PX_CH_SOCKETS, tag, err, what);
}

/* The next free channel for a socket, or 0 when the guest has too many. */
static uint16_t new_chan(struct guest *g)
{
	unsigned tries;

	if (g->nsockets >= MAX_SOCKETS)
		return 0;
	for (tries = 0; tries < 0x10000; tries++) {
		uint16_t c = g->next_sock;
		g->next_sock = g->next_sock == 0xffff ? PX_CH_SOCK_FIRST : g->next_sock + 1;
		if (!stream_find(g, c))
			return c;
	}
	return 0;
}

static struct stream *sock_new(struct guest *g, int fd, enum stream_kind kind)
{
	uint16_t chan = new_chan(g);
	struct stream *s;

	if (!chan) {
		close(fd);
		return NULL;
	}
	s = stream_open(g, chan, kind, fd);
	if (!s) {
		close(fd);
		return NULL;
	}
	g->nsockets++;
	return s;
}

static struct stream *sock_get(struct guest *g, uint64_t id, uint32_t tag)
{
	struct stream *s = id <= 0xffff ? stream_find(g, (uint16_t)id) : NULL;

	if (!s || (s->kind != SK_SOCKET && s->kind != SK_LISTENER)) {
		fail(g, tag, EBADF, "no such socket");
		return NULL;
	}
	return s;
}

static void do_socket(struct guest *g, uint32_t tag, const struct px_field *f)
{
	struct px_field r;
	struct stream *s;
	int fd;

	if (!policy_has_net(&g->pol)) {
		fail(g, tag, EACCES, "network access is not allowed for this guest");
		return;
	}
	if ((f[0].n != 4 && f[0].n != 6) || f[1].n != 1) {
		fail(g, tag, EINVAL, "only TCP over IPv4 or IPv6");
		return;
	}
	fd = socket(f[0].n == 4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		fail(g, tag, errno, "socket");
		return;
	}
	if (fdbudget_check(fd, g->d->fd_ceiling) < 0) {
		fail(g, tag, EMFILE, "p-dom0d has no descriptors to spare");
		return;
	}
	s = sock_new(g, fd, SK_SOCKET);
	if (!s) {
		fail(g, tag, EMFILE, "too many sockets");
		return;
	}
	r.n = s->chan;
	reply(g, PX_SOCKET, tag, &r);
}

static void connected(struct stream *s)
{
	struct px_field f = { .n = PX_INITIAL_CREDIT };

	s->connecting = 0;
	s->live = 1;
	guest_send(s->g, PX_CREDIT, s->chan, 0, &f);
}

/* A CONNECT whose address only a rule naming a host may allow: the
 * lookups of those hosts, one rule after another, off the event loop. */
struct conn_check {
	uint16_t chan;
	uint32_t tag;
	int rule;		/* the rule being looked up */
	struct sockaddr_storage ss;
	socklen_t len;
};

static void start_connect(struct stream *s, uint32_t tag, const struct sockaddr *sa, socklen_t len)
{
	if (connect(s->w.fd, sa, len) == 0) {
		connected(s);
		reply(s->g, PX_CONNECT, tag, NULL);
	} else if (errno == EINPROGRESS) {
		s->connecting = 1;
		s->connect_tag = tag;
	} else {
		fail(s->g, tag, errno, "connect");
	}
}

static void check_next(struct guest *g, struct stream *s, struct conn_check *c);

static void checked(struct guest *g, uint32_t tag, void *ctx, const struct addrinfo *res, int err)
{
	struct conn_check *c = ctx;
	struct stream *s = g ? stream_find(g, c->chan) : NULL;

	(void)tag;
	/* Released meanwhile: RELEASE has answered the CONNECT. */
	if (!s || s->check != c) {
		free(c);
		return;
	}
	if (!err && policy_addrs_match(res, (struct sockaddr *)&c->ss)) {
		s->check = NULL;
		start_connect(s, c->tag, (struct sockaddr *)&c->ss, c->len);
		stream_rearm(s);
		free(c);
		return;
	}
	check_next(g, s, c);
}

static void check_next(struct guest *g, struct stream *s, struct conn_check *c)
{
	const char *why = "connection not allowed by policy";
	int err = EACCES;

	c->rule = policy_connect_named(&g->pol, (struct sockaddr *)&c->ss, c->rule + 1);
	if (c->rule >= 0)
		err = resolve_lookup(g, c->tag, g->pol.rules[c->rule].host, 0, checked, c, &why);
	if (err) {
		s->check = NULL;
		fail(g, c->tag, err, why);
		free(c);
		return;
	}
	s->check = c;
}

static void do_connect(struct guest *g, uint32_t tag, const struct px_field *f)
{
	struct stream *s = sock_get(g, f[0].n, tag);
	struct conn_check *c;

	if (!s)
		return;
	if (s->kind != SK_SOCKET || s->connecting || s->check) {
		fail(g, tag, EINVAL, "socket cannot connect now");
		return;
	}
	c = calloc(1, sizeof *c);
	if (!c) {
		fail(g, tag, ENOMEM, "out of memory");
		return;
	}
	c->chan = s->chan;
	c->tag = tag;
	c->rule = -1;
	c->len = to_sockaddr(f[1].p, &c->ss);
	if (policy_connect_direct(&g->pol, (struct sockaddr *)&c->ss)) {
		start_connect(s, tag, (struct sockaddr *)&c->ss, c->len);
		free(c);
		return;
	}
	s->connect_tag = tag;
	check_next(g, s, c);
}

static void do_bind(struct guest *g, uint32_t tag, const struct px_field *f)
{
	struct stream *s = sock_get(g, f[0].n, tag);
	struct sockaddr_storage ss;
	socklen_t len;
	struct px_addr a;
	uint8_t wire[PX_ADDR_LEN];
	struct px_field r = { .p = wire, .len = PX_ADDR_LEN };
	int one = 1;

	if (!s)
		return;
	px_addr_decode(f[1].p, &a);
	if (!policy_may_listen(&g->pol, a.port)) {
		fail(g, tag, EACCES, "listening on this port is not allowed by policy");
		return;
	}
	len = to_sockaddr(f[1].p, &ss);
	setsockopt(s->w.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(s->w.fd, (struct sockaddr *)&ss, len) < 0) {
		fail(g, tag, errno, "bind");
		return;
	}
	len = sizeof ss;
	getsockname(s->w.fd, (struct sockaddr *)&ss, &len);
	s->bound = 1;
	from_sockaddr((struct sockaddr *)&ss, wire);
	reply(g, PX_BIND, tag, &r);
}

static void do_listen(struct guest *g, uint32_t tag, const struct px_field *f)
{
	struct stream *s = sock_get(g, f[0].n, tag);
	int backlog = f[1].n > 128 ? 128 : (int)f[1].n;

	if (!s)
		return;
	/* listen() on an unbound socket (or one a failed CONNECT left bound)
	 * would take an ephemeral port on every address, outside the policy. */
	if (s->kind != SK_SOCKET || !s->bound) {
		fail(g, tag, EACCES, "LISTEN needs a BIND the policy allows first");
		return;
	}
	if (listen(s->w.fd, backlog ? backlog : 16) < 0) {
		fail(g, tag, errno, "listen");
		return;
	}
	s->kind = SK_LISTENER;
	s->granted = 0;
	reply(g, PX_LISTEN, tag, NULL);
}

static void do_wait(struct guest *g, uint32_t tag, const struct px_field *f, int accept)
{
	struct stream *s = sock_get(g, f[0].n, tag);
	struct pollfd pfd;

	if (!s)
		return;
	pfd.fd = s->w.fd;
	pfd.events = POLLIN;
	if (s->kind != SK_LISTENER) {
		fail(g, tag, EINVAL, "socket is not listening");
		return;
	}
	if ((accept ? s->accept_tag : s->poll_tag) || !tag) {
		fail(g, tag, EBUSY, "a request of this kind is already waiting (or tag 0)");
		return;
	}
	if (accept)
		s->accept_tag = tag;
	else
		s->poll_tag = tag;
	if (poll(&pfd, 1, 0) == 1)
		net_on_event(s, EPOLLIN);
}

static void abort_waits(struct stream *s)
{
	if (s->accept_tag)
		fail(s->g, s->accept_tag, ECONNABORTED, "listener released");
	if (s->poll_tag)
		fail(s->g, s->poll_tag, ECONNABORTED, "listener released");
	if (s->connecting || s->check)
		fail(s->g, s->connect_tag, ECONNABORTED, "socket released");
}

static void do_resolve(struct guest *g, uint32_t tag, const struct px_field *f)
{
	char name[256];

	if (!policy_has_net(&g->pol)) {
		fail(g, tag, EACCES, "network access is not allowed for this guest");
		return;
	}
	if (f[0].len == 0 || f[0].len >= sizeof name || memchr(f[0].p, 0, f[0].len)) {
		fail(g, tag, EINVAL, "bad host name");
		return;
	}
	memcpy(name, f[0].p, f[0].len);
	name[f[0].len] = 0;
	if (!policy_may_resolve(&g->pol, name)) {
		fail(g, tag, EACCES, "looking up this name is not allowed by policy");
		return;
	}
	resolve_submit(g, tag, name, (unsigned)f[1].n);
}

void net_handle(struct guest *g, const struct px_hdr *h, struct px_field *f)
{
	struct stream *s;

	switch (h->type) {
	case PX_SOCKET:
		do_socket(g, h->tag, f);
		break;
	case PX_CONNECT:
		do_connect(g, h->tag, f);
		break;
	case PX_BIND:
		do_bind(g, h->tag, f);
		break;
	case PX_LISTEN:
		do_listen(g, h->tag, f);
		break;
	case PX_ACCEPT:
	case PX_POLL:
		do_wait(g, h->tag, f, h->type == PX_ACCEPT);
		break;
	case PX_RELEASE:
		s = sock_get(g, f[0].n, h->tag);
		if (!s)
			break;
		abort_waits(s);
		stream_close(s);
		reply(g, PX_RELEASE, h->tag, NULL);
		break;
	case PX_SHUTDOWN:
		s = sock_get(g, f[0].n, h->tag);
		if (!s)
			break;
		if (f[1].n > 2 || shutdown(s->w.fd, (int)f[1].n) < 0)
			fail(g, h->tag, f[1].n > 2 ? EINVAL : errno, "shutdown");
		else
			reply(g, PX_SHUTDOWN, h->tag, NULL);
		break;
	case PX_RESOLVE:
		do_resolve(g, h->tag, f);
		break;
	default:
		guest_kill(g, "unexpected socket message");
		return;
	}
	s = h->type != PX_RELEASE && f[0].n <= 0xffff ? stream_find(g, (uint16_t)f[0].n) : NULL;
	if (s && h->type != PX_RESOLVE && h->type != PX_SOCKET)
		stream_rearm(s);
}

static void accept_one(struct stream *l)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	uint8_t wire[PX_ADDR_LEN];
	struct px_field r[2];
	struct stream *s;
	int fd;

	if (l->poll_tag) {
		reply(l->g, PX_POLL, l->poll_tag, NULL);
		l->poll_tag = 0;
		if (!l->accept_tag)
			return;
	}
	fd = accept4(l->w.fd, (struct sockaddr *)&ss, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (fd >= 0)
		fd = fdbudget_check(fd, l->g->d->fd_ceiling);
	else if (errno == EMFILE || errno == ENFILE)
		fd = -EMFILE;
	if (fd < 0) {
		/* Out of descriptors the waiting connection stays queued, and
		 * the ACCEPT fails instead of the listener firing forever. */
		if (fd == -EMFILE) {
			fail(l->g, l->accept_tag, EMFILE, "p-dom0d has no descriptors to spare");
			l->accept_tag = 0;
		}
		return;
	}
	s = sock_new(l->g, fd, SK_SOCKET);
	if (!s) {
		fail(l->g, l->accept_tag, EMFILE, "too many sockets");
		l->accept_tag = 0;
		return;
	}
	from_sockaddr((struct sockaddr *)&ss, wire);
	r[0].n = s->chan;
	r[1].p = wire;
	r[1].len = PX_ADDR_LEN;
	reply(l->g, PX_ACCEPT, l->accept_tag, r);
	l->accept_tag = 0;
	connected(s);
	stream_rearm(s);
}

void net_on_event(struct stream *s, uint32_t events)
{
	if (s->kind == SK_LISTENER) {
		if (events & EPOLLIN)
			accept_one(s);
		stream_rearm(s);
		return;
	}
	if (s->connecting && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
		int err = 0;
		socklen_t len = sizeof err;
		getsockopt(s->w.fd, SOL_SOCKET, SO_ERROR, &err, &len);
		if (err) {
			s->connecting = 0;
			fail(s->g, s->connect_tag, err, "connect");
		} else {
			connected(s);
			reply(s->g, PX_CONNECT, s->connect_tag, NULL);
		}
		stream_rearm(s);
	}
}
