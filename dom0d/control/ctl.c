/*
 * ctl.c - the control channel: HELLO and version negotiation, EXIT (after
 * the guest's output has drained), LOG, time, random bytes, window size.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "control/ctl.h"
#include "core/dlog.h"
#include "core/guest.h"
#include "core/daemon.h"
#include "core/policy.h"
#include "services/stream.h"
#include "services/fs9p.h"
#include "control/launcher.h"
#include "px_msgs.h"

static void copy_name(struct guest *g, const struct px_field *name)
{
	size_t i, n = name->len < sizeof g->name - 1 ? name->len : sizeof g->name - 1;

	if (!n)
		return;
	for (i = 0; i < n; i++) {
		char c = (char)name->p[i];
		g->name[i] = (c >= '!' && c <= '~' && c != '/') ? c : '_';
	}
	g->name[n] = 0;
}

static int open_root(struct guest *g)
{
	int fd;

	if (!g->pol.root[0])
		return -1;
	fd = open(g->pol.root, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		dlog(g->d, g, DLOG_ERR, "cannot open export root %s: %s", g->pol.root,
		     strerror(errno));
	return fd;
}

static void hello(struct guest *g, const struct px_field *f)
{
	uint32_t version = (uint32_t)f[0].n, caps = 0;
	struct px_field r[3];

	if (g->hello_done) {
		guest_kill(g, "second HELLO");
		return;
	}
	/* A local guest names itself, but its claimed domid only labels its
	 * log lines; a vchan guest's domid and name come from xenstore and the
	 * launcher, never from what it claims. */
	if (!g->tp->proves_domid) {
		g->claimed_id = (uint32_t)f[2].n;
		copy_name(g, &f[3]);
	}
	if (version > PX_VERSION)
		version = PX_VERSION;
	if (f[1].n < 4096 || version == 0) {
		r[0].n = 0;
		r[1].n = PX_MAX_FRAME;
		r[2].n = 0;
		g->hello_done = 1;
		guest_send(g, PX_HELLO_R, 0, 0, r);
		guest_kill(g, "no common protocol version or frame size");
		return;
	}
	if (f[1].n < g->max_frame)
		g->max_frame = (uint32_t)f[1].n;
	if (g->pol.root[0])
		caps |= PX_CAP_FILES;
	if (policy_has_net(&g->pol))
		caps |= PX_CAP_NET;
	/* Stdio is granted when it leads somewhere; without it the guest's
	 * output only reaches the log (stream.c). */
	if (g->stdio_fds[1] >= 0 || g->repl)
		caps |= PX_CAP_STDIO;
	caps &= (uint32_t)f[4].n;
	g->fs = fs9p_new(open_root(g), g->pol.read_only, &g->pol.quota, g->max_frame - PX_HDR,
			 g->d->fd_ceiling);
	if (!g->fs) {
		guest_kill(g, "out of memory");
		return;
	}
	g->hello_done = 1;
	r[0].n = version;
	r[1].n = g->max_frame;
	r[2].n = caps;
	guest_send(g, PX_HELLO_R, 0, 0, r);
	if (!stream_open(g, PX_CH_STDIN, SK_STDIN, g->stdio_fds[0]) ||
	    !stream_open(g, PX_CH_STDOUT, SK_STDOUT, g->stdio_fds[1]) ||
	    !stream_open(g, PX_CH_STDERR, SK_STDERR, g->stdio_fds[2])) {
		guest_kill(g, "cannot open the stdio streams");
		return;
	}
	g->stdio_fds[0] = g->stdio_fds[1] = g->stdio_fds[2] = -1;
	dlog(g->d, g, DLOG_INFO, "connected (protocol %u, frames up to %u bytes%s%s)", version,
	     g->max_frame, caps & PX_CAP_FILES ? ", files" : "", caps & PX_CAP_NET ? ", network" : "");
}

void ctl_exit_check(struct guest *g)
{
	if (g->exiting != 1 || stream_pending(g))
		return;
	g->exiting = 2;
	guest_send(g, PX_EXIT_R, 0, g->exit_tag, NULL);
	dlog(g->d, g, DLOG_INFO, "exited with status %d", g->exit_status);
	launcher_guest_gone(g->d, g, g->exit_status, "");
}

/* LOG lines a guest may write: a burst, then a steady rate. */
enum { LOG_BURST = 50, LOG_RATE = 20 };

/* A guest's LOG line, escaped (it can neither forge lines nor send escape
 * sequences to the operator's terminal) and rate-limited per guest (it
 * cannot flood the log all guests share). */
void ctl_log_text(struct guest *g, int level, const char *what, const uint8_t *p, size_t n)
{
	char text[400];

	if (!ratelimit_take(&g->log_rate, LOG_RATE, LOG_BURST))
		return;
	if (g->log_rate.dropped) {
		dlog(g->d, g, DLOG_WARN, "%lu log lines dropped (more than %d a second)",
		     g->log_rate.dropped, LOG_RATE);
		g->log_rate.dropped = 0;
	}
	dlog_escape(text, sizeof text, p, n);
	dlog(g->d, g, level, "%s: %s", what, text);
}

static void guest_log(struct guest *g, const struct px_field *f)
{
	ctl_log_text(g, f[0].n == 0 ? DLOG_ERR : f[0].n == 1 ? DLOG_WARN : f[0].n == 2 ? DLOG_INFO :
		     DLOG_DEBUG, "guest says", f[1].p, f[1].len);
}

static void winsize(struct guest *g, uint32_t tag)
{
	struct stream *s = stream_find(g, PX_CH_STDOUT);
	struct winsize ws = { 0 };
	struct px_field r[2];

	if (!s || s->w.fd < 0 || ioctl(s->w.fd, TIOCGWINSZ, &ws) < 0)
		ws.ws_row = ws.ws_col = 0;
	r[0].n = ws.ws_row;
	r[1].n = ws.ws_col;
	guest_send(g, PX_WINSIZE, 0, tag, r);
}

void ctl_handle(struct guest *g, const struct px_hdr *h, struct px_field *f)
{
	struct px_field r[1];
	uint8_t rnd[256];
	struct timespec ts;

	switch (h->type) {
	case PX_HELLO:
		hello(g, f);
		break;
	case PX_EXIT:
		if (g->exiting) {
			guest_kill(g, "second EXIT");
			break;
		}
		g->exiting = 1;
		g->exit_tag = h->tag;
		g->exit_status = (int32_t)(uint32_t)f[0].n;
		stream_push_all(g);
		ctl_exit_check(g);
		break;
	case PX_LOG:
		guest_log(g, f);
		break;
	case PX_TIME:
		clock_gettime(CLOCK_REALTIME, &ts);
		r[0].n = (uint64_t)((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
		guest_send(g, PX_TIME_R, 0, h->tag, r);
		break;
	case PX_RANDOM:
		if (f[0].n < 1 || f[0].n > sizeof rnd) {
			guest_send_error(g, 0, h->tag, EINVAL, "RANDOM count must be 1..256");
			break;
		}
		if (getrandom(rnd, f[0].n, 0) != (ssize_t)f[0].n) {
			guest_send_error(g, 0, h->tag, EIO, "no random bytes available");
			break;
		}
		r[0].p = rnd;
		r[0].len = (uint32_t)f[0].n;
		guest_send(g, PX_RANDOM_R, 0, h->tag, r);
		break;
	case PX_WINSIZE_Q:
		winsize(g, h->tag);
		break;
	default:
		guest_kill(g, "unexpected control message");
		break;
	}
}
