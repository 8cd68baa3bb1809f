/*
 * load.c - load test and benchmark of p-dom0d (not a timed assertion):
 *   1. one guest connection carrying 1000 concurrent TCP streams to a local
 *      echo server, every byte checked, with the protocol's credit rules;
 *   2. 50 guests at once on one daemon, each reading a file over 9P.
 * Prints throughput and the daemon's resident set size; exits 0 only when
 * every byte came back intact and every guest was served (load.sh).
 *
 * usage: load P-DOM0D-PATH [streams [bytes-per-stream [guests [seconds]]]]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "connect_wait.h"
#include "p9.h"
#include "px_msgs.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long rss_kb(pid_t pid)
{
	char p[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(p, sizeof p, "/proc/%d/status", (int)pid);
	f = fopen(p, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* An epoll echo server in a child process. */
static pid_t echo_server(int port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int one = 1, l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), ep;
	pid_t pid;

	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(l, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(l, 4096) < 0) {
		perror("echo server");
		exit(1);
	}
	pid = fork();
	if (pid)
		return pid;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = l };
	epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev);
	for (;;) {
		struct epoll_event evs[256];
		int n = epoll_wait(ep, evs, 256, -1), i;
		for (i = 0; i < n; i++) {
			int fd = evs[i].data.fd;
			if (fd == l) {
				int c;
				while ((c = accept4(l, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
					struct epoll_event ce = { .events = EPOLLIN, .data.fd = c };
					epoll_ctl(ep, EPOLL_CTL_ADD, c, &ce);
				}
				continue;
			}
			char buf[16384];
			ssize_t r = read(fd, buf, sizeof buf);
			if (r <= 0) {
				close(fd);
				continue;
			}
			/* Blocking write back: the guest side always drains. */
			fcntl(fd, F_SETFL, 0);
			if (write(fd, buf, (size_t)r) != r)
				close(fd);
			else
				fcntl(fd, F_SETFL, O_NONBLOCK);
		}
	}
}

static int connect_unix(const char *path)
{
	int fd = connect_wait(path, 0, 0);

	if (fd < 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(-fd));
		exit(1);
	}
	return fd;
}

/* A raw guest connection: framing in and out, blocking. */
struct conn {
	int fd;
	uint8_t *in;
	size_t len, pos, cap;
};

/* Reads what is there into the buffer, growing it. */
static int take_in(struct conn *c)
{
	ssize_t r;

	if (c->pos && c->pos == c->len)
		c->pos = c->len = 0;
	if (c->cap - c->len < PX_MAX_FRAME) {
		c->cap = c->cap ? c->cap * 2 : 4 * PX_MAX_FRAME;
		c->in = realloc(c->in, c->cap);
		if (!c->in)
			exit(1);
	}
	r = read(c->fd, c->in + c->len, c->cap - c->len);
	if (r <= 0) {
		fprintf(stderr, "dom0 closed the connection\n");
		exit(1);
	}
	c->len += (size_t)r;
	return 0;
}

static void csend(struct conn *c, unsigned type, unsigned chan, uint32_t tag,
		  const struct px_field *f)
{
	uint8_t buf[PX_MAX_FRAME];
	long n = px_frame(buf, sizeof buf, type, chan, tag, f), off = 0;

	while (off < n) {
		/* Keep reading while dom0 cannot take more, as a guest must. */
		struct pollfd p = { .fd = c->fd, .events = POLLIN | POLLOUT };
		ssize_t w;
		poll(&p, 1, -1);
		if (p.revents & POLLIN)
			take_in(c);
		if (!(p.revents & POLLOUT))
			continue;
		w = send(c->fd, buf + off, (size_t)(n - off), MSG_DONTWAIT);
		if (w < 0 && errno == EAGAIN)
			continue;
		if (w <= 0) {
			perror("send");
			exit(1);
		}
		off += w;
	}
}

/* Next frame (blocking); fields decoded per schema. */
static const uint8_t *crecv(struct conn *c, struct px_hdr *h, struct px_field *f)
{
	const char *why;

	for (;;) {
		if (c->len - c->pos >= PX_HDR) {
			px_hdr_decode(c->in + c->pos, PX_MAX_FRAME, h);
			if (c->len - c->pos >= h->size) {
				const uint8_t *b = c->in + c->pos + PX_HDR;
				c->pos += h->size;
				if (px_check(h, b, PX_D2G, f, &why) < 0) {
					fprintf(stderr, "bad frame from dom0: %s\n", why);
					exit(1);
				}
				return b;
			}
		}
		if (c->pos) {
			memmove(c->in, c->in + c->pos, c->len - c->pos);
			c->len -= c->pos;
			c->pos = 0;
		}
		take_in(c);
	}
}

static void hello(struct conn *c, const char *name)
{
	struct px_field f[5] = { { .n = 1 }, { .n = PX_MAX_FRAME }, { .n = 0 },
				 { .p = (const uint8_t *)name, .len = (uint32_t)strlen(name) },
				 { .n = 3 } };
	struct px_hdr h;

	csend(c, PX_HELLO, 0, 0, f);
	do
		crecv(c, &h, f);
	while (h.type != PX_HELLO_R);
}

struct st {
	uint16_t chan;
	uint32_t credit;	/* we may send */
	uint64_t sent, got;
	uint32_t unacked;
};

static void many_streams(const char *sock, int port, int nstreams, long per, pid_t dom0d)
{
	struct conn *c = calloc(1, sizeof *c);
	struct st *s = calloc((size_t)nstreams, sizeof *s);
	struct px_field f[4];
	struct px_hdr h;
	uint8_t addr[PX_ADDR_LEN] = { 4 }, chunk[16384];
	int i, done = 0;
	long peak = 0;
	double t0;

	for (i = 0; i < (int)sizeof chunk; i++)
		chunk[i] = (uint8_t)i;
	c->fd = connect_unix(sock);
	hello(c, "load-streams");
	px_put16(addr + 1, (uint16_t)port);
	addr[3] = 127;
	addr[6] = 1;
	for (i = 0; i < nstreams; i++) {
		f[0].n = 4;
		f[1].n = 1;
		csend(c, PX_SOCKET, PX_CH_SOCKETS, 1, f);
		do
			crecv(c, &h, f);
		while (h.tag != 1 || h.chan != PX_CH_SOCKETS);
		if (h.type == PX_ERROR) {
			fprintf(stderr, "SOCKET %d failed: errno %u\n", i, (unsigned)f[0].n);
			exit(1);
		}
		s[i].chan = (uint16_t)f[0].n;
		f[0].n = s[i].chan;
		f[1].p = addr;
		f[1].len = PX_ADDR_LEN;
		csend(c, PX_CONNECT, PX_CH_SOCKETS, 2, f);
		f[0].n = 65536;
		csend(c, PX_CREDIT, s[i].chan, 0, f);
		for (;;) {
			crecv(c, &h, f);
			if (h.type == PX_CREDIT)
				s[i].credit += (uint32_t)f[0].n;
			if (h.chan == PX_CH_SOCKETS && h.tag == 2)
				break;
		}
		if (h.type == PX_ERROR) {
			fprintf(stderr, "CONNECT %d failed: errno %u\n", i, (unsigned)f[0].n);
			exit(1);
		}
	}
	printf("load: %d streams open over one guest connection; p-dom0d RSS %ld kB\n", nstreams,
	       rss_kb(dom0d));
	t0 = now();
	while (done < nstreams) {
		/* Send what credit allows on every stream, then take what comes. */
		for (i = 0; i < nstreams; i++) {
			long left = per - (long)s[i].sent;
			uint32_t n = (uint32_t)(left < (long)sizeof chunk ? left : (long)sizeof chunk);
			if (n > s[i].credit)
				n = s[i].credit;
			if (!n)
				continue;
			f[0].p = chunk;
			f[0].len = n;
			csend(c, PX_DATA, s[i].chan, 0, f);
			s[i].credit -= n;
			s[i].sent += n;
		}
		do {
			const uint8_t *b = crecv(c, &h, f);
			(void)b;
			for (i = 0; i < nstreams && s[i].chan != h.chan; i++)
				;
			if (i == nstreams)
				continue;
			if (h.type == PX_CREDIT) {
				s[i].credit += (uint32_t)f[0].n;
			} else if (h.type == PX_DATA) {
				uint32_t k;
				for (k = 0; k < f[0].len; k++)
					if (f[0].p[k] != (uint8_t)((s[i].got + k) % sizeof chunk)) {
						fprintf(stderr, "stream %d: byte %llu corrupted\n", i,
							(unsigned long long)(s[i].got + k));
						exit(1);
					}
				s[i].got += f[0].len;
				s[i].unacked += f[0].len;
				if (s[i].unacked >= 32768) {
					f[0].n = s[i].unacked;
					s[i].unacked = 0;
					csend(c, PX_CREDIT, s[i].chan, 0, f);
				}
				if ((long)s[i].got == per)
					done++;
			}
		} while (c->len - c->pos >= PX_HDR);
		long r = rss_kb(dom0d);
		if (r > peak)
			peak = r;
	}
	double dt = now() - t0;
	printf("load: %d streams x %ld bytes echoed and verified in %.2f s: %.1f MB/s each way; "
	       "p-dom0d peak RSS %ld kB\n", nstreams, per, dt, nstreams * (double)per / dt / 1e6, peak);
	close(c->fd);
	free(c->in);
	free(s);
	free(c);
}

static uint16_t p9tag = 1;

static void p9(struct conn *c, unsigned type, struct px_field *f)
{
	uint8_t msg[PX_MAX_BODY];
	struct px_field body;
	struct px_hdr h;
	unsigned rtype;
	uint16_t rtag;
	long n = p9_encode(msg, sizeof msg, type, p9tag++, f);

	body.p = msg;
	body.len = (uint32_t)n;
	csend(c, PX_P9, PX_CH_FILES, 0, &body);
	do
		crecv(c, &h, &body);
	while (h.chan != PX_CH_FILES);
	if (p9_decode(body.p, body.len, &rtype, &rtag, f) < 0 || rtype != type + 1) {
		fprintf(stderr, "9P type %u failed (reply %u)\n", type, rtype);
		exit(1);
	}
}

/* One guest: attach, then read the file over and over for `secs`. */
static void file_guest(const char *sock, int k, double secs, int out)
{
	struct conn *c = calloc(1, sizeof *c);
	struct px_field f[5];
	char name[32];
	uint8_t names[16] = { 8, 0 };
	long reads = 0, bytes = 0;
	double end;

	snprintf(name, sizeof name, "load-guest-%d", k);
	c->fd = connect_unix(sock);
	hello(c, name);
	f[0].n = 65536 - 12;
	f[1].p = (const uint8_t *)"9P2000.L";
	f[1].len = 8;
	p9(c, P9_TVERSION, f);
	memset(f, 0, sizeof f);
	f[1].n = P9_NOFID;
	p9(c, P9_TATTACH, f);
	memcpy(names + 2, "load.txt", 8);
	f[0].n = 0;
	f[1].n = 1;
	f[2].n = 1;
	f[2].p = names;
	f[2].len = 10;
	p9(c, P9_TWALK, f);
	f[0].n = 1;
	f[1].n = 0;
	p9(c, P9_TLOPEN, f);
	end = now() + secs;
	while (now() < end) {
		f[0].n = 1;
		f[1].n = 0;
		f[2].n = 32768;
		p9(c, P9_TREAD, f);
		bytes += f[0].len;
		reads++;
	}
	dprintf(out, "%ld %ld\n", reads, bytes);
	close(c->fd);
	free(c->in);
	free(c);
}

static void many_guests(const char *sock, int nguests, double secs, pid_t dom0d)
{
	int pipefd[2], i;
	long reads = 0, bytes = 0, r, b, peak = 0;
	int failed = 0;
	pid_t *pids = calloc((size_t)nguests, sizeof *pids);
	FILE *in;

	if (!pids || pipe(pipefd) < 0)
		exit(1);
	for (i = 0; i < nguests; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			close(pipefd[0]);
			file_guest(sock, i, secs, pipefd[1]);
			_exit(0);
		}
	}
	close(pipefd[1]);
	for (i = 0; i < (int)(secs * 10); i++) {
		usleep(100000);
		r = rss_kb(dom0d);
		if (r > peak)
			peak = r;
	}
	in = fdopen(pipefd[0], "r");
	while (fscanf(in, "%ld %ld", &r, &b) == 2) {
		reads += r;
		bytes += b;
	}
	fclose(in);
	for (i = 0; i < nguests; i++) {
		int st;
		if (waitpid(pids[i], &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) {
			fprintf(stderr, "guest %d failed\n", i);
			failed = 1;
		}
	}
	free(pids);
	if (failed)
		exit(1);
	printf("load: %d guests at once, each reading a 32 KiB file over 9P for %.0f s: "
	       "%.0f reads/s, %.1f MB/s in total; p-dom0d peak RSS %ld kB\n", nguests, secs,
	       (double)reads / secs, (double)bytes / secs / 1e6, peak);
}

int main(int argc, char **argv)
{
	int nstreams = argc > 2 ? atoi(argv[2]) : 1000, nguests = argc > 4 ? atoi(argv[4]) : 50;
	long per = argc > 3 ? atol(argv[3]) : 256 * 1024;
	double secs = argc > 5 ? atof(argv[5]) : 5;
	char dir[] = "/tmp/pxen-load-XXXXXX", sock[128], root[128], rule[64], path[192];
	int port, fd;
	pid_t dom0d, echo;
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof sa;
	static char data[32768];

	if (argc < 2) {
		fprintf(stderr, "usage: load P-DOM0D [streams [bytes [guests [seconds]]]]\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!mkdtemp(dir))
		return 1;
	snprintf(sock, sizeof sock, "%s/g.sock", dir);
	snprintf(root, sizeof root, "%s/root", dir);
	mkdir(root, 0755);
	snprintf(path, sizeof path, "%s/load.txt", root);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || write(fd, data, sizeof data) != sizeof data)
		return 1;
	close(fd);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	bind(fd, (struct sockaddr *)&sa, sizeof sa);
	getsockname(fd, (struct sockaddr *)&sa, &len);
	port = ntohs(sa.sin_port);
	close(fd);
	echo = echo_server(port);
	snprintf(rule, sizeof rule, "127.0.0.1:%d", port);
	dom0d = fork();
	if (dom0d == 0) {
		/* Whatever ends this program ends the daemon too: left running, it
		 * would hold the caller's output open, and the caller would hang. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		execl(argv[1], "p-dom0d", "--foreground", "--no-xen", "--listen", sock, "--fs", root,
		      "--net", rule, (char *)NULL);
		perror(argv[1]);
		_exit(127);
	}
	fd = connect_wait(sock, CONNECT_WAIT_SECONDS, dom0d);
	if (fd < 0) {
		fprintf(stderr, "%s: %s\n", sock, strerror(-fd));
		return 1;
	}
	close(fd);
	printf("load: p-dom0d idle RSS %ld kB\n", rss_kb(dom0d));
	many_streams(sock, port, nstreams, per, dom0d);
	many_guests(sock, nguests, secs, dom0d);
	usleep(200000);
	printf("load: p-dom0d RSS after all guests left %ld kB\n", rss_kb(dom0d));
	kill(dom0d, SIGTERM);
	kill(echo, SIGTERM);
	waitpid(dom0d, NULL, 0);
	waitpid(echo, NULL, 0);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	return system(path) == 0 ? 0 : 1;
}
