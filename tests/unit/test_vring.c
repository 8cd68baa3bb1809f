/*
 * test_vring.c - unit test of the vchan ring arithmetic in shared/vring.c:
 * fill and room with free-running u32 indices (including wrap-around of the
 * counters), the corrupt-peer rule, and the split of a transfer into
 * contiguous spans.  Prints TAP.
 */
#include <stdio.h>
#include <string.h>
#include "vchan_layout.h"
#include "vring.h"
#include "tap.h"

/* Moves `len` bytes through a simulated ring in chunks and checks that
 * what comes out equals what went in. */
static int stream_roundtrip(uint32_t start, uint32_t size, uint32_t len, uint32_t chunk)
{
	static unsigned char ring[1 << 12], out[1 << 16];
	uint32_t prod = start, cons = start, sent = 0, got = 0;
	while (got < len) {
		uint32_t room = vring_space(prod, cons, size);
		uint32_t w = len - sent < chunk ? len - sent : chunk;
		if (w > room)
			w = room;
		struct vring_span s[2];
		int k = vring_spans(prod, w, size, s);
		uint32_t done = 0;
		for (int i = 0; i < k; i++)
			for (uint32_t j = 0; j < s[i].len; j++, done++)
				ring[s[i].off + j] = (unsigned char)(sent + done);
		sent += w;
		prod += w;
		uint32_t r = vring_avail(prod, cons, size);
		if (r > chunk / 2 + 1)
			r = chunk / 2 + 1;
		k = vring_spans(cons, r, size, s);
		for (int i = 0; i < k; i++) {
			memcpy(out + got, ring + s[i].off, s[i].len);
			got += s[i].len;
		}
		cons += r;
	}
	for (uint32_t i = 0; i < len; i++)
		if (out[i] != (unsigned char)i)
			return 0;
	return 1;
}

int main(void)
{
	struct vring_span s[2];

	tap_ok(vring_avail(0, 0, 1024) == 0 && vring_space(0, 0, 1024) == 1024, "empty ring");
	tap_ok(vring_avail(1024, 0, 1024) == 1024 && vring_space(1024, 0, 1024) == 0, "full ring");
	tap_ok(vring_avail(5, 0xfffffffbu, 1024) == 10, "fill across the u32 wrap of the indices");
	tap_ok(vring_space(5, 0xfffffffbu, 1024) == 1014, "room across the u32 wrap of the indices");
	tap_ok(vring_avail(2000, 0, 1024) == 0 && vring_space(2000, 0, 1024) == 0,
	   "a fill above the size (corrupt peer) reads as empty and full");
	tap_ok(vring_avail(0, 1, 1024) == 0, "consumer ahead of producer (corrupt) reads as empty");
	tap_ok(vring_spans(10, 0, 1024, s) == 0, "no spans for zero bytes");
	tap_ok(vring_spans(1030, 20, 1024, s) == 1 && s[0].off == 6 && s[0].len == 20,
	   "one span inside the buffer");
	tap_ok(vring_spans(1020, 10, 1024, s) == 2 && s[0].off == 1020 && s[0].len == 4 &&
	   s[1].off == 0 && s[1].len == 6, "a transfer across the end splits in two");
	tap_ok(vring_spans(1024, 1024, 1024, s) == 1 && s[0].off == 0 && s[0].len == 1024,
	   "a whole-ring transfer from offset 0 is one span");
	tap_ok(vring_spans(0xfffffffeu, 8, 4096, s) == 2 && s[0].off == 4094 && s[0].len == 2 &&
	   s[1].off == 0 && s[1].len == 6, "spans across the u32 wrap of the index");
	tap_ok(stream_roundtrip(0, 1024, 60000, 700), "a 60000-byte stream survives a 1 KiB ring");
	tap_ok(stream_roundtrip(0xffffff00u, 4096, 65536, 4096),
	   "a stream starting just before the index wrap survives");
	tap_ok(sizeof(struct vchan_page) == 24, "vchan control page header is 24 bytes");
	return tap_done();
}
