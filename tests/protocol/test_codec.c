/*
 * test_codec.c - round trips of every pxen and 9P2000.L message layout, and
 * rejection of truncated, overlong, oversized and misdirected input.
 */
#include <stdio.h>
#include <string.h>

#include "p9.h"
#include "px_msgs.h"
#include "tap.h"

static uint8_t qid[13] = { 0x80, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
static uint8_t addr[19] = { 6, 0x50, 0, 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
static uint8_t strs[] = { 3, 0, 'a', 'b', 'c', 0, 0 };
static uint8_t qids[26];
static uint8_t addrs[38];

/* Sample fields for a layout: every letter gets a distinctive value. */
static void fill(const char *fmt, struct px_field *f)
{
	int k;

	memcpy(qids, qid, 13);
	memcpy(qids + 13, qid, 13);
	memcpy(addrs, addr, 19);
	memcpy(addrs + 19, addr, 19);
	addrs[19] = 4;
	for (k = 0; fmt[k]; k++) {
		memset(&f[k], 0, sizeof f[k]);
		switch (fmt[k]) {
		case 'b': f[k].n = 0xab; break;
		case 'w': f[k].n = 0xbeef; break;
		case 'd': f[k].n = 0xdeadbeef; break;
		case 'q': f[k].n = 0x0123456789abcdefull; break;
		case 's': f[k].p = (const uint8_t *)"name"; f[k].len = 4; break;
		case 'Q': f[k].p = qid; f[k].len = 13; break;
		case 'A': f[k].p = addr; f[k].len = 19; break;
		case 'D': f[k].p = (const uint8_t *)"data!"; f[k].len = 5; f[k].n = 5; break;
		case 'R': f[k].p = (const uint8_t *)"the rest"; f[k].len = 8; f[k].n = 8; break;
		case 'S': f[k].n = 2; f[k].p = strs; f[k].len = sizeof strs; break;
		case 'U': f[k].n = 2; f[k].p = qids; f[k].len = 26; break;
		case 'Z': f[k].n = 2; f[k].p = addrs; f[k].len = 38; break;
		}
	}
}

static int same(const char *fmt, const struct px_field *a, const struct px_field *b)
{
	int k;

	for (k = 0; fmt[k]; k++) {
		if (strchr("bwdq", fmt[k]) && a[k].n != b[k].n)
			return 0;
		if (!strchr("bwdq", fmt[k]) &&
		    (a[k].len != b[k].len || memcmp(a[k].p, b[k].p, a[k].len)))
			return 0;
		if (strchr("SUZ", fmt[k]) && a[k].n != b[k].n)
			return 0;
	}
	return 1;
}

/* Every strict prefix must fail (except where the last field swallows the
 * rest), and one byte too many must fail. */
static int strict(const uint8_t *body, long n, const char *fmt)
{
	struct px_field f[PX_MAX_FIELDS];
	uint8_t longer[PX_MAX_FRAME];
	size_t flen = strlen(fmt);
	long cut;

	if (!flen || fmt[flen - 1] != 'R')
		for (cut = 0; cut < n; cut++)
			if (px_decode(body, (size_t)cut, fmt, f) >= 0)
				return 0;
	if (flen && fmt[flen - 1] == 'R')
		return 1;
	memcpy(longer, body, (size_t)n);
	longer[n] = 0;
	return px_decode(longer, (size_t)n + 1, fmt, f) < 0;
}

static void pxen_messages(void)
{
	unsigned type;
	int all = 1, count = 0, strict_ok = 1;

	for (type = 0; type < 0x100; type++) {
		const struct px_msg_info *mi = px_msg_info(type);
		struct px_field in[PX_MAX_FIELDS], out[PX_MAX_FIELDS];
		uint8_t buf[PX_MAX_FRAME];
		struct px_hdr h;
		long n;
		unsigned chan;
		const char *why;
		if (!mi)
			continue;
		count++;
		fill(mi->fmt, in);
		chan = mi->chans & PX_CC_STREAM ? 20 : mi->chans & PX_CC_SOCKETS ? 2 :
		       mi->chans & PX_CC_FILES ? 1 : 0;
		n = px_frame(buf, sizeof buf, type, chan, 77, in);
		if (n < PX_HDR || px_hdr_decode(buf, PX_MAX_FRAME, &h) < 0 || h.size != n ||
		    h.type != type || h.chan != chan || h.tag != 77 ||
		    px_check(&h, buf + PX_HDR, mi->dirs, out, &why) < 0 || !same(mi->fmt, in, out)) {
			printf("# round trip of %s failed\n", mi->name);
			all = 0;
		}
		if (!strict(buf + PX_HDR, n - PX_HDR, mi->fmt)) {
			printf("# %s accepts a truncated or overlong body\n", mi->name);
			strict_ok = 0;
		}
	}
	tap_ok(all && count >= 42, "every pxen message survives a round trip");
	tap_ok(strict_ok, "truncated and overlong pxen bodies are rejected");
}

static void p9_messages(void)
{
	unsigned type;
	int all = 1, strict_ok = 1, count = 0;

	for (type = 0; type < 0x100; type++) {
		const char *fmt = p9_fmt(type);
		struct px_field in[PX_MAX_FIELDS], out[PX_MAX_FIELDS];
		uint8_t buf[PX_MAX_FRAME];
		unsigned rtype;
		uint16_t rtag;
		long n;
		if (!fmt)
			continue;
		count++;
		fill(fmt, in);
		n = p9_encode(buf, sizeof buf, type, 0x1234, in);
		if (n < P9_HDR || p9_decode(buf, (size_t)n, &rtype, &rtag, out) < 0 ||
		    rtype != type || rtag != 0x1234 || !same(fmt, in, out)) {
			printf("# 9P type %u round trip failed\n", type);
			all = 0;
		}
		if (!strict(buf + P9_HDR, n - P9_HDR, fmt) ||
		    p9_decode(buf, (size_t)n - 1, &rtype, &rtag, out) == 0) {
			printf("# 9P type %u accepts bad lengths\n", type);
			strict_ok = 0;
		}
	}
	tap_ok(all && count == 39, "every 9P2000.L message survives a round trip");
	tap_ok(strict_ok, "truncated and overlong 9P messages are rejected");
}

static void known_bytes(void)
{
	/* Tversion msize 8192 "9P2000.L", tag NOTAG, from the 9P2000.L spec. */
	static const uint8_t tversion[] = { 21, 0, 0, 0, 100, 0xff, 0xff, 0, 0x20, 0, 0,
					    8, 0, '9', 'P', '2', '0', '0', '0', '.', 'L' };
	struct px_field f[PX_MAX_FIELDS];
	uint8_t buf[64];
	unsigned type;
	uint16_t tag;
	long n;

	tap_ok(p9_decode(tversion, sizeof tversion, &type, &tag, f) == 0 && type == P9_TVERSION &&
	       tag == P9_NOTAG && f[0].n == 8192 && f[1].len == 8 && !memcmp(f[1].p, "9P2000.L", 8),
	       "decode a Tversion byte for byte");
	n = p9_encode(buf, sizeof buf, P9_TVERSION, P9_NOTAG, f);
	tap_ok(n == sizeof tversion && !memcmp(buf, tversion, sizeof tversion),
	       "encode the same Tversion byte for byte");
}

static void rejections(void)
{
	uint8_t b[PX_HDR] = { 0 };
	struct px_field f[PX_MAX_FIELDS];
	struct px_hdr h;
	const char *why;
	uint8_t body[4] = { 1, 0, 0, 0 };

	px_put32(b, 11);
	tap_ok(px_hdr_decode(b, PX_MAX_FRAME, &h) < 0, "a frame shorter than its header is rejected");
	px_put32(b, PX_MAX_FRAME + 1);
	tap_ok(px_hdr_decode(b, PX_MAX_FRAME, &h) < 0, "an oversized frame length is rejected");
	px_put32(b, 0xffffffffu);
	tap_ok(px_hdr_decode(b, PX_MAX_FRAME, &h) < 0, "a 4 GiB frame length is rejected");
	h.size = PX_HDR + 4;
	h.type = 0x77;
	h.chan = 0;
	h.tag = 0;
	tap_ok(px_check(&h, body, PX_G2D, f, &why) < 0, "an unknown type is rejected");
	h.type = PX_EXIT;
	h.chan = PX_CH_FILES;
	tap_ok(px_check(&h, body, PX_G2D, f, &why) < 0, "a type on the wrong channel is rejected");
	h.chan = 0;
	tap_ok(px_check(&h, body, PX_D2G, f, &why) < 0, "a type in the wrong direction is rejected");
	tap_ok(px_check(&h, body, PX_G2D, f, &why) == 0 && f[0].n == 1, "a good EXIT passes");
	h.chan = 9;
	h.type = PX_DATA;
	tap_ok(px_check(&h, body, PX_G2D, f, &why) < 0, "an unused channel is rejected");
	h.chan = 3;
	h.size = PX_HDR;
	tap_ok(px_check(&h, body, PX_D2G, f, &why) < 0, "an empty DATA is rejected");
	{
		/* A walk claiming more names than it carries. */
		uint8_t walk[] = { 9, 0, 0, 0, 9, 0, 0, 0, 5, 0, 1, 0, 'x' };
		tap_ok(px_decode(walk, sizeof walk, "ddS", f) < 0, "a short name array is rejected");
		walk[8] = 1;
		tap_ok(px_decode(walk, sizeof walk, "ddS", f) == 3 && f[2].n == 1,
		       "the same array with the right count passes");
	}
	{
		uint8_t a[19] = { 5 };
		tap_ok(px_decode(a, sizeof a, "A", f) < 0, "an address of unknown family is rejected");
	}
}

int main(void)
{
	pxen_messages();
	p9_messages();
	known_bytes();
	rejections();
	return tap_done();
}
