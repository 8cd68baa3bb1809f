/*
 * fuzz_dom0d.c - libFuzzer target for p-dom0d's request handling: each input
 * is what two local guests at once send after a valid HELLO (a session of
 * frames across every channel, delivered in chunks), fed through the real
 * transport, dispatcher, 9P file server (on a scratch export), streams and
 * socket code; then the guests hang up and every resource they held must be
 * released (LeakSanitizer checks).  Built with clang -fsanitize=fuzzer.
 * LLVMFuzzerInitialize writes well-formed sessions into the corpus as seeds.
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
#include <unistd.h>

#include "core/daemon.h"
#include "core/fdbudget.h"
#include "core/guest.h"
#include "transport/local_tp.h"
#include "p9.h"
#include "px_msgs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Seeds: one well-formed session per file, so mutation starts from inputs
 * that reach deep into the file server, streams and sockets. */
struct seed {
	uint8_t buf[8192];
	size_t len;
};

static void add(struct seed *s, unsigned type, unsigned chan, uint32_t tag, const struct px_field *f)
{
	long n = px_frame(s->buf + s->len, sizeof s->buf - s->len, type, chan, tag, f);

	if (n > 0)
		s->len += (size_t)n;
}

static void add9(struct seed *s, unsigned type, const struct px_field *f)
{
	static uint16_t tag = 1;
	uint8_t msg[2048];
	long n = p9_encode(msg, sizeof msg, type, tag++, f);
	struct px_field body = { .p = msg, .len = (uint32_t)(n > 0 ? n : 0) };

	if (n > 0)
		add(s, PX_P9, PX_CH_FILES, 0, &body);
}

static void names(struct px_field *f, uint8_t *buf, const char *a, const char *b)
{
	size_t la = strlen(a), lb = b ? strlen(b) : 0;

	px_put16(buf, (uint16_t)la);
	memcpy(buf + 2, a, la);
	f->n = 1;
	f->len = (uint32_t)(2 + la);
	if (b) {
		px_put16(buf + f->len, (uint16_t)lb);
		memcpy(buf + f->len + 2, b, lb);
		f->len += (uint32_t)(2 + lb);
		f->n = 2;
	}
	f->p = buf;
}

#define STR(x) { .p = (const uint8_t *)(x), .len = sizeof(x) - 1 }

static void write_seed(const char *dir, int k, const struct seed *s)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/seed-%d", dir, k);
	f = fopen(path, "wb");
	if (f) {
		fwrite(s->buf, 1, s->len, f);
		fclose(f);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static struct seed s[4];
	const char *dir = NULL;
	uint8_t nb[64], addr[PX_ADDR_LEN] = { 4, 0x50, 0, 127, 0, 0, 1 };
	int i;

	for (i = 1; i < *argc; i++)
		if ((*argv)[i][0] != '-')
			dir = (*argv)[i];
	if (!dir)
		return 0;
	{
		struct px_field v[2] = { { .n = 8192 }, STR("9P2000.L") };
		struct px_field a[5] = { { .n = 0 }, { .n = P9_NOFID }, STR(""), STR(""), { .n = 0 } };
		struct px_field w[3] = { { .n = 0 }, { .n = 1 } };
		struct px_field o[2] = { { .n = 1 }, { .n = 0 } };
		struct px_field r[3] = { { .n = 1 }, { .n = 0 }, { .n = 100 } };
		struct px_field c[5] = { { .n = 0 }, STR("new.txt"), { .n = 0101 }, { .n = 0644 }, { .n = 0 } };
		struct px_field wr[3] = { { .n = 0 }, { .n = 0 }, STR("hello") };
		struct px_field g[2] = { { .n = 1 }, { .n = 0x7ff } };
		struct px_field cl = { .n = 1 };
		names(&w[2], nb, "file.txt", NULL);
		add(&s[0], PX_TIME, 0, 1, NULL);
		add9(&s[0], P9_TVERSION, v);
		add9(&s[0], P9_TATTACH, a);
		add9(&s[0], P9_TWALK, w);
		add9(&s[0], P9_TGETATTR, g);
		add9(&s[0], P9_TLOPEN, o);
		add9(&s[0], P9_TREAD, r);
		add9(&s[0], P9_TCLUNK, &cl);
		w[1].n = 2;
		w[2].n = 0;
		w[2].len = 0;
		add9(&s[0], P9_TWALK, w);
		add9(&s[0], P9_TLCREATE, c);
		wr[0].n = 2;
		add9(&s[0], P9_TWRITE, wr);
		write_seed(dir, 0, &s[0]);
	}
	{
		struct px_field v[2] = { { .n = 8192 }, STR("9P2000.L") };
		struct px_field a[5] = { { .n = 0 }, { .n = P9_NOFID }, STR(""), STR(""), { .n = 0 } };
		struct px_field m[4] = { { .n = 0 }, STR("d"), { .n = 0755 }, { .n = 0 } };
		struct px_field rn[4] = { { .n = 0 }, STR("d"), { .n = 0 }, STR("e") };
		struct px_field sl[4] = { { .n = 0 }, STR("l"), STR("../../etc"), { .n = 0 } };
		struct px_field w[3] = { { .n = 0 }, { .n = 3 } };
		struct px_field rl = { .n = 3 };
		struct px_field o[2] = { { .n = 0 }, { .n = 0200000 } };
		struct px_field rd[3] = { { .n = 0 }, { .n = 0 }, { .n = 4096 } };
		struct px_field un[3] = { { .n = 0 }, STR("e"), { .n = 0x200 } };
		struct px_field st = { .n = 0 };
		add9(&s[1], P9_TVERSION, v);
		add9(&s[1], P9_TATTACH, a);
		add9(&s[1], P9_TMKDIR, m);
		add9(&s[1], P9_TRENAMEAT, rn);
		add9(&s[1], P9_TSYMLINK, sl);
		names(&w[2], nb, "l", NULL);
		add9(&s[1], P9_TWALK, w);
		add9(&s[1], P9_TREADLINK, &rl);
		add9(&s[1], P9_TSTATFS, &st);
		add9(&s[1], P9_TUNLINKAT, un);
		a[0].n = 5;
		add9(&s[1], P9_TATTACH, a);
		o[0].n = 5;
		add9(&s[1], P9_TLOPEN, o);
		rd[0].n = 5;
		add9(&s[1], P9_TREADDIR, rd);
		write_seed(dir, 1, &s[1]);
	}
	{
		struct px_field sk[2] = { { .n = 4 }, { .n = 1 } };
		struct px_field cn[2] = { { .n = 16 }, { .p = addr, .len = PX_ADDR_LEN } };
		struct px_field rs[2] = { STR("localhost"), { .n = 80 } };
		struct px_field rel = { .n = 16 };
		add(&s[2], PX_SOCKET, PX_CH_SOCKETS, 1, sk);
		add(&s[2], PX_CONNECT, PX_CH_SOCKETS, 2, cn);
		add(&s[2], PX_BIND, PX_CH_SOCKETS, 3, cn);
		add(&s[2], PX_RESOLVE, PX_CH_SOCKETS, 4, rs);
		add(&s[2], PX_RELEASE, PX_CH_SOCKETS, 5, &rel);
		write_seed(dir, 2, &s[2]);
	}
	{
		struct px_field cr = { .n = 4096 }, d = STR("output bytes"), rnd = { .n = 16 };
		struct px_field lg[2] = { { .n = 2 }, STR("a log line") }, ex = { .n = 3 };
		add(&s[3], PX_CREDIT, PX_CH_STDIN, 0, &cr);
		add(&s[3], PX_DATA, PX_CH_STDOUT, 0, &d);
		add(&s[3], PX_DATA, PX_CH_STDERR, 0, &d);
		add(&s[3], PX_RANDOM, 0, 2, &rnd);
		add(&s[3], PX_LOG, 0, 0, lg);
		add(&s[3], PX_WINSIZE_Q, 0, 3, NULL);
		add(&s[3], PX_EOF, PX_CH_STDOUT, 0, NULL);
		add(&s[3], PX_EXIT, 0, 4, &ex);
		write_seed(dir, 3, &s[3]);
	}
	return 0;
}

static struct daemon *daemon_once(void)
{
	static struct daemon d;
	static int ready;
	char root[] = "/tmp/pxen-fuzz-XXXXXX", p[64];
	int fd;

	if (ready)
		return &d;
	if (!mkdtemp(root))
		abort();
	snprintf(p, sizeof p, "%s/file.txt", root);
	fd = open(p, O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || write(fd, "some bytes\n", 11) != 11)
		abort();
	close(fd);
	snprintf(p, sizeof p, "%s/dir", root);
	mkdir(p, 0755);
	snprintf(d.local_pol.root, sizeof d.local_pol.root, "%s", root);
	d.local_pol.nrules = 0;
	d.ep = epoll_create1(EPOLL_CLOEXEC);
	d.verbose = 0;
	d.single = 1;
	d.local_l.fd = d.control_l.fd = -1;
	d.fd_ceiling = fdbudget_ceiling();
	ready = 1;
	return &d;
}

static void drain(int fd)
{
	char buf[65536];

	while (recv(fd, buf, sizeof buf, MSG_DONTWAIT) > 0)
		;
}

/* Writes n bytes to a guest's end, letting the daemon run whenever the
 * socket is full; stops when the daemon has hung up on that guest. */
static void feed(struct daemon *d, const int *ends, int k, const uint8_t *p, size_t n)
{
	size_t off = 0;
	int i;

	while (off < n) {
		ssize_t w = send(ends[k], p + off, n - off, MSG_NOSIGNAL);
		if (w < 0 && errno != EAGAIN)
			return;
		if (w <= 0) {
			loop_once(d, 0);
			for (i = 0; i < 2; i++)
				drain(ends[i]);
			continue;
		}
		off += (size_t)w;
	}
}

/* Two guests receive the same input at once, in chunks of 1 to 256 bytes
 * (the first byte decides) with a turn of the event loop after each: frames
 * arrive split and interleaved with the daemon's own events, and the two
 * guests race on one export, one resolver and one descriptor budget. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct daemon *d = daemon_once();
	struct px_field f[5] = { { .n = 1 }, { .n = PX_MAX_FRAME }, { .n = 0 },
				 { .p = (const uint8_t *)"fuzz", .len = 4 }, { .n = 15 } };
	uint8_t hello[64];
	long hn = px_frame(hello, sizeof hello, PX_HELLO, 0, 0, f);
	size_t chunk = size ? 1 + data[0] % 256u : 1, off, n;
	int sv[2], ends[2], k, rounds;

	for (k = 0; k < 2; k++) {
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) < 0)
			abort();
		ends[k] = sv[1];
		if (!local_adopt(d, sv[0]))
			abort();
		feed(d, ends, k, hello, (size_t)hn);
	}
	for (off = 0; off < size; off += n) {
		n = size - off < chunk ? size - off : chunk;
		for (k = 0; k < 2; k++)
			feed(d, ends, k, data + off, n);
		loop_once(d, 0);
		for (k = 0; k < 2; k++)
			drain(ends[k]);
	}
	for (rounds = 0; rounds < 8; rounds++) {
		loop_once(d, 0);
		for (k = 0; k < 2; k++)
			drain(ends[k]);
	}
	for (k = 0; k < 2; k++)
		close(ends[k]);
	for (rounds = 0; rounds < 100 && d->nguests; rounds++)
		loop_once(d, 10);
	return 0;
}
