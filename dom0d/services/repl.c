/*
 * repl.c - REPL sockets of detached guests (see repl.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "px_msgs.h"
#include "services/repl.h"
#include "core/loop.h"
#include "core/dlog.h"
#include "core/guest.h"
#include "core/daemon.h"
#include "services/stream.h"
#include "unix_sock.h"

struct repl {
	struct watch lw;	/* the listening socket */
	struct guest *g;
	int client;		/* attached client, or -1 */
	char path[108];
};

int repl_listen(const char *path, uid_t owner)
{
	return unix_listen(path, 4, owner);
}

static void set_fd(struct guest *g, uint16_t chan, int fd)
{
	struct stream *s = stream_find(g, chan);

	if (!s) {
		if (fd >= 0)
			close(fd);
		return;
	}
	if (s->w.fd >= 0) {
		if (s->events)
			loop_del(g->d, &s->w);
		close(s->w.fd);
	}
	s->events = 0;
	s->w.fd = fd;
	s->is_socket = fd >= 0;
	s->eof_sent = 0;
	stream_rearm(s);
}

static void on_client(struct daemon *d, struct watch *w, uint32_t events)
{
	struct repl *r = (struct repl *)w;
	int fd;

	(void)events;
	while ((fd = accept4(w->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
		if (r->client >= 0 || !r->g->hello_done) {
			static const char busy[] = "p-dom0d: another REPL client is attached\n";
			if (send(fd, busy, sizeof busy - 1, MSG_DONTWAIT | MSG_NOSIGNAL) < 0)
				dlog(d, r->g, DLOG_DEBUG, "refused REPL client went away");
			close(fd);
			continue;
		}
		r->client = fd;
		set_fd(r->g, PX_CH_STDIN, dup(fd));
		set_fd(r->g, PX_CH_STDOUT, dup(fd));
		set_fd(r->g, PX_CH_STDERR, dup(fd));
		dlog(d, r->g, DLOG_INFO, "REPL client attached");
	}
	if (errno == EMFILE || errno == ENFILE)
		loop_pause_accept(d);
}

void repl_watch(struct guest *g, int on)
{
	if (g->repl)
		loop_set(g->d, &g->repl->lw, on ? EPOLLIN : 0, 0);
}

int repl_attach_guest(struct guest *g, int listen_fd, const char *path)
{
	struct repl *r = calloc(1, sizeof *r);
	int err;

	if (!r)
		return -ENOMEM;
	r->g = g;
	r->client = -1;
	snprintf(r->path, sizeof r->path, "%s", path ? path : "");
	r->lw.fn = on_client;
	r->lw.fd = listen_fd;
	err = loop_set(g->d, &r->lw, g->d->accept_paused_ms ? 0 : EPOLLIN, 1);
	if (err < 0) {
		free(r);
		return err;
	}
	g->repl = r;
	return 0;
}

void repl_client_gone(struct guest *g)
{
	struct repl *r = g->repl;

	if (!r || r->client < 0)
		return;
	set_fd(g, PX_CH_STDIN, -1);
	set_fd(g, PX_CH_STDOUT, -1);
	set_fd(g, PX_CH_STDERR, -1);
	close(r->client);
	r->client = -1;
	dlog(g->d, g, DLOG_INFO, "REPL client detached");
}

void repl_release(struct guest *g)
{
	struct repl *r = g->repl;

	if (!r)
		return;
	if (r->client >= 0)
		close(r->client);
	loop_del(g->d, &r->lw);
	close(r->lw.fd);
	if (r->path[0])
		unlink(r->path);
	free(r);
	g->repl = NULL;
}

int repl_has_client(const struct guest *g)
{
	return g->repl && g->repl->client >= 0;
}

size_t repl_filter(struct guest *g, uint8_t *buf, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (buf[i] == 0x03)
			guest_send(g, PX_INTERRUPT, PX_CH_CONTROL, 0, NULL);
		else
			buf[k++] = buf[i];
	return k;
}
