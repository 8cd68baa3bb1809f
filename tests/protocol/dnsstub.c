/*
 * dnsstub.c - see dnsstub.h.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "dnsstub.h"

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : write(fd, text, strlen(text));

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

int dnsstub_isolate(const char **why)
{
	static const char conf[] = "nameserver 127.0.0.1\noptions timeout:15 attempts:1\n";
	char map[64], path[] = "/tmp/pxen-resolv-XXXXXX";
	uid_t uid = getuid();
	gid_t gid = getgid();
	struct ifreq ifr = { .ifr_name = "lo" };
	int fd;

	if (unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET) < 0) {
		*why = "no unprivileged user, mount and network namespaces";
		return -1;
	}
	snprintf(map, sizeof map, "0 %u 1", (unsigned)uid);
	if (write_file("/proc/self/uid_map", map) < 0 ||
	    write_file("/proc/self/setgroups", "deny") < 0) {
		*why = "cannot map the user into its namespace";
		return -1;
	}
	snprintf(map, sizeof map, "0 %u 1", (unsigned)gid);
	if (write_file("/proc/self/gid_map", map) < 0) {
		*why = "cannot map the group into its namespace";
		return -1;
	}
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || ioctl(fd, SIOCGIFFLAGS, &ifr) < 0 ||
	    (ifr.ifr_flags |= IFF_UP, ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)) {
		*why = "cannot bring up lo";
		return -1;
	}
	close(fd);
	fd = mkstemp(path);
	if (fd < 0 || write(fd, conf, sizeof conf - 1) != (ssize_t)sizeof conf - 1) {
		*why = "cannot write a resolv.conf";
		return -1;
	}
	close(fd);
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
	    mount(path, "/etc/resolv.conf", NULL, MS_BIND, NULL) < 0) {
		unlink(path);
		*why = "cannot bind-mount /etc/resolv.conf";
		return -1;
	}
	unlink(path);
	return 0;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

struct held {
	long due;		/* 0: free slot */
	struct sockaddr_in from;
	unsigned char msg[512];
	size_t len;
};

/* Turns the query in h into its answer; 0, or -1 to drop it. */
static int make_answer(struct held *h)
{
	static const unsigned char a_rr[] = { 0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4,
					      127, 0, 0, 1 };
	size_t off = 12;
	unsigned qtype;

	if (h->len < 12 || (h->msg[2] & 0x80) || h->msg[4] != 0 || h->msg[5] != 1)
		return -1;
	while (off < h->len && h->msg[off]) {
		if (h->msg[off] & 0xc0)
			return -1;
		off += 1u + h->msg[off];
	}
	if (off + 5 > h->len)
		return -1;
	qtype = (unsigned)h->msg[off + 1] << 8 | h->msg[off + 2];
	h->len = off + 5;	/* header and question; anything after goes */
	h->msg[2] = (unsigned char)(0x84 | (h->msg[2] & 0x01));	/* answer, authoritative, RD kept */
	h->msg[3] = 0x80;	/* recursion available, no error */
	memset(h->msg + 6, 0, 6);
	if (qtype == 1) {
		h->msg[7] = 1;
		memcpy(h->msg + h->len, a_rr, sizeof a_rr);
		h->len += sizeof a_rr;
	}
	return 0;
}

static int is_slow(const struct held *h)
{
	return h->len > 17 && h->msg[12] >= 4 && !memcmp(h->msg + 13, "slow", 4);
}

static void serve(int fd, int delay_ms)
{
	static struct held held[512];

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		long next = -1, now = now_ms();
		size_t i;
		for (i = 0; i < sizeof held / sizeof held[0]; i++) {
			if (!held[i].due)
				continue;
			if (held[i].due <= now) {
				sendto(fd, held[i].msg, held[i].len, 0,
				       (struct sockaddr *)&held[i].from, sizeof held[i].from);
				held[i].due = 0;
			} else if (next < 0 || held[i].due - now < next) {
				next = held[i].due - now;
			}
		}
		if (poll(&p, 1, (int)next) <= 0)
			continue;
		for (i = 0; i < sizeof held / sizeof held[0] && held[i].due; i++)
			;
		if (i == sizeof held / sizeof held[0]) {
			unsigned char drop[512];
			recv(fd, drop, sizeof drop, 0);
			continue;
		}
		socklen_t fl = sizeof held[i].from;
		ssize_t n = recvfrom(fd, held[i].msg, sizeof held[i].msg, 0,
				     (struct sockaddr *)&held[i].from, &fl);
		if (n <= 0)
			continue;
		held[i].len = (size_t)n;
		if (make_answer(&held[i]) == 0)
			held[i].due = now_ms() + (is_slow(&held[i]) ? delay_ms : 0);
	}
}

pid_t dnsstub_start(int delay_ms)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(53),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	pid_t pid;

	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	pid = fork();
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		serve(fd, delay_ms);
		_exit(0);
	}
	close(fd);
	return pid;
}
