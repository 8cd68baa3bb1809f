/*
 * transport_sock.c - transport.h over the local stream socket to p-dom0d.
 * The first bytes sent carry the program's stdin, stdout and stderr as
 * SCM_RIGHTS, so dom0 bridges the guest's stdio streams to them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "host.h"
#include "platform.h"
#include "transport.h"
#include "unix_sock.h"

/* The connection is the process's one link to dom0. */
static int sock_fd = -1;
static int pass_stdio, stdio_passed;
static const char *dom0d_path;
static int waiting;	/* said that p-dom0d went away; nothing heard since */

void host_transport_init(int fd, int pass, const char *path)
{
	sock_fd = fd;
	pass_stdio = stdio_passed = pass;
	dom0d_path = path;
}

/* A p-dom0d we started ourselves went with its socketpair; one we
 * connected to may come back at its socket. */
int transport_reconnect(int64_t timeout_ns)
{
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	int64_t waited = 0;

	if (!dom0d_path)
		return -PLAT_EPIPE;
	if (sock_fd >= 0) {
		close(sock_fd);
		sock_fd = -1;
	}
	if (!waiting)
		fprintf(stderr, "p: p-dom0d went away; waiting for it at %s\n", dom0d_path);
	waiting = 1;
	for (;;) {
		int fd = unix_connect(dom0d_path);
		if (fd >= 0) {
			sock_fd = fd;
			pass_stdio = stdio_passed;
			return 0;
		}
		if (timeout_ns >= 0 && waited >= timeout_ns)
			return -PLAT_EAGAIN;
		nanosleep(&pause, NULL);
		waited += pause.tv_nsec;
	}
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
	if (r > 0)
		waiting = 0;
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
