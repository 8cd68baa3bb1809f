/*
 * guest.c - one guest's connection: reading and validating frames,
 * dispatching them by channel, queueing replies, and releasing everything
 * when the guest goes away or misbehaves.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/guest.h"
#include "core/bq.h"
#include "core/loop.h"
#include "core/dlog.h"
#include "core/daemon.h"
#include "services/stream.h"
#include "services/net.h"
#include "services/fs9p.h"
#include "services/repl.h"
#include "services/resolve.h"
#include "control/ctl.h"
#include "control/launcher.h"
#include "px_msgs.h"

#define IN_CAP (2 * PX_MAX_FRAME)

struct guest *guest_new(struct daemon *d, const struct gtransport *tp, void *tpctx, int fd,
			uint32_t domid, const char *name, const struct policy *pol)
{
	struct guest *g = calloc(1, sizeof *g);

	if (!g)
		return NULL;
	g->in = malloc(IN_CAP);
	if (!g->in) {
		free(g);
		return NULL;
	}
	g->d = d;
	g->tp = tp;
	g->tpctx = tpctx;
	g->domid = domid;
	snprintf(g->name, sizeof g->name, "%s", name);
	g->pol = *pol;
	g->max_frame = PX_MAX_FRAME;
	g->stdio_fds[0] = g->stdio_fds[1] = g->stdio_fds[2] = -1;
	g->launcher_fd = -1;
	g->since_ms = guest_now_ms();
	g->next_sock = PX_CH_SOCK_FIRST;
	g->w.fn = guest_on_event;
	g->w.fd = fd;
	if (loop_set(d, &g->w, EPOLLIN, 1) < 0) {
		free(g->in);
		free(g);
		return NULL;
	}
	g->next = d->guests;
	d->guests = g;
	d->nguests++;
	return g;
}

static void kill_at(struct guest *g, int level, const char *why)
{
	if (g->dead)
		return;
	g->dead = 1;
	snprintf(g->reason, sizeof g->reason, "%s", why);
	dlog(g->d, g, level, "disconnected: %s", why);
}

void guest_kill(struct guest *g, const char *why)
{
	kill_at(g, g->exiting == 2 ? DLOG_DEBUG : DLOG_WARN, why);
}

/* The guest hung up.  Serving one p, that p reports its own end, so the
 * user's terminal hears nothing more from us. */
static void guest_hung_up(struct guest *g, const char *why)
{
	g->hung_up = !g->dead;
	kill_at(g, g->exiting == 2 || g->d->single ? DLOG_DEBUG : DLOG_WARN, why);
}

int guest_is_domain(const struct guest *g, uint32_t domid)
{
	return g->tp->proves_domid && g->domid == domid && !g->dead;
}

int guest_out_room(const struct guest *g)
{
	return g->out.len < GUEST_OUT_LIMIT;
}

void guest_send(struct guest *g, unsigned type, unsigned chan, uint32_t tag,
		const struct px_field *f)
{
	uint8_t buf[PX_MAX_FRAME];
	long n;

	if (g->dead)
		return;
	n = px_frame(buf, g->max_frame, type, chan, tag, f);
	if (n < 0) {
		dlog(g->d, g, DLOG_ERR, "cannot encode message type 0x%x", type);
		return;
	}
	if (bq_append(&g->out, buf, (size_t)n) < 0)
		guest_kill(g, "out of memory for replies");
}

void guest_send_error(struct guest *g, unsigned chan, uint32_t tag, int err, const char *text)
{
	struct px_field f[2] = { { .n = (uint64_t)err },
				 { .p = (const uint8_t *)text, .len = (uint32_t)strlen(text) } };

	guest_send(g, PX_ERROR, chan, tag, f);
}

static void guest_read(struct guest *g);
static void guest_parse(struct guest *g);

void guest_flush(struct guest *g)
{
	while (g->out.len && !g->dead) {
		long w = g->tp->write(g, g->out.buf + g->out.off, g->out.len);
		if (w < 0) {
			if (w != -EAGAIN)
				guest_kill(g, "transport write failed");
			break;
		}
		if (w == 0)
			break;
		bq_consume(&g->out, (size_t)w);
	}
	if (g->dead)
		return;
	if (g->tp->event_only) {
		if (guest_out_room(g))
			guest_read(g);
		return;
	}
	/* Frames held back while the queue was full: no new event announces
	 * them. */
	if (guest_out_room(g) && g->in_len >= PX_HDR)
		guest_parse(g);
	loop_set(g->d, &g->w, (guest_out_room(g) ? EPOLLIN : 0) | (g->out.len ? EPOLLOUT : 0), 0);
}

static void dispatch_files(struct guest *g, const struct px_field *f)
{
	uint8_t out[PX_MAX_FRAME];
	struct px_field r;
	long n = fs9p_handle(g->fs, f[0].p, f[0].len, out, g->max_frame - PX_HDR);

	if (n < 0) {
		guest_kill(g, "malformed 9P message");
		return;
	}
	r.p = out;
	r.len = (uint32_t)n;
	guest_send(g, PX_P9, PX_CH_FILES, 0, &r);
}

static void dispatch(struct guest *g, const struct px_hdr *h, const uint8_t *body)
{
	struct px_field f[PX_MAX_FIELDS];
	const char *why;
	char msg[96];

	if (!g->hello_done && h->type != PX_HELLO) {
		guest_kill(g, "first message is not HELLO");
		return;
	}
	if (px_check(h, body, PX_G2D, f, &why) < 0) {
		snprintf(msg, sizeof msg, "%s (type 0x%x, channel %u)", why, h->type, h->chan);
		guest_kill(g, msg);
		return;
	}
	switch (px_chan_class(h->chan)) {
	case PX_CC_CONTROL:
		ctl_handle(g, h, f);
		break;
	case PX_CC_FILES:
		dispatch_files(g, f);
		break;
	case PX_CC_SOCKETS:
		net_handle(g, h, f);
		break;
	default:
		stream_handle(g, h, f);
		break;
	}
}

/* Keeps descriptors that arrive with HELLO as the guest's stdio. */
static void take_fds(struct guest *g, int *fds, int nfds)
{
	int i;

	if (nfds == 3 && !g->hello_done && g->stdio_fds[0] < 0 && !g->repl) {
		for (i = 0; i < 3; i++)
			g->stdio_fds[i] = fds[i];
		return;
	}
	for (i = 0; i < nfds; i++)
		close(fds[i]);
	if (nfds)
		guest_kill(g, "unexpected file descriptors");
}

/* Dispatches the complete frames received, but only while the guest's
 * replies fit under GUEST_OUT_LIMIT: a read may bring thousands of small
 * requests that each ask for a large reply.  The rest waits in g->in until
 * the guest has taken its replies. */
static void guest_parse(struct guest *g)
{
	size_t pos = 0;

	while (!g->dead && guest_out_room(g) && g->in_len - pos >= PX_HDR) {
		struct px_hdr h;
		if (px_hdr_decode(g->in + pos, g->max_frame, &h) < 0) {
			char msg[64];
			snprintf(msg, sizeof msg, "frame length %u out of bounds", h.size);
			guest_kill(g, msg);
			return;
		}
		if (g->in_len - pos < h.size)
			break;
		dispatch(g, &h, g->in + pos + PX_HDR);
		pos += h.size;
	}
	memmove(g->in, g->in + pos, g->in_len - pos);
	g->in_len -= pos;
}

/* A guest's turn: it reads at most GUEST_QUANTUM bytes per turn of the
 * loop, however often it is woken, then every other guest gets its turn,
 * on every transport.  A local socket's level-triggered epoll brings it
 * back; a vchan, which signals only new data, is read again in the next
 * turn because g->more keeps the loop from waiting. */
#define GUEST_QUANTUM PX_MAX_FRAME

void guest_new_turn(struct daemon *d)
{
	struct guest *g;

	for (g = d->guests; g; g = g->next)
		g->turn = 0;
}

int guest_more(const struct daemon *d)
{
	const struct guest *g;

	for (g = d->guests; g; g = g->next)
		if (g->more && !g->dead && guest_out_room(g))
			return 1;
	return 0;
}

static void guest_read(struct guest *g)
{
	guest_parse(g);
	g->more = 0;
	while (!g->dead && guest_out_room(g)) {
		int fds[8], nfds = 0;
		long r;

		if (g->turn >= GUEST_QUANTUM) {
			g->more = 1;
			return;
		}
		r = g->tp->read(g, g->in + g->in_len, IN_CAP - g->in_len, fds, &nfds);
		take_fds(g, fds, nfds);
		if (r == -EAGAIN)
			return;
		if (r <= 0) {
			guest_hung_up(g, g->exiting == 2 ? "guest exited" :
				      r == 0 ? "guest closed the connection" : "transport read failed");
			return;
		}
		g->in_len += (size_t)r;
		g->turn += (size_t)r;
		guest_parse(g);
	}
}

void guest_on_event(struct daemon *d, struct watch *w, uint32_t events)
{
	struct guest *g = (struct guest *)((char *)w - offsetof(struct guest, w));

	(void)d;
	if (g->dead)
		return;
	if (g->tp->ack)
		g->tp->ack(g);
	if (events & EPOLLOUT)
		guest_flush(g);
	if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
		guest_read(g);
	guest_flush(g);
}

static void guest_release(struct guest *g)
{
	struct daemon *d = g->d;
	int i;

	repl_release(g);
	resolve_forget(g);
	while (g->streams)
		stream_close(g->streams);
	fs9p_free(g->fs);
	for (i = 0; i < 3; i++)
		if (g->stdio_fds[i] >= 0)
			close(g->stdio_fds[i]);
	if (g->exiting != 2)
		launcher_guest_lost(d, g);
	loop_del(d, &g->w);
	g->tp->close(g);
	bq_free(&g->out);
	free(g->in);
	free(g);
}

void guest_reap(struct daemon *d)
{
	struct guest **pp = &d->guests;

	while (*pp) {
		struct guest *g = *pp;
		if (g->dead) {
			*pp = g->next;
			d->nguests--;
			guest_release(g);
		} else {
			pp = &g->next;
		}
	}
	while (d->graveyard) {
		struct stream *s = d->graveyard;
		d->graveyard = s->next;
		bq_free(&s->pend);
		free(s);
	}
}

uint64_t guest_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}
