/*
 * client_core.c - the client's frame pump, request/reply matching and the
 * control services (HELLO, EXIT, time, random, window size, LOG,
 * INTERRUPT).
 */
#include <string.h>

#include "client_int.h"
#include "p9.h"
#include "platform.h"
#include "transport.h"

#define RBUF (2 * PX_MAX_FRAME)

uint32_t cl_max_frame = PX_MAX_FRAME;
uint32_t cl_caps;
void (*cl_mirror)(const void *buf, size_t n);
int cl_interrupt;
int cl_pending_accept = -1;

static uint8_t rbuf[RBUF];
static size_t rlen;
static uint8_t txbuf[PX_MAX_FRAME];
static uint8_t replybuf[PX_MAX_FRAME];
static uint8_t p9buf[PX_MAX_FRAME];
static int dead;		/* the link is gone and cannot come back */
static int link_down;		/* the link broke; relink() brings it back */
static int relinking;		/* relink() is saying HELLO */
/* Counts the links lost so far: a request sent in one epoch and not
 * answered in it is lost (-PLAT_ELOST). */
static uint32_t cl_epoch;
static uint32_t hello_domid, hello_caps;
static char hello_name[64];
static uint32_t next_tag = 1;
static uint16_t next_p9tag = 1;

/* The one request waiting for its reply. */
static struct {
	int active, done;
	uint16_t chan;
	uint32_t tag;
	int p9tag;	/* 9P replies carry their own tag, -1 otherwise */
} want;

static void take_frame(const struct px_hdr *h, const uint8_t *body)
{
	struct px_field f[PX_MAX_FIELDS];
	const char *why;

	if (px_check(h, body, PX_D2G, f, &why) < 0)
		plat_abort("pxen client: dom0 sent a malformed message");
	switch (px_chan_class(h->chan)) {
	case PX_CC_STREAM:
		if (h->type == PX_DATA)
			cl_stream_data(h->chan, f[0].p, f[0].len);
		else if (h->type == PX_EOF)
			cl_stream_eof(h->chan);
		else if (h->type == PX_CREDIT)
			cl_stream_credit(h->chan, (uint32_t)f[0].n);
		return;
	case PX_CC_CONTROL:
		if (h->type == PX_INTERRUPT) {
			if (!cl_interrupt)
				cl_interrupt = PLAT_INTR_USER;
			return;
		}
		break;
	default:
		break;
	}
	if (!want.active || want.done || h->chan != want.chan)
		return;
	if (want.p9tag >= 0) {
		if (f[0].len < P9_HDR || px_get16(f[0].p + 5) != want.p9tag)
			return;
	} else if (h->tag != want.tag) {
		return;
	}
	memcpy(replybuf, (const uint8_t *)body - PX_HDR, h->size);
	want.done = 1;
	if (h->type == PX_ACCEPT + PX_SOCK_REPLY && cl_pending_accept >= 0)
		cl_h[cl_pending_accept].chan = (uint16_t)f[0].n;
}

/* Splits what is in rbuf into frames. */
static void take_frames(void)
{
	size_t pos = 0;

	while (rlen - pos >= PX_HDR) {
		struct px_hdr h;
		if (px_hdr_decode(rbuf + pos, cl_max_frame, &h) < 0)
			plat_abort("pxen client: dom0 sent a frame of impossible length");
		if (rlen - pos < h.size)
			break;
		take_frame(&h, rbuf + pos + PX_HDR);
		pos += h.size;
	}
	memmove(rbuf, rbuf + pos, rlen - pos);
	rlen -= pos;
}

/* The transport broke: p-dom0d went away.  What the old daemon held is
 * gone with it: the reply awaited (wait_reply sees the epoch move), the
 * files, directories and sockets (marked lost), the half-read frame and
 * the stdio credit.  The link comes back in relink(). */
static void lose_link(void)
{
	if (relinking)
		return;
	link_down = 1;
	cl_epoch++;
	rlen = 0;
	want.active = 0;
	cl_pending_accept = -1;
	cl_handles_unlinked();
}

static int hello(void);

/* Waits up to timeout_ns (-1: no limit) for a new p-dom0d and says HELLO
 * to it; 0 once the link is up (or while the HELLO is on its way),
 * -PLAT_EAGAIN if none came yet, or -PLAT_EPIPE for good. */
static int relink(int64_t timeout_ns)
{
	if (!link_down || relinking)
		return 0;
	for (;;) {
		int err = transport_reconnect(timeout_ns);
		if (err < 0) {
			if (err != -PLAT_EAGAIN)
				dead = 1;
			return err;
		}
		relinking = 1;
		rlen = 0;
		/* Again for each try: a p-dom0d that went away in the middle
		 * of the last HELLO may have been granted stdin's credit. */
		cl_handles_unlinked();
		err = hello();
		relinking = 0;
		if (err == 0) {
			link_down = 0;
			return 0;
		}
		if (err != -PLAT_EPIPE) {
			dead = 1;
			return -PLAT_EPIPE;
		}
	}
}

/* A transport error: during HELLO the link is being rebuilt already;
 * otherwise it is lost now and comes back later. */
static int transport_failed(void)
{
	if (relinking)
		return -PLAT_EPIPE;
	lose_link();
	return -PLAT_ELOST;
}

int cl_pump(int64_t timeout_ns)
{
	for (;;) {
		int got = 0;
		long r = 0;

		if (dead)
			return -PLAT_EPIPE;
		/* Frames taken in during the HELLO may be what the caller
		 * waits for: it looks again. */
		if (link_down && !relinking) {
			r = relink(timeout_ns);
			return r == 0 || r == -PLAT_EAGAIN ? 0 : -PLAT_EPIPE;
		}
		while (rlen < RBUF && (r = transport_recv(rbuf + rlen, RBUF - rlen)) > 0) {
			rlen += (size_t)r;
			got = 1;
			take_frames();
		}
		/* The caller looks again: an awaited reply is lost, a read
		 * waits for the next p-dom0d. */
		if (r < 0)
			return transport_failed() == -PLAT_ELOST ? 0 : -PLAT_EPIPE;
		if (got || timeout_ns == 0)
			return 0;
		r = transport_wait(TRANSPORT_RECV, timeout_ns);
		if (r < 0)
			return transport_failed() == -PLAT_ELOST ? 0 : -PLAT_EPIPE;
		/* An interrupt the platform posted while we slept is the
		 * caller's to see (a blocked read ends with EINTR). */
		if (r == 0 || cl_interrupt)
			return 0;
	}
}

/* Sends a whole frame: -PLAT_ELOST if the link broke under it (nothing of
 * it reached the new p-dom0d), -PLAT_EPIPE if it cannot come back. */
static int send_bytes(const uint8_t *p, size_t n)
{
	uint32_t epoch;

	if (dead)
		return -PLAT_EPIPE;
	epoch = cl_epoch;
	while (n) {
		long w = transport_send(p, n);
		if (w < 0)
			return transport_failed();
		p += w;
		n -= (size_t)w;
		if (n) {
			/* Keep taking frames in while dom0 cannot take ours, or both
			 * sides would wait on each other. */
			if (cl_pump(0) < 0)
				return -PLAT_EPIPE;
			if (epoch != cl_epoch)
				return -PLAT_ELOST;
			if (transport_wait(TRANSPORT_SEND | TRANSPORT_RECV, -1) < 0)
				return transport_failed();
		}
	}
	return 0;
}

/* A broken link is rebuilt before a frame or request is built: HELLO
 * uses the same buffers and the awaited reply. */
static int link_ready(void)
{
	return link_down && relink(-1) < 0 ? -PLAT_EPIPE : 0;
}

int cl_send(unsigned type, unsigned chan, uint32_t tag, const struct px_field *f)
{
	long n;

	if (link_ready() < 0)
		return -PLAT_EPIPE;
	n = px_frame(txbuf, cl_max_frame, type, chan, tag, f);
	if (n < 0)
		return -PLAT_EINVAL;
	return send_bytes(txbuf, (size_t)n);
}

static int wait_reply(struct cl_reply *r)
{
	uint32_t epoch = cl_epoch;

	while (!want.done) {
		if (cl_pump(-1) < 0) {
			want.active = 0;
			return -PLAT_EPIPE;
		}
		if (epoch != cl_epoch)
			return -PLAT_ELOST;	/* lose_link cleared want */
	}
	want.active = 0;
	px_hdr_decode(replybuf, PX_MAX_FRAME, &r->h);
	r->body = replybuf + PX_HDR;
	px_decode(r->body, r->h.size - PX_HDR, px_msg_info(r->h.type)->fmt, r->f);
	if (r->h.type == PX_ERROR)
		return -(int)(r->f[0].n ? r->f[0].n : PLAT_EIO);
	return 0;
}

int cl_call(unsigned type, unsigned chan, const struct px_field *f, struct cl_reply *r)
{
	int err = link_ready();

	if (err < 0)
		return err;
	want.active = 1;
	want.done = 0;
	want.chan = (uint16_t)chan;
	want.tag = next_tag++;
	want.p9tag = -1;
	if (!next_tag)
		next_tag = 1;
	err = cl_send(type, chan, want.tag, f);
	if (err < 0) {
		want.active = 0;
		return err;
	}
	return wait_reply(r);
}

int cl_p9(unsigned type, struct px_field *f)
{
	struct cl_reply r;
	struct px_field body;
	unsigned rtype;
	uint16_t rtag;
	long n;
	int err;

	if (link_ready() < 0)
		return -PLAT_EPIPE;
	if (next_p9tag == P9_NOTAG)
		next_p9tag = 1;
	n = p9_encode(p9buf, cl_max_frame - PX_HDR, type, next_p9tag, f);
	if (n < 0)
		return -PLAT_ENAMETOOLONG;
	want.active = 1;
	want.done = 0;
	want.chan = PX_CH_FILES;
	want.p9tag = next_p9tag++;
	body.p = p9buf;
	body.len = (uint32_t)n;
	err = cl_send(PX_P9, PX_CH_FILES, 0, &body);
	if (err < 0) {
		want.active = 0;
		return err;
	}
	err = wait_reply(&r);
	if (err < 0)
		return err;
	if (p9_decode(r.f[0].p, r.f[0].len, &rtype, &rtag, f) < 0)
		plat_abort("pxen client: dom0 sent a malformed 9P reply");
	if (rtype == P9_RLERROR)
		return -(int)(f[0].n ? f[0].n : PLAT_EIO);
	if (rtype != type + 1)
		plat_abort("pxen client: 9P reply of the wrong type");
	return (int)rtype;
}

int cl_call_again(unsigned type, unsigned chan, const struct px_field *f, struct cl_reply *r)
{
	int err;

	while ((err = cl_call(type, chan, f, r)) == -PLAT_ELOST)
		;
	return err;
}

/* HELLO, HELLO_R, the first credit on stdin and the file system's attach:
 * at start and again after each relink. */
static int hello(void)
{
	struct px_field f[5];
	struct cl_reply r;
	int err;

	f[0].n = PX_VERSION;
	f[1].n = PX_MAX_FRAME;
	f[2].n = hello_domid;
	f[3].p = (const uint8_t *)hello_name;
	f[3].len = (uint32_t)strlen(hello_name);
	f[4].n = hello_caps;
	cl_max_frame = PX_MAX_FRAME;
	want.active = 1;
	want.done = 0;
	want.chan = 0;
	want.tag = 0;
	want.p9tag = -1;
	err = cl_send(PX_HELLO, 0, 0, f);
	if (err < 0)
		return err;
	err = wait_reply(&r);
	if (err < 0)
		return err;
	if (r.h.type != PX_HELLO_R || r.f[0].n != PX_VERSION)
		return -PLAT_ENOSYS;
	cl_max_frame = (uint32_t)r.f[1].n;
	cl_caps = (uint32_t)r.f[2].n;
	err = cl_stream_grant(cl_handle_get(PLAT_STDIN));
	return err < 0 ? err : cl_files_start();
}

int client_start(uint32_t domid, const char *name, uint32_t want_caps)
{
	size_t n;
	int err;

	hello_domid = domid;
	hello_caps = want_caps | PX_CAP_STDIO;
	n = strlen(name);
	if (n >= sizeof hello_name)
		n = sizeof hello_name - 1;
	memcpy(hello_name, name, n);
	hello_name[n] = 0;
	/* The handles exist before HELLO_R: dom0's first CREDIT follows it
	 * at once. */
	err = cl_stream_init(PLAT_STDIN, PX_CH_STDIN, 1, 0, 0);
	if (err == 0)
		err = cl_stream_init(PLAT_STDOUT, PX_CH_STDOUT, 0, 1, 0);
	if (err == 0)
		err = cl_stream_init(PLAT_STDERR, PX_CH_STDERR, 0, 1, 0);
	if (err < 0)
		return err;
	relinking = 1;	/* no p-dom0d served this guest yet: nothing to lose */
	err = hello();
	relinking = 0;
	return err;
}

int client_take_interrupt(void)
{
	static unsigned calls;

	if (!cl_interrupt && !dead && (++calls & 1023) == 0)
		cl_pump(0);
	int kind = cl_interrupt;
	cl_interrupt = 0;
	return kind;
}

void client_post_interrupt(int kind)
{
	cl_interrupt = kind;
}

void client_mirror_stdio(void (*fn)(const void *buf, size_t n))
{
	cl_mirror = fn;
}

void client_exit(int status)
{
	struct px_field f = { .n = (uint32_t)status };
	struct cl_reply r;

	cl_call_again(PX_EXIT, 0, &f, &r);
}

int64_t client_wallclock_ns(void)
{
	struct cl_reply r;
	int err = cl_call_again(PX_TIME, 0, NULL, &r);

	return err < 0 ? err : (int64_t)r.f[0].n;
}

int client_random(void *buf, size_t n)
{
	uint8_t *out = buf;

	while (n) {
		struct px_field f = { .n = n > 256 ? 256 : n };
		struct cl_reply r;
		int err = cl_call_again(PX_RANDOM, 0, &f, &r);
		if (err < 0)
			return err;
		if (r.f[0].len != f.n)
			return -PLAT_EIO;
		memcpy(out, r.f[0].p, r.f[0].len);
		out += r.f[0].len;
		n -= r.f[0].len;
	}
	return 0;
}

int client_winsize(int *rows, int *cols)
{
	struct cl_reply r;
	int err = cl_call_again(PX_WINSIZE_Q, 0, NULL, &r);

	if (err < 0)
		return err;
	*rows = (int)r.f[0].n;
	*cols = (int)r.f[1].n;
	return 0;
}

void client_log(int level, const char *msg)
{
	size_t n = strlen(msg);
	struct px_field f[2] = { { .n = (uint64_t)(level < 0 ? 0 : level > 3 ? 3 : level) },
				 { .p = (const uint8_t *)msg, .len = (uint32_t)(n > 4000 ? 4000 : n) } };

	cl_send(PX_LOG, 0, 0, f);
}
