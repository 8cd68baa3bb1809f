/*
 * loop.c - registration of watched objects with the daemon's epoll set.
 */
#include <errno.h>
#include <string.h>
#include <sys/epoll.h>

#include "core/loop.h"
#include "core/dlog.h"
#include "core/guest.h"
#include "core/daemon.h"
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
	return 0;
}

int loop_once(struct daemon *d, int timeout_ms)
{
	struct epoll_event ev[64];
	struct guest *g;
	int n, i;

	n = epoll_wait(d->ep, ev, 64, busy(d) ? 0 : timeout_ms);
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
