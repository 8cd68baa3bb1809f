/*
 * transport_sock.c - transport.h over the local stream socket to p-dom0d.
 * The first bytes sent carry the program's stdin, stdout and stderr as
 * SCM_RIGHTS, so dom0 bridges the guest's stdio streams to them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>

#include "host.h"
#include "platform.h"
#include "transport.h"

/* The connection is the process's one link to dom0. */
static int sock_fd = -1;
static int pass_stdio;

void host_transport_init(int fd, int pass)
{
	sock_fd = fd;
	pass_stdio = pass;
}

long transport_send(const void *buf, size_t n)
{
	union {
		struct cmsghdr h;
		char space[CMSG_SPACE(3 * sizeof(int))];
	} cm;
	struct iovec iov = { (void *)(uintptr_t)buf, n };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t w;

	if (sock_fd < 0)
		return -PLAT_EPIPE;
	if (pass_stdio) {
		static const int fds[3] = { 0, 1, 2 };
		struct cmsghdr *c;
		memset(&cm, 0, sizeof cm);
		mh.msg_control = &cm;
		mh.msg_controllen = sizeof cm;
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof fds);
		memcpy(CMSG_DATA(c), fds, sizeof fds);
	}
	w = sendmsg(sock_fd, &mh, MSG_DONTWAIT | MSG_NOSIGNAL);
	if (w < 0)
		return errno == EAGAIN || errno == EINTR ? 0 : -PLAT_EPIPE;
	pass_stdio = 0;
	return w;
}

long transport_recv(void *buf, size_t n)
{
	ssize_t r;

	if (sock_fd < 0)
		return -PLAT_EPIPE;
	r = recv(sock_fd, buf, n, MSG_DONTWAIT);
	if (r < 0)
		return errno == EAGAIN || errno == EINTR ? 0 : -PLAT_EPIPE;
	return r ? r : -PLAT_EPIPE;
}

int transport_wait(int want, int64_t timeout_ns)
{
	struct pollfd p = { .fd = sock_fd };
	int ms = timeout_ns < 0 ? -1 : (int)((timeout_ns + 999999) / 1000000), r;

	if (sock_fd < 0)
		return -PLAT_EPIPE;
	if (want & TRANSPORT_RECV)
		p.events |= POLLIN;
	if (want & TRANSPORT_SEND)
		p.events |= POLLOUT;
	r = poll(&p, 1, ms);
	if (r < 0)
		return errno == EINTR ? 0 : -PLAT_EIO;
	if (r == 0)
		return 0;
	if (p.revents & (POLLHUP | POLLERR))
		return want;
	return ((p.revents & POLLIN) ? TRANSPORT_RECV : 0) | ((p.revents & POLLOUT) ? TRANSPORT_SEND : 0);
}
