/*
 * vchan-echo-client - dom0 side of the kernel's vchan test.  Connects to a
 * guest's vchan server (p-guest-echo) with libxenvchan_client_init, checks
 * that small messages and a bulk stream come back byte for byte, measures
 * round-trip time and throughput, and prints TAP lines.
 *
 * usage: vchan-echo-client DOMID [XENSTORE-PATH|-] [BULK-BYTES]
 */
#include <libxenvchan.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned char pattern(uint64_t i)
{
	return (unsigned char)(i * 131 + (i >> 8) * 7 + 1);
}

static struct libxenvchan *connect_guest(int domid, const char *path, double wait_s)
{
	double end = now() + wait_s;
	for (;;) {
		struct libxenvchan *v = libxenvchan_client_init(NULL, domid, path);
		if (v)
			return v;
		if (now() > end)
			return NULL;
		usleep(100000);
	}
}

static int pingpong(struct libxenvchan *v, int rounds, size_t len, double *rtt_ms)
{
	unsigned char out[4096], in[4096];
	double t0 = now();
	for (int r = 0; r < rounds; r++) {
		for (size_t i = 0; i < len; i++)
			out[i] = pattern(i + (size_t)r);
		if (libxenvchan_send(v, out, len) != (int)len)
			return -1;
		if (libxenvchan_recv(v, in, len) != (int)len)
			return -1;
		if (memcmp(in, out, len) != 0)
			return -2;
	}
	*rtt_ms = (now() - t0) * 1000 / rounds;
	return 0;
}

static int bulk(struct libxenvchan *v, uint64_t total, double *mbps)
{
	enum { CHUNK = 16384 };
	static unsigned char out[CHUNK], in[CHUNK];
	double t0 = now();
	for (uint64_t off = 0; off < total; off += CHUNK) {
		size_t n = total - off < CHUNK ? (size_t)(total - off) : CHUNK;
		for (size_t i = 0; i < n; i++)
			out[i] = pattern(off + i);
		if (libxenvchan_send(v, out, n) != (int)n)
			return -1;
		if (libxenvchan_recv(v, in, n) != (int)n)
			return -1;
		if (memcmp(in, out, n) != 0)
			return -2;
	}
	*mbps = (double)total / (now() - t0) / 1e6;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s DOMID [XENSTORE-PATH] [BULK-BYTES]\n", argv[0]);
		return 2;
	}
	int domid = atoi(argv[1]);
	char path[64];
	if (argc > 2 && strcmp(argv[2], "-") != 0)
		snprintf(path, sizeof path, "%s", argv[2]);
	else
		snprintf(path, sizeof path, "/local/domain/%d/data/pxen", domid);
	uint64_t total = argc > 3 ? strtoull(argv[3], NULL, 10) : 4u << 20;

	double t0 = now();
	struct libxenvchan *v = connect_guest(domid, path, 60);
	if (!v) {
		printf("not ok - vchan connect to domain %d at %s\n", domid, path);
		return 1;
	}
	/* libxenvchan declares it a signed one-bit field: -1 is its "true". */
	v->blocking = -1;
	printf("ok - vchan connected to domain %d in %.2f s\n", domid, now() - t0);
	int fails = 0;
	double rtt = 0, mbps = 0;
	int rc = pingpong(v, 200, 256, &rtt);
	printf("%s - vchan echo of 200 x 256 B messages (%.2f ms per round trip)%s\n",
	       rc ? "not ok" : "ok", rtt, rc == -2 ? ": data differs" : "");
	fails += rc != 0;
	rc = bulk(v, total, &mbps);
	printf("%s - vchan bulk echo of %llu bytes (%.2f MB/s)%s\n", rc ? "not ok" : "ok",
	       (unsigned long long)total, mbps, rc == -2 ? ": data differs" : "");
	fails += rc != 0;
	libxenvchan_close(v);
	return fails ? 1 : 0;
}
