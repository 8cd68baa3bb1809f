/*
 * xen_tp.c - the vchan transport and xenstore discovery (see xen_tp.h).
 * The guest is the vchan server; p-dom0d connects as client once the keys
 * appear, and notices vanished domains through @releaseDomain.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <libxenvchan.h>
#include <xenstore.h>

#include "transport/xen_tp.h"
#include "core/loop.h"
#include "core/dlog.h"
#include "core/guest.h"
#include "core/daemon.h"
#include "core/guestconf.h"
#include "control/launcher.h"

struct xen_watch {
	struct watch w;
	struct xs_handle *xs;
};

static long xt_read(struct guest *g, void *buf, size_t n, int *fds, int *nfds)
{
	struct libxenvchan *v = g->tpctx;
	int r;

	*nfds = 0;
	(void)fds;
	if (libxenvchan_data_ready(v) == 0)
		return libxenvchan_is_open(v) ? -EAGAIN : 0;
	r = libxenvchan_read(v, buf, n);
	if (r < 0)
		return -EIO;
	return r ? r : -EAGAIN;
}

static long xt_write(struct guest *g, const void *buf, size_t n)
{
	struct libxenvchan *v = g->tpctx;
	int r;

	if (!libxenvchan_is_open(v))
		return -EPIPE;
	r = libxenvchan_write(v, buf, n);
	if (r < 0)
		return -EIO;
	return r ? r : -EAGAIN;
}

static void xt_ack(struct guest *g)
{
	libxenvchan_wait(g->tpctx);
}

static void xt_close(struct guest *g)
{
	libxenvchan_close(g->tpctx);
}

static const struct gtransport xen_tp = {
	.read = xt_read, .write = xt_write, .ack = xt_ack, .close = xt_close, .event_only = 1,
	.proves_domid = 1,
};

static struct guest *find_domid(struct daemon *d, unsigned domid)
{
	struct guest *g;

	for (g = d->guests; g; g = g->next)
		if (g->tp == &xen_tp && g->domid == domid && !g->dead)
			return g;
	return NULL;
}

/* The domain's name as its toolstack wrote it, or dom<N>. */
static void domain_name(struct xs_handle *xs, unsigned domid, char *name, size_t cap)
{
	char path[64];
	unsigned int len;
	char *v;

	snprintf(path, sizeof path, "/local/domain/%u/name", domid);
	v = xs_read(xs, XBT_NULL, path, &len);
	if (v && len > 0 && len < cap && !memchr(v, '/', len))
		snprintf(name, cap, "%.*s", (int)len, v);
	else
		snprintf(name, cap, "dom%u", domid);
	free(v);
}

static void try_connect(struct daemon *d, struct xs_handle *xs, unsigned domid)
{
	static const struct policy none;
	struct launch_reg *r = launcher_find(d, domid);
	const struct policy *pol;
	struct libxenvchan *v;
	struct guest *g;
	char path[64], name[64];

	if (find_domid(d, domid))
		return;
	snprintf(path, sizeof path, XEN_TP_PATH_FMT, domid);
	v = libxenvchan_client_init(NULL, (int)domid, path);
	if (!v)
		return;	/* keys not all there yet: the next watch event retries */
	v->blocking = 0;
	/* A fresh endpoint has nothing from dom0 in it.  Keys left by a
	 * connection the guest has not yet seen end (p-dom0d restarted) lead
	 * to a used ring: leaving it tells the guest to offer a new one. */
	if (v->ring->left.prod || v->ring->right.cons) {
		libxenvchan_close(v);
		return;
	}
	domain_name(xs, domid, name, sizeof name);
	if (!r)
		r = launcher_resumed(d, domid, name);
	pol = r ? &r->pol : guestconf_find(d->conf, name);
	g = guest_new(d, &xen_tp, v, libxenvchan_fd_for_select(v), domid, name,
		      pol ? pol : &none);
	if (!g) {
		libxenvchan_close(v);
		return;
	}
	if (r)
		launcher_adopt(r, g);
	dlog(d, g, DLOG_INFO, "vchan connected at %s", path);
}

/* Drops guests whose domain no longer exists. */
static void check_gone(struct daemon *d)
{
	struct guest *g;

	for (g = d->guests; g; g = g->next)
		if (g->tp == &xen_tp && !g->dead && !xen_tp_domain_exists(d, g->domid))
			guest_kill(g, "domain vanished");
	launcher_drop_vanished(d, xen_tp_domain_exists);
}

static void on_xs(struct daemon *d, struct watch *w, uint32_t events)
{
	struct xen_watch *xw = (struct xen_watch *)w;
	char **vec;

	(void)events;
	while ((vec = xs_check_watch(xw->xs))) {
		const char *p = vec[XS_WATCH_PATH];
		unsigned domid;
		int off = 0;
		if (!strcmp(p, "@releaseDomain"))
			check_gone(d);
		else if (sscanf(p, "/local/domain/%u/data/pxen%n", &domid, &off) == 1 && off > 0 &&
			 domid != 0)
			try_connect(d, xw->xs, domid);
		free(vec);
	}
}

/* Guests that published their endpoint before we started watching. */
static void scan_existing(struct daemon *d, struct xs_handle *xs)
{
	unsigned int n, i;
	char **dom = xs_directory(xs, XBT_NULL, "/local/domain", &n);

	for (i = 0; dom && i < n; i++) {
		char *end;
		unsigned long domid = strtoul(dom[i], &end, 10);
		if (!*end && domid != 0 && domid < 0x7ff0)
			try_connect(d, xs, (unsigned)domid);
	}
	free(dom);
}

int xen_tp_start(struct daemon *d)
{
	struct xen_watch *xw = calloc(1, sizeof *xw);
	int err;

	if (!xw)
		return -ENOMEM;
	xw->xs = xs_open(0);
	if (!xw->xs) {
		err = -errno;
		free(xw);
		return err ? err : -EIO;
	}
	if (!xs_watch(xw->xs, "/local/domain", "pxen") ||
	    !xs_watch(xw->xs, "@releaseDomain", "gone")) {
		xs_close(xw->xs);
		free(xw);
		return -EIO;
	}
	xw->w.fn = on_xs;
	xw->w.fd = xs_fileno(xw->xs);
	err = loop_set(d, &xw->w, EPOLLIN, 1);
	if (err < 0) {
		xs_close(xw->xs);
		free(xw);
		return err;
	}
	d->xen = xw;
	scan_existing(d, xw->xs);
	return 0;
}

void xen_tp_stop(struct daemon *d)
{
	if (!d->xen)
		return;
	loop_del(d, &d->xen->w);
	xs_close(d->xen->xs);
	free(d->xen);
	d->xen = NULL;
}

int xen_tp_read_number(struct daemon *d, unsigned domid, const char *rel, uint64_t *out)
{
	char path[128];
	unsigned int len, i;
	uint64_t n = 0;
	char *v;
	int ok;

	if (!d->xen)
		return -1;
	snprintf(path, sizeof path, "/local/domain/%u/%s", domid, rel);
	v = xs_read(d->xen->xs, XBT_NULL, path, &len);
	ok = v && len > 0 && len <= 19;
	for (i = 0; ok && i < len; i++) {
		ok = v[i] >= '0' && v[i] <= '9';
		n = n * 10 + (uint64_t)(v[i] - '0');
	}
	free(v);
	if (!ok)
		return -1;
	*out = n;
	return 0;
}

int xen_tp_domain_exists(struct daemon *d, unsigned domid)
{
	char path[64];
	unsigned int len;
	void *v;

	if (!d->xen)
		return 1;
	snprintf(path, sizeof path, "/local/domain/%u", domid);
	v = xs_read(d->xen->xs, XBT_NULL, path, &len);
	free(v);
	return v != NULL;
}
