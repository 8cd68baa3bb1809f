/*
 * local_tp.c - the local stream socket transport: frames as plain bytes,
 * plus the stdio descriptors a guest may pass with SCM_RIGHTS.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "transport/local_tp.h"
#include "core/loop.h"
#include "core/dlog.h"
#include "core/guest.h"
#include "core/daemon.h"
#include "unix_sock.h"

static long lt_read(struct guest *g, void *buf, size_t n, int *fds, int *nfds)
{
	union {
		struct cmsghdr h;
		char space[CMSG_SPACE(8 * sizeof(int))];
	} cm;
	struct iovec iov = { buf, n };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &cm,
			     .msg_controllen = sizeof cm };
	struct cmsghdr *c;
	ssize_t r = recvmsg(g->w.fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);

	*nfds = 0;
	if (r < 0)
		return errno == EAGAIN || errno == EINTR ? -EAGAIN : -errno;
	for (c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
			int k = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
			memcpy(fds + *nfds, CMSG_DATA(c), (size_t)k * sizeof(int));
			*nfds += k;
		}
	if (mh.msg_flags & MSG_CTRUNC) {
		int i;
		for (i = 0; i < *nfds; i++)
			close(fds[i]);
		*nfds = 0;
		return -EPROTO;
	}
	return r;
}

static long lt_write(struct guest *g, const void *buf, size_t n)
{
	ssize_t w = send(g->w.fd, buf, n, MSG_DONTWAIT | MSG_NOSIGNAL);

	if (w < 0)
		return errno == EAGAIN || errno == EINTR ? -EAGAIN : -errno;
	return w;
}

static void lt_close(struct guest *g)
{
	close(g->w.fd);
}

static const struct gtransport local_tp = {
	.read = lt_read, .write = lt_write, .ack = NULL, .close = lt_close,
};

struct guest *local_adopt(struct daemon *d, int fd)
{
	struct guest *g = guest_new(d, &local_tp, NULL, fd, 0, "local", &d->local_pol);

	if (!g)
		close(fd);
	return g;
}

static void on_accept(struct daemon *d, struct watch *w, uint32_t events)
{
	int fd;

	(void)events;
	while ((fd = accept4(w->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
		if (d->nguests >= 4096) {
			dlog(d, NULL, DLOG_WARN, "too many guests; refusing a local connection");
			close(fd);
			continue;
		}
		local_adopt(d, fd);
	}
	if (errno == EMFILE || errno == ENFILE)
		loop_pause_accept(d);
}

int local_listen(struct daemon *d, const char *path)
{
	int fd = unix_listen(path, 128, (uid_t)-1), err;

	if (fd < 0)
		return fd;
	d->local_l.fn = on_accept;
	d->local_l.fd = fd;
	err = loop_set(d, &d->local_l, EPOLLIN, 1);
	if (err < 0) {
		close(fd);
		d->local_l.fd = -1;
	}
	return err;
}
