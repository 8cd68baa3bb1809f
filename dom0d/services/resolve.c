/*
 * resolve.c - name lookups off the event loop (see resolve.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
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

struct resolver;

/* The loop's thread owns everything but done, res and err, which the
 * lookup's thread sets under the resolver's lock. */
struct job {
	struct job *next;
	struct resolver *rs;
	struct addrinfo hints;
	char name[256], service[8];
	struct guest *g;	/* NULL once the guest has gone */
	uint32_t tag;
	resolve_done_fn *done_fn;
	void *ctx;
	int done, err;
	struct addrinfo *res;
};

struct resolver {
	struct watch w;		/* the eventfd */
	pthread_mutex_t lock;
	pthread_cond_t finished;	/* a job is done: for resolve_stop */
	struct job *jobs;
	int pending;
};

static void *lookup(void *arg)
{
	struct job *j = arg;
	struct resolver *rs = j->rs;
	struct addrinfo *res = NULL;
	int err = getaddrinfo(j->name, j->service, &j->hints, &res);
	uint64_t one = 1;

	pthread_mutex_lock(&rs->lock);
	j->res = res;
	j->err = err;
	j->done = 1;
	if (write(rs->w.fd, &one, sizeof one) != sizeof one) {
		/* the counter is full: the loop wakes anyway */
	}
	pthread_cond_broadcast(&rs->finished);
	pthread_mutex_unlock(&rs->lock);
	return NULL;
}

/* Takes the finished jobs off the list (all of them with wait: resolve_stop). */
static struct job *take_done(struct resolver *rs, int wait)
{
	struct job *done = NULL, **pp;

	pthread_mutex_lock(&rs->lock);
	for (;;) {
		int running = 0;
		pp = &rs->jobs;
		while (*pp) {
			struct job *j = *pp;
			if (!j->done) {
				running = 1;
				pp = &j->next;
				continue;
			}
			*pp = j->next;
			j->next = done;
			done = j;
			rs->pending--;
		}
		if (!wait || !running)
			break;
		pthread_cond_wait(&rs->finished, &rs->lock);
	}
	pthread_mutex_unlock(&rs->lock);
	return done;
}

static void finish(struct job *done)
{
	while (done) {
		struct job *j = done;
		done = j->next;
		j->done_fn(j->g, j->tag, j->ctx, j->err ? NULL : j->res, j->err);
		if (j->res)
			freeaddrinfo(j->res);
		free(j);
	}
}

static void on_done(struct daemon *d, struct watch *w, uint32_t events)
{
	uint64_t n;

	(void)events;
	if (read(w->fd, &n, sizeof n) < 0 && errno != EAGAIN)
		dlog(d, NULL, DLOG_WARN, "resolver eventfd: %s", strerror(errno));
	finish(take_done((struct resolver *)w, 0));
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
	pthread_mutex_init(&rs->lock, NULL);
	pthread_cond_init(&rs->finished, NULL);
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

int resolve_lookup(struct guest *g, uint32_t tag, const char *name, unsigned port,
		   resolve_done_fn *done, void *ctx, const char **why)
{
	struct resolver *rs = g->d->resolver;
	pthread_attr_t attr;
	pthread_t tid;
	struct job *j;
	int err;

	if (!rs || rs->pending >= MAX_PENDING) {
		*why = "too many lookups in progress";
		return EAGAIN;
	}
	if (pending_for(rs, g) >= MAX_PENDING_GUEST) {
		*why = "too many lookups of this guest in progress";
		return EAGAIN;
	}
	j = calloc(1, sizeof *j);
	if (!j) {
		*why = "out of memory";
		return ENOMEM;
	}
	snprintf(j->name, sizeof j->name, "%s", name);
	snprintf(j->service, sizeof j->service, "%u", port);
	j->hints.ai_socktype = SOCK_STREAM;
	j->rs = rs;
	j->g = g;
	j->tag = tag;
	j->done_fn = done;
	j->ctx = ctx;
	/* On the list before the thread can finish, so on_done finds it. */
	pthread_mutex_lock(&rs->lock);
	j->next = rs->jobs;
	rs->jobs = j;
	rs->pending++;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&tid, &attr, lookup, j);
	pthread_attr_destroy(&attr);
	if (err) {
		rs->jobs = j->next;
		rs->pending--;
	}
	pthread_mutex_unlock(&rs->lock);
	if (err) {
		free(j);
		*why = "cannot start the lookup";
		return EAGAIN;
	}
	return 0;
}

static void answer(struct guest *g, uint32_t tag, void *ctx, const struct addrinfo *res, int err)
{
	uint8_t wire[PX_MAX_RESOLVE * PX_ADDR_LEN];
	struct px_field r = { .p = wire };
	const struct addrinfo *ai;

	(void)ctx;
	if (!g)
		return;
	if (err) {
		guest_send_error(g, PX_CH_SOCKETS, tag, EHOSTUNREACH, gai_strerror(err));
		return;
	}
	for (ai = res; ai && r.n < PX_MAX_RESOLVE; ai = ai->ai_next) {
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
	guest_send(g, PX_RESOLVE + PX_SOCK_REPLY, PX_CH_SOCKETS, tag, &r);
}

void resolve_submit(struct guest *g, uint32_t tag, const char *name, unsigned port)
{
	const char *why;
	int err = resolve_lookup(g, tag, name, port, answer, NULL, &why);

	if (err)
		guest_send_error(g, PX_CH_SOCKETS, tag, err, why);
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
	struct job *j;

	if (!rs)
		return;
	for (j = rs->jobs; j; j = j->next)
		j->g = NULL;
	finish(take_done(rs, 1));
	loop_del(d, &rs->w);
	close(rs->w.fd);
	pthread_cond_destroy(&rs->finished);
	pthread_mutex_destroy(&rs->lock);
	free(rs);
	d->resolver = NULL;
}
