/*
 * loop.c - registration of watched objects with the daemon's epoll set.
 */
#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>

#include "core/loop.h"
#include "core/dlog.h"
#include "core/guest.h"
#include "core/daemon.h"
#include "services/repl.h"
#include "services/stream.h"

int loop_set(struct daemon *d, struct watch *w, uint32_t events, int add)
{
	struct epoll_event ev = { .events = events, .data.ptr = w };

	return epoll_ctl(d->ep, add ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, w->fd, &ev) < 0 ? -errno : 0;
}

void loop_del(struct daemon *d, struct watch *w)
{
	if (w->fd >= 0)
		epoll_ctl(d->ep, EPOLL_CTL_DEL, w->fd, NULL);
}

static int busy(struct daemon *d)
{
	struct guest *g;

	for (g = d->guests; g; g = g->next)
		if (stream_busy(g))
			return 1;
	return guest_more(d);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void watch_listeners(struct daemon *d, uint32_t events)
{
	struct guest *g;

	if (d->local_l.fd >= 0)
		loop_set(d, &d->local_l, events, 0);
	if (d->control_l.fd >= 0)
		loop_set(d, &d->control_l, events, 0);
	for (g = d->guests; g; g = g->next)
		repl_watch(g, events != 0);
}

void loop_pause_accept(struct daemon *d)
{
	if (d->accept_paused_ms)
		return;
	dlog(d, NULL, DLOG_WARN, "out of descriptors: not accepting connections for a second");
	watch_listeners(d, 0);
	d->accept_paused_ms = now_ms();
}

int loop_once(struct daemon *d, int timeout_ms)
{
	struct epoll_event ev[64];
	struct guest *g;
	int n, i;

	if (d->accept_paused_ms) {
		long left = d->accept_paused_ms + 1000 - now_ms();
		if (left <= 0) {
			d->accept_paused_ms = 0;
			watch_listeners(d, EPOLLIN);
		} else if (timeout_ms < 0 || timeout_ms > left) {
			timeout_ms = (int)left;
		}
	}
	n = epoll_wait(d->ep, ev, 64, busy(d) ? 0 : timeout_ms);
	guest_new_turn(d);
	if (n < 0 && errno != EINTR) {
		dlog(d, NULL, DLOG_ERR, "epoll_wait: %s", strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct watch *w = ev[i].data.ptr;
		w->fn(d, w, ev[i].events);
	}
	for (g = d->guests; g; g = g->next) {
		stream_service_ready(g);
		guest_flush(g);
	}
	guest_reap(d);
	return n < 0 ? 0 : n;
}
