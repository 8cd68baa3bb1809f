/* p-launch-ctl.c - client of p-dom0d's launcher control socket. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "p-launch.h"

int ctl_send(int fd, unsigned type, uint32_t tag, const struct px_field *f,
	     const int *fds, int nfds)
{
	static uint8_t buf[PX_MAX_FRAME];
	long n = px_frame(buf, sizeof buf, type, 0, tag, f);
	if (n < 0) {
		errno = EMSGSIZE;
		return -1;
	}
	union {
		struct cmsghdr h;
		char space[CMSG_SPACE(3 * sizeof(int))];
	} cm;
	struct iovec iov = { buf, (size_t)n };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	if (nfds > 0) {
		memset(&cm, 0, sizeof cm);
		mh.msg_control = &cm;
		mh.msg_controllen = CMSG_SPACE((size_t)nfds * sizeof(int));
		struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN((size_t)nfds * sizeof(int));
		memcpy(CMSG_DATA(c), fds, (size_t)nfds * sizeof(int));
	}
	ssize_t w = sendmsg(fd, &mh, MSG_NOSIGNAL);
	if (w == n)
		return 0;
	if (w >= 0) {
		/* The rest of a large frame goes without the descriptors. */
		size_t off = (size_t)w;
		while (off < (size_t)n) {
			ssize_t k = send(fd, buf + off, (size_t)n - off, MSG_NOSIGNAL);
			if (k <= 0)
				return -1;
			off += (size_t)k;
		}
		return 0;
	}
	return -1;
}

static int read_full(int fd, uint8_t *p, size_t n, int timeout_ms)
{
	size_t got = 0;
	while (got < n) {
		struct pollfd pf = { fd, POLLIN, 0 };
		int r = poll(&pf, 1, got ? -1 : timeout_ms);
		if (r < 0 && errno == EINTR)
			return 0;
		if (r == 0)
			return 0;
		ssize_t k = read(fd, p + got, n - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		got += (size_t)k;
	}
	return 1;
}

int ctl_recv(int fd, int timeout_ms, struct px_hdr *h, struct px_field *f,
	     uint8_t *body, size_t cap)
{
	uint8_t hdr[PX_HDR];
	int r = read_full(fd, hdr, PX_HDR, timeout_ms);
	if (r <= 0)
		return r;
	if (px_hdr_decode(hdr, PX_MAX_FRAME, h) < 0 || h->size - PX_HDR > cap)
		return -1;
	if (read_full(fd, body, h->size - PX_HDR, -1) <= 0)
		return -1;
	const char *why;
	if (px_check(h, body, PX_D2L, f, &why) < 0)
		return -1;
	return 1;
}
