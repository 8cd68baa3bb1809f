/*
 * resolve.c - asynchronous RESOLVE (see resolve.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "px_msgs.h"
#include "services/resolve.h"
#include "core/loop.h"
#include "core/dlog.h"
#include "core/guest.h"
#include "core/daemon.h"

#define MAX_PENDING 256
/* One guest's share: a guest that floods slow lookups waits for its own,
 * not every guest for it. */
#define MAX_PENDING_GUEST 16

struct job {
	struct job *next;
	struct gaicb cb;
	struct addrinfo hints;
	char name[256], service[8];
	struct guest *g;	/* NULL once the guest has gone */
	uint32_t tag;
};

struct resolver {
	struct watch w;		/* the eventfd */
	struct job *jobs;
	int pending;
};

static void notify(union sigval v)
{
	uint64_t one = 1;

	if (write(v.sival_int, &one, sizeof one) != sizeof one)
		return;	/* the counter is full: the loop wakes anyway */
}

static void answer(struct job *j)
{
	uint8_t wire[PX_MAX_RESOLVE * PX_ADDR_LEN];
	struct px_field r = { .p = wire };
	struct addrinfo *ai;
	int err = gai_error(&j->cb);

	if (!j->g)
		goto out;
	if (err) {
		guest_send_error(j->g, PX_CH_SOCKETS, j->tag, EHOSTUNREACH, gai_strerror(err));
		goto out;
	}
	for (ai = j->cb.ar_result; ai && r.n < PX_MAX_RESOLVE; ai = ai->ai_next) {
		struct px_addr a = { 0 };
		if (ai->ai_family == AF_INET) {
			const struct sockaddr_in *in = (const struct sockaddr_in *)ai->ai_addr;
			a.family = 4;
			a.port = ntohs(in->sin_port);
			memcpy(a.ip, &in->sin_addr, 4);
		} else if (ai->ai_family == AF_INET6) {
			const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)ai->ai_addr;
			a.family = 6;
			a.port = ntohs(in6->sin6_port);
			memcpy(a.ip, &in6->sin6_addr, 16);
		} else {
			continue;
		}
		px_addr_encode(wire + r.n * PX_ADDR_LEN, &a);
		r.n++;
	}
	r.len = (uint32_t)(r.n * PX_ADDR_LEN);
	guest_send(j->g, PX_RESOLVE + PX_SOCK_REPLY, PX_CH_SOCKETS, j->tag, &r);
out:
	if (j->cb.ar_result)
		freeaddrinfo(j->cb.ar_result);
}

static void on_done(struct daemon *d, struct watch *w, uint32_t events)
{
	struct resolver *rs = (struct resolver *)w;
	struct job **pp = &rs->jobs;
	uint64_t n;

	(void)events;
	if (read(w->fd, &n, sizeof n) < 0 && errno != EAGAIN)
		dlog(d, NULL, DLOG_WARN, "resolver eventfd: %s", strerror(errno));
	while (*pp) {
		struct job *j = *pp;
		if (gai_error(&j->cb) == EAI_INPROGRESS) {
			pp = &j->next;
			continue;
		}
		*pp = j->next;
		rs->pending--;
		answer(j);
		free(j);
	}
}

int resolve_start(struct daemon *d)
{
	struct resolver *rs = calloc(1, sizeof *rs);
	int err;

	if (!rs)
		return -ENOMEM;
	rs->w.fn = on_done;
	rs->w.fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (rs->w.fd < 0) {
		err = -errno;
		free(rs);
		return err;
	}
	err = loop_set(d, &rs->w, EPOLLIN, 1);
	if (err < 0) {
		close(rs->w.fd);
		free(rs);
		return err;
	}
	d->resolver = rs;
	return 0;
}

static int pending_for(const struct resolver *rs, const struct guest *g)
{
	const struct job *j;
	int n = 0;

	for (j = rs->jobs; j; j = j->next)
		n += j->g == g;
	return n;
}

void resolve_submit(struct guest *g, uint32_t tag, const char *name, unsigned port)
{
	struct resolver *rs = g->d->resolver;
	struct sigevent sev = { .sigev_notify = SIGEV_THREAD, .sigev_notify_function = notify };
	struct gaicb *list[1];
	struct job *j;

	if (!rs || rs->pending >= MAX_PENDING) {
		guest_send_error(g, PX_CH_SOCKETS, tag, EAGAIN, "too many lookups in progress");
		return;
	}
	if (pending_for(rs, g) >= MAX_PENDING_GUEST) {
		guest_send_error(g, PX_CH_SOCKETS, tag, EAGAIN,
				 "too many lookups of this guest in progress");
		return;
	}
	j = calloc(1, sizeof *j);
	if (!j) {
		guest_send_error(g, PX_CH_SOCKETS, tag, ENOMEM, "out of memory");
		return;
	}
	snprintf(j->name, sizeof j->name, "%s", name);
	snprintf(j->service, sizeof j->service, "%u", port);
	j->hints.ai_socktype = SOCK_STREAM;
	j->cb.ar_name = j->name;
	j->cb.ar_service = j->service;
	j->cb.ar_request = &j->hints;
	j->g = g;
	j->tag = tag;
	list[0] = &j->cb;
	sev.sigev_value.sival_int = rs->w.fd;
	if (getaddrinfo_a(GAI_NOWAIT, list, 1, &sev) != 0) {
		guest_send_error(g, PX_CH_SOCKETS, tag, EAGAIN, "cannot start the lookup");
		free(j);
		return;
	}
	j->next = rs->jobs;
	rs->jobs = j;
	rs->pending++;
}

void resolve_forget(struct guest *g)
{
	struct job *j;

	if (!g->d->resolver)
		return;
	for (j = g->d->resolver->jobs; j; j = j->next)
		if (j->g == g)
			j->g = NULL;
}

void resolve_stop(struct daemon *d)
{
	struct resolver *rs = d->resolver;

	if (!rs)
		return;
	while (rs->jobs) {
		struct job *j = rs->jobs;
		const struct gaicb *one[1] = { &j->cb };
		while (gai_error(&j->cb) == EAI_INPROGRESS)
			gai_suspend(one, 1, NULL);
		rs->jobs = j->next;
		j->g = NULL;
		answer(j);
		free(j);
	}
	loop_del(d, &rs->w);
	close(rs->w.fd);
	free(rs);
	d->resolver = NULL;
}
