/*
 * test_flood.c - a guest cannot make p-dom0d queue more replies for it than
 * the documented bound: small Tread requests for 64 KiB each, sent as fast
 * as the daemon takes them and never read, must leave the daemon's memory
 * near where it was, and the guest must still be served once it reads.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "p9.h"
#include "rawguest.h"
#include "tap.h"

static int fd;
static uint8_t buf[PX_MAX_FRAME];

/* Sends one 9P request in a P9 frame and waits for its reply's type. */
static unsigned p9(unsigned type, const struct px_field *f)
{
	struct px_field rf[PX_MAX_FIELDS];

	return raw_p9(fd, type, 1, f, rf, buf);
}

/* The daemon's resident set in KiB, or -1. */
static long rss_kib(pid_t pid)
{
	char p[64], line[128];
	FILE *f;
	long kib = -1;

	snprintf(p, sizeof p, "/proc/%d/status", (int)pid);
	f = fopen(p, "r");
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "VmRSS:", 6))
			kib = atol(line + 6);
	if (f)
		fclose(f);
	return kib;
}

int main(void)
{
	static const char *const args[] = { "--fs", "@/root", NULL };
	static uint8_t frames[2000 * 64];
	struct px_field f[5];
	struct rawd d;
	char path[192];
	long before, after, sent = 0, len = 0, got = 0;
	int file, i;

	if (rawd_start(&d, args) < 0) {
		tap_ok(0, "p-dom0d starts");
		return tap_done();
	}
	snprintf(path, sizeof path, "%s/root/big", d.dir);
	file = open(path, O_WRONLY | O_CREAT, 0644);
	if (file < 0 || ftruncate(file, 1 << 20) < 0)
		return 99;
	close(file);

	fd = raw_connect(d.sock);
	tap_ok(fd >= 0 && raw_hello(fd, 1, "flood", PX_CAP_FILES) >= 0, "a guest with files");
	memset(f, 0, sizeof f);
	f[0].n = PX_MAX_FRAME;
	f[1].p = (const uint8_t *)"9P2000.L";
	f[1].len = 8;
	tap_ok(p9(P9_TVERSION, f) == P9_RVERSION, "Tversion");
	memset(f, 0, sizeof f);
	f[0].n = 1;
	f[1].n = P9_NOFID;
	tap_ok(p9(P9_TATTACH, f) == P9_RATTACH, "Tattach");
	{
		uint8_t names[8];
		px_put16(names, 3);
		memcpy(names + 2, "big", 3);
		memset(f, 0, sizeof f);
		f[0].n = 1;
		f[1].n = 2;
		f[2].n = 1;
		f[2].p = names;
		f[2].len = 5;
		tap_ok(p9(P9_TWALK, f) == P9_RWALK, "Twalk to a 1 MiB file");
	}
	memset(f, 0, sizeof f);
	f[0].n = 2;
	tap_ok(p9(P9_TLOPEN, f) == P9_RLOPEN, "Tlopen it");

	/* 2000 Treads of 64 KiB each: 125 MB of replies if all were queued. */
	for (i = 0; i < 2000; i++) {
		uint8_t msg[64];
		struct px_field rf[3] = { { .n = 2 }, { .n = 0 }, { .n = PX_MAX_FRAME } }, pf;
		long n = p9_encode(msg, sizeof msg, P9_TREAD, (uint16_t)i, rf), m;
		pf.p = msg;
		pf.len = (uint32_t)n;
		m = px_frame(frames + len, sizeof frames - (size_t)len, PX_P9, PX_CH_FILES, 0, &pf);
		if (n < 0 || m < 0)
			return 99;
		len += m;
	}
	before = rss_kib(d.pid);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLOUT };
		ssize_t w;
		if (sent == len || poll(&p, 1, 1000) != 1)
			break;
		w = send(fd, frames + sent, (size_t)(len - sent), MSG_NOSIGNAL);
		if (w <= 0)
			break;
		sent += w;
	}
	usleep(300000);
	after = rss_kib(d.pid);
	printf("# %ld of %ld request bytes taken; daemon RSS %ld KiB before, %ld KiB after\n", sent,
	       len, before, after);
	tap_ok(before > 0 && after - before < 48 * 1024,
	       "the daemon's memory grows by less than 48 MiB (replies it holds stay bounded)");
	fcntl(fd, F_SETFL, 0);
	for (;;) {
		struct px_field out[PX_MAX_FIELDS];
		struct px_hdr h;
		if (sent < len) {
			ssize_t w = send(fd, frames + sent, (size_t)(len - sent), MSG_NOSIGNAL | MSG_DONTWAIT);
			if (w > 0)
				sent += w;
		}
		if (raw_recv(fd, 5000, &h, out, buf, PX_D2G) != 1)
			break;
		if (h.type == PX_P9 && ++got == 2000)
			break;
	}
	tap_ok(got == 2000, "once the guest reads, every Tread is answered");
	close(fd);
	rawd_stop(&d);
	return tap_done();
}
