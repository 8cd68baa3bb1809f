/*
 * client_streams.c - the handle table and byte streams (stdio, REPL,
 * sockets) with credit-based flow control: the client grants dom0 as many
 * bytes as its receive ring holds and credits them back as the program
 * reads; it sends only as much as dom0 granted.
 */
#include <string.h>

#include "client_int.h"
#include "platform.h"

struct cl_handle cl_h[CL_HANDLES];

/* Buffers come from a small static pool first, so the client's own memory
 * does not eat into the heap the program was promised; only beyond it do
 * they come from the platform's pages. */
#define POOL 16
static uint8_t pool[POOL][CL_RX] __attribute__((aligned(4096)));
static uint8_t pool_used[POOL];

void *cl_buf_alloc(void)
{
	int i;

	for (i = 0; i < POOL; i++)
		if (!pool_used[i]) {
			pool_used[i] = 1;
			return pool[i];
		}
	return plat_pages_alloc(CL_RX);
}

void cl_buf_free(void *b)
{
	uint8_t *p = b;

	if (p >= pool[0] && p < pool[0] + sizeof pool)
		pool_used[(p - pool[0]) / CL_RX] = 0;
	else if (p)
		plat_pages_free(p, CL_RX);
}

struct cl_handle *cl_handle_get(int h)
{
	return h >= 0 && h < CL_HANDLES && cl_h[h].kind != CK_FREE ? &cl_h[h] : NULL;
}

int cl_handle_new(enum cl_kind kind)
{
	int h;

	for (h = PLAT_REPL + 1; h < CL_HANDLES; h++)
		if (cl_h[h].kind == CK_FREE) {
			memset(&cl_h[h], 0, sizeof cl_h[h]);
			cl_h[h].kind = kind;
			return h;
		}
	return -PLAT_EMFILE;
}

void cl_handle_free(int h)
{
	struct cl_handle *s = &cl_h[h];

	cl_buf_free(s->rx);
	cl_buf_free(s->dir);
	memset(s, 0, sizeof *s);
}

/* Invariant once open: credit outstanding at dom0 + rx_len + rx_unacked
 * == CL_RX, so dom0 can never overrun the ring. */
int cl_stream_grant(struct cl_handle *s)
{
	struct px_field f;

	if (!s->readable || s->eof || !s->rx_unacked)
		return 0;
	f.n = s->rx_unacked;
	s->rx_unacked = 0;
	return cl_send(PX_CREDIT, s->chan, 0, &f);
}

int cl_stream_init(int h, uint16_t chan, int readable, int writable, int grant)
{
	struct cl_handle *s = &cl_h[h];

	memset(s, 0, sizeof *s);
	s->kind = CK_STREAM;
	s->chan = chan;
	s->readable = readable;
	s->writable = writable;
	if (readable) {
		s->rx = cl_buf_alloc();
		if (!s->rx) {
			s->kind = CK_FREE;
			return -PLAT_ENOMEM;
		}
		s->rx_unacked = CL_RX;
	}
	return grant ? cl_stream_grant(s) : 0;
}

void cl_handles_unlinked(void)
{
	int h;

	for (h = 0; h < CL_HANDLES; h++) {
		struct cl_handle *s = &cl_h[h];
		if (s->kind == CK_FREE)
			continue;
		if (h > PLAT_REPL || s->kind != CK_STREAM) {
			s->lost = 1;
			continue;
		}
		s->tx_credit = 0;
		s->eof = 0;
		if (s->readable)
			s->rx_unacked = CL_RX - s->rx_len;
	}
}

static struct cl_handle *by_chan(uint16_t chan)
{
	int h;

	for (h = 0; h < CL_HANDLES; h++)
		if (cl_h[h].kind == CK_STREAM && cl_h[h].chan == chan && !cl_h[h].lost)
			return &cl_h[h];
	return NULL;
}

void cl_stream_data(uint16_t chan, const uint8_t *p, uint32_t len)
{
	struct cl_handle *s = by_chan(chan);
	uint32_t tail, first;

	if (!s)
		return;	/* closed meanwhile: the bytes have nowhere to go */
	if (!s->readable || len > CL_RX - s->rx_len)
		plat_abort("pxen client: dom0 sent more than the credit it had");
	tail = (s->rx_head + s->rx_len) % CL_RX;
	first = CL_RX - tail < len ? CL_RX - tail : len;
	memcpy(s->rx + tail, p, first);
	memcpy(s->rx, p + first, len - first);
	s->rx_len += len;
}

void cl_stream_eof(uint16_t chan)
{
	struct cl_handle *s = by_chan(chan);

	if (s)
		s->eof = 1;
}

void cl_stream_credit(uint16_t chan, uint32_t n)
{
	struct cl_handle *s = by_chan(chan);

	if (s)
		s->tx_credit += n;
}

long cl_stream_read(struct cl_handle *s, void *buf, size_t n)
{
	uint32_t first, take;
	int err;

	if (!s->readable)
		return -PLAT_EBADF;
	while (!s->rx_len && !s->eof) {
		if (cl_interrupt)
			return -PLAT_EINTR;
		if (cl_pump(-1) < 0)
			return 0;
		if (s->lost)
			return -PLAT_ELOST;
	}
	take = s->rx_len < n ? s->rx_len : (uint32_t)n;
	first = CL_RX - s->rx_head < take ? CL_RX - s->rx_head : take;
	memcpy(buf, s->rx + s->rx_head, first);
	memcpy((uint8_t *)buf + first, s->rx, take - first);
	s->rx_head = (s->rx_head + take) % CL_RX;
	s->rx_len -= take;
	s->rx_unacked += take;
	/* Credit back in batches: each CREDIT is a frame. */
	if (s->rx_unacked >= CL_RX / 4 || (!s->rx_len && s->rx_unacked)) {
		err = cl_stream_grant(s);
		if (err < 0 && !take)
			return err;
	}
	return take;
}

long cl_stream_write(struct cl_handle *s, const void *buf, size_t n)
{
	const uint8_t *p = buf;
	size_t done = 0;

	if (!s->writable)
		return -PLAT_EBADF;
	/* EOF on a stream we only write: its reader is gone. */
	if (s->eof && !s->readable)
		return -PLAT_EPIPE;
	while (done < n) {
		struct px_field f;
		uint32_t chunk;
		int err;
		while (!s->tx_credit && !(s->eof && !s->readable)) {
			if (cl_pump(-1) < 0)
				return done ? (long)done : -PLAT_EPIPE;
			if (s->lost)
				return done ? (long)done : -PLAT_ELOST;
		}
		if (!s->tx_credit)
			return done ? (long)done : -PLAT_EPIPE;
		chunk = cl_max_frame - PX_HDR;
		if (chunk > s->tx_credit)
			chunk = s->tx_credit;
		if (chunk > n - done)
			chunk = (uint32_t)(n - done);
		f.p = p + done;
		f.len = chunk;
		err = cl_send(PX_DATA, s->chan, 0, &f);
		/* A stdio stream outlives its p-dom0d: the chunk goes again
		 * to the next one, once it grants credit. */
		if (err == -PLAT_ELOST && !s->lost)
			continue;
		if (err < 0)
			return done ? (long)done : err;
		s->tx_credit -= chunk;
		done += chunk;
	}
	return (long)done;
}
