/*
 * stream.c - byte streams between a guest and host descriptors (its
 * terminal, sockets), with credit-based flow control in both directions:
 * dom0 reads a source only while the guest has granted credit, and grants
 * the guest credit back only as its bytes reach the descriptor.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "services/stream.h"
#include "core/bq.h"
#include "core/loop.h"
#include "core/guest.h"
#include "core/daemon.h"
#include "core/dlog.h"
#include "services/net.h"
#include "services/repl.h"
#include "control/ctl.h"
#include "px_msgs.h"

#define MAX_CREDIT (16u << 20)

static void stream_on_event(struct daemon *d, struct watch *w, uint32_t events);

static int host_reads(const struct stream *s)
{
	return s->kind == SK_STDIN || s->kind == SK_SOCKET;
}

/* Gives a tty or pipe its own nonblocking open file description, so the
 * user's shell never sees O_NONBLOCK on its terminal. */
static int own_description(int fd, int writing)
{
	char path[64];
	int nfd;

	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	nfd = open(path, (writing ? O_WRONLY : O_RDONLY) | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (nfd < 0)
		return fd;
	close(fd);
	return nfd;
}

struct stream *stream_open(struct guest *g, uint16_t chan, enum stream_kind kind, int fd)
{
	struct stream *s = calloc(1, sizeof *s);
	struct stat st;

	if (!s)
		return NULL;
	s->g = g;
	s->chan = chan;
	s->kind = kind;
	s->live = kind != SK_SOCKET;
	s->w.fn = stream_on_event;
	if (fd >= 0 && fstat(fd, &st) == 0) {
		if (S_ISSOCK(st.st_mode))
			s->is_socket = 1;
		else if (S_ISREG(st.st_mode) || S_ISBLK(st.st_mode))
			s->always_ready = 1;
		else
			fd = own_description(fd, kind != SK_STDIN);
	}
	s->w.fd = fd;
	if (fd >= 0 && !s->always_ready) {
		/* Probe once: descriptors epoll cannot watch are always ready. */
		if (loop_set(g->d, &s->w, 0, 1) < 0)
			s->always_ready = 1;
		else
			loop_del(g->d, &s->w);
	}
	s->next = g->streams;
	g->streams = s;
	if (kind == SK_STDOUT || kind == SK_STDERR || kind == SK_SOCKET) {
		struct px_field f = { .n = PX_INITIAL_CREDIT };
		s->granted = PX_INITIAL_CREDIT;
		if (kind != SK_SOCKET)
			guest_send(g, PX_CREDIT, chan, 0, &f);
	}
	return s;
}

struct stream *stream_find(struct guest *g, uint16_t chan)
{
	struct stream *s;

	for (s = g->streams; s; s = s->next)
		if (s->chan == chan)
			return s;
	return NULL;
}

void stream_close(struct stream *s)
{
	struct guest *g = s->g;
	struct stream **pp;

	for (pp = &g->streams; *pp; pp = &(*pp)->next)
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	if (s->w.fd >= 0) {
		if (s->events)
			loop_del(g->d, &s->w);
		close(s->w.fd);
		s->w.fd = -1;
	}
	if (s->kind == SK_SOCKET || s->kind == SK_LISTENER)
		g->nsockets--;
	s->next = g->d->graveyard;
	g->d->graveyard = s;
}

void stream_rearm(struct stream *s)
{
	uint32_t ev = 0;

	if (s->w.fd < 0 || s->always_ready)
		return;
	if (s->kind == SK_LISTENER)
		ev = (s->accept_tag || s->poll_tag) ? EPOLLIN : 0;
	else if (s->connecting)
		ev = EPOLLOUT;
	else if (s->live) {
		if (host_reads(s) && s->credit && !s->eof_sent && guest_out_room(s->g))
			ev |= EPOLLIN;
		if (s->pend.len)
			ev |= EPOLLOUT;
	}
	/* Unwatched while idle: epoll reports a hang-up even with no events
	 * asked for, which would spin the loop until credit arrives. */
	if (ev == s->events)
		return;
	if (!ev)
		loop_del(s->g->d, &s->w);
	else if (loop_set(s->g->d, &s->w, ev, !s->events) < 0)
		return;
	s->events = ev;
}

static void send_eof(struct stream *s)
{
	s->eof_sent = 1;
	guest_send(s->g, PX_EOF, s->chan, 0, NULL);
}

/* Moves bytes from the host descriptor to the guest, within credit. */
static void pull(struct stream *s)
{
	uint8_t buf[PX_MAX_BODY];
	struct px_field f;
	size_t want;
	ssize_t r;

	while (s->w.fd >= 0 && s->live && host_reads(s) && s->credit && !s->eof_sent &&
	       guest_out_room(s->g) && !s->g->dead) {
		want = s->g->max_frame - PX_HDR;
		if (want > s->credit)
			want = s->credit;
		if (s->is_socket)
			r = recv(s->w.fd, buf, want, MSG_DONTWAIT);
		else
			r = read(s->w.fd, buf, want);
		if (r < 0 && (errno == EAGAIN || errno == EINTR))
			return;
		if (r <= 0 && s->g->repl && s->kind == SK_STDIN) {
			/* The REPL client left; the guest's stdin stays open. */
			repl_client_gone(s->g);
			return;
		}
		if (r <= 0) {
			send_eof(s);
			return;
		}
		if (s->g->repl && s->kind == SK_STDIN) {
			r = (ssize_t)repl_filter(s->g, buf, (size_t)r);
			if (!r)
				continue;
		}
		f.p = buf;
		f.len = (uint32_t)r;
		s->credit -= (uint32_t)r;
		guest_send(s->g, PX_DATA, s->chan, 0, &f);
		if (s->always_ready)
			return;
	}
}

/* Output of a guest that has nowhere to put it (no launcher: another
 * toolstack started it) goes to the log, a line at a time. */
static void log_output(struct stream *s, const uint8_t *p, size_t n)
{
	while (n) {
		const uint8_t *nl = memchr(p, '\n', n);
		size_t len = nl ? (size_t)(nl - p) : n;
		ctl_log_text(s->g, DLOG_INFO, s->kind == SK_STDOUT ? "stdout" : "stderr", p, len);
		len += nl != NULL;
		p += len;
		n -= len;
	}
}

/* Writes the guest's pending bytes out and grants the credit back. */
static void push(struct stream *s)
{
	size_t done = 0;

	while (done < s->pend.len) {
		ssize_t w;
		if (s->w.fd < 0 && s->g->repl && s->kind != SK_SOCKET && !s->g->exiting)
			break;	/* kept for the next REPL client */
		if (s->w.fd < 0 && !s->g->repl && (s->kind == SK_STDOUT || s->kind == SK_STDERR))
			log_output(s, s->pend.buf + s->pend.off + done, s->pend.len - done);
		if (s->w.fd < 0)
			w = (ssize_t)(s->pend.len - done);
		else if (s->is_socket)
			w = send(s->w.fd, s->pend.buf + s->pend.off + done, s->pend.len - done,
				 MSG_DONTWAIT | MSG_NOSIGNAL);
		else
			w = write(s->w.fd, s->pend.buf + s->pend.off + done, s->pend.len - done);
		if (w < 0 && (errno == EAGAIN || errno == EINTR))
			break;
		if (w <= 0 && s->g->repl && s->kind != SK_SOCKET) {
			repl_client_gone(s->g);
			break;
		}
		if (w <= 0) {
			/* The reader went away: drop what is left, and tell the guest
			 * its writes have nowhere to go, as a closed pipe would. */
			done = s->pend.len;
			if (!s->is_socket && !s->eof_sent)
				send_eof(s);
			break;
		}
		done += (size_t)w;
	}
	if (done) {
		struct px_field f = { .n = done };
		bq_consume(&s->pend, done);
		s->granted += (uint32_t)done;
		if (!s->guest_eof)
			guest_send(s->g, PX_CREDIT, s->chan, 0, &f);
	}
	if (!s->pend.len && s->guest_eof && s->is_socket)
		shutdown(s->w.fd, SHUT_WR);
	if (!s->pend.len)
		ctl_exit_check(s->g);
}

static void stream_on_event(struct daemon *d, struct watch *w, uint32_t events)
{
	struct stream *s = (struct stream *)((char *)w - offsetof(struct stream, w));

	(void)d;
	if (s->g->dead || s->w.fd < 0)
		return;
	if (s->kind == SK_LISTENER || s->connecting) {
		net_on_event(s, events);
	} else {
		if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))
			push(s);
		if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
			pull(s);
	}
	stream_rearm(s);
}

void stream_service_ready(struct guest *g)
{
	struct stream *s;

	for (s = g->streams; s && !g->dead; s = s->next)
		if (s->always_ready) {
			push(s);
			pull(s);
		} else {
			stream_rearm(s);
		}
}

void stream_push_all(struct guest *g)
{
	struct stream *s;

	for (s = g->streams; s && !g->dead; s = s->next)
		if (s->pend.len)
			push(s);
}

int stream_pending(const struct guest *g)
{
	const struct stream *s;

	for (s = g->streams; s; s = s->next)
		if (s->pend.len && s->kind != SK_SOCKET)
			return 1;
	return 0;
}

/* 1 when an always-ready stream could move bytes now (the loop then polls
 * without sleeping). */
int stream_busy(const struct guest *g)
{
	const struct stream *s;

	for (s = g->streams; s; s = s->next)
		if (s->always_ready && s->w.fd >= 0 &&
		    (s->pend.len || (host_reads(s) && s->credit && !s->eof_sent)))
			return 1;
	return 0;
}

void stream_handle(struct guest *g, const struct px_hdr *h, struct px_field *f)
{
	struct stream *s = stream_find(g, h->chan);

	if (!s) {
		/* Bytes may still be in flight for a socket the guest released. */
		if (h->chan >= PX_CH_SOCK_FIRST && h->chan < g->next_sock)
			return;
		guest_kill(g, "message for a stream that does not exist");
		return;
	}
	switch (h->type) {
	case PX_DATA:
		if (s->kind == SK_STDIN || s->kind == SK_LISTENER || s->guest_eof) {
			guest_kill(g, "DATA on a stream the guest may not write");
			return;
		}
		if (f[0].len > s->granted) {
			guest_kill(g, "stream credit exceeded");
			return;
		}
		s->granted -= f[0].len;
		if (bq_append(&s->pend, f[0].p, f[0].len) < 0) {
			guest_kill(g, "out of memory for stream data");
			return;
		}
		push(s);
		break;
	case PX_CREDIT:
		if (f[0].n > MAX_CREDIT - s->credit) {
			guest_kill(g, "credit beyond 16 MiB");
			return;
		}
		s->credit += (uint32_t)f[0].n;
		if (s->w.fd < 0 && s->kind == SK_STDIN && !g->repl && !s->eof_sent)
			send_eof(s);	/* no terminal: stdin is empty */
		if (s->always_ready)
			pull(s);
		break;
	case PX_EOF:
		s->guest_eof = 1;
		push(s);
		break;
	default:
		guest_kill(g, "unexpected stream message");
		return;
	}
	stream_rearm(s);
}
