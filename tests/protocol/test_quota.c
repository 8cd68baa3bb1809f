/*
 * test_quota.c - quotas on what a guest does to its export, set with
 * p-dom0d --quota: bytes written (a write past it is cut short, then
 * refused with EDQUOT), files created (EDQUOT) and fids open (EMFILE).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "p9.h"
#include "rawguest.h"
#include "tap.h"

static int fd;
static uint8_t buf[PX_MAX_FRAME];
static struct px_field rf[PX_MAX_FIELDS];

/* One 9P request; the reply's type (rf holds its fields), or 0. */
static unsigned p9(unsigned type, const struct px_field *f)
{
	static uint16_t tag;

	return raw_p9(fd, type, ++tag, f, rf, buf);
}

static unsigned clone(uint32_t from, uint32_t to)
{
	struct px_field f[3] = { { .n = from }, { .n = to }, { .n = 0 } };

	return p9(P9_TWALK, f);
}

static unsigned create(uint32_t fid, const char *name)
{
	struct px_field f[5] = { { .n = fid }, { .p = (const uint8_t *)name, .len = (uint32_t)strlen(name) },
				 { .n = P9_O_WRONLY }, { .n = 0644 } };

	return p9(P9_TLCREATE, f);
}

int main(void)
{
	static const char *const args[] = { "--fs", "@/root", "--quota", "bytes=100", "--quota",
					    "files=2", "--quota", "fids=4", NULL };
	static const char data[80] = "0123456789";
	struct px_field f[5];
	struct rawd d;

	if (rawd_start(&d, args) < 0) {
		tap_ok(0, "p-dom0d starts with --quota bytes=100 files=2 fids=4");
		return tap_done();
	}
	fd = raw_connect(d.sock);
	tap_ok(fd >= 0 && raw_hello(fd, 1, "quota", PX_CAP_FILES) >= 0, "a guest with files");
	memset(f, 0, sizeof f);
	f[0].n = PX_MAX_FRAME;
	f[1].p = (const uint8_t *)"9P2000.L";
	f[1].len = 8;
	p9(P9_TVERSION, f);
	memset(f, 0, sizeof f);
	f[0].n = 1;
	f[1].n = P9_NOFID;
	tap_ok(p9(P9_TATTACH, f) == P9_RATTACH, "attach (fid 1 of 4)");
	tap_ok(clone(1, 2) == P9_RWALK && create(2, "a") == P9_RLCREATE, "create a file (1 of 2)");
	memset(f, 0, sizeof f);
	f[0].n = 2;
	f[2].p = (const uint8_t *)data;
	f[2].len = sizeof data;
	tap_ok(p9(P9_TWRITE, f) == P9_RWRITE && rf[0].n == 80, "write 80 bytes");
	f[1].n = 80;
	tap_ok(p9(P9_TWRITE, f) == P9_RWRITE && rf[0].n == 20, "the next 80 are cut to the 20 left");
	f[1].n = 100;
	tap_ok(p9(P9_TWRITE, f) == P9_RLERROR && rf[0].n == EDQUOT, "then writes give EDQUOT");
	memset(f, 0, sizeof f);
	f[0].n = 1;
	f[1].p = (const uint8_t *)"d";
	f[1].len = 1;
	f[2].n = 0755;
	tap_ok(p9(P9_TMKDIR, f) == P9_RMKDIR, "make a directory (2 of 2)");
	tap_ok(clone(1, 3) == P9_RWALK && create(3, "b") == P9_RLERROR && rf[0].n == EDQUOT,
	       "a third creation gives EDQUOT");
	tap_ok(clone(1, 4) == P9_RWALK, "a fourth fid");
	tap_ok(clone(1, 5) == P9_RLERROR && rf[0].n == EMFILE, "a fifth gives EMFILE");
	close(fd);
	rawd_stop(&d);
	return tap_done();
}
