/*
 * loop.c - registration of watched objects with the daemon's epoll set.
 */
#include <errno.h>
#include <sys/epoll.h>

#include "daemon.h"

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
