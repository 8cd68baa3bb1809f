/*
 * launcher.c - the launcher control socket (PROTOCOL.md §7).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "control/launcher.h"
#include "core/loop.h"
#include "core/dlog.h"
#include "core/guest.h"
#include "core/daemon.h"
#include "core/policy.h"
#include "services/repl.h"
#include "transport/xen_tp.h"
#include "unix_sock.h"
#include "px_msgs.h"

struct lconn {
	struct watch w;
	struct lconn *next;
	uint8_t in[PX_MAX_FRAME];
	size_t in_len;
	int fds[8], nfds;
};

struct launch_reg *launcher_find(struct daemon *d, uint32_t domid)
{
	struct launch_reg *r;

	for (r = d->regs; r; r = r->next)
		if (r->domid == domid)
			return r;
	return NULL;
}

static void reg_free(struct launch_reg *r)
{
	int i;

	for (i = 0; i < 3; i++)
		if (r->fds[i] >= 0)
			close(r->fds[i]);
	if (r->conn_fd >= 0)
		close(r->conn_fd);
	if (r->repl_fd >= 0) {
		close(r->repl_fd);
		unlink(r->repl_path);
	}
	free(r);
}

/* Registrations outlive the daemon: each is kept, as the REGISTER frame
 * that made it (without its descriptors), in <run_dir>/guests/<domid>, so
 * that a p-dom0d started later serves the guest with the same policy. */
static int record_path(struct daemon *d, uint32_t domid, char *path, size_t cap)
{
	int n = snprintf(path, cap, "%s/guests/%u", d->run_dir, (unsigned)domid);

	return n > 0 && (size_t)n < cap ? 0 : -1;
}

static void record_save(struct daemon *d, uint32_t domid, const uint8_t *frame, size_t n)
{
	char dir[300], path[300], tmp[310];
	int fd, ok;

	snprintf(dir, sizeof dir, "%s/guests", d->run_dir);
	if (record_path(d, domid, path, sizeof path) < 0 ||
	    (size_t)snprintf(tmp, sizeof tmp, "%s.new", path) >= sizeof tmp)
		return;
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		dlog(d, NULL, DLOG_WARN, "cannot create %s: %s", dir, strerror(errno));
		return;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	ok = fd >= 0 && write(fd, frame, n) == (ssize_t)n;
	if (fd >= 0)
		close(fd);
	if (!ok || rename(tmp, path) < 0) {
		dlog(d, NULL, DLOG_WARN, "cannot record guest %u in %s: %s", (unsigned)domid, dir,
		     strerror(errno));
		unlink(tmp);
	}
}

/* The record of a guest that resumed as another domain, under its new
 * domid (which the frame names too). */
static void record_move(struct daemon *d, uint32_t from, uint32_t to)
{
	static uint8_t frame[PX_MAX_FRAME];
	char path[300];
	ssize_t n = -1;
	int fd;

	if (record_path(d, from, path, sizeof path) < 0)
		return;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd >= 0) {
		n = read(fd, frame, sizeof frame);
		close(fd);
	}
	unlink(path);
	if (n < PX_HDR + 4 || px_get32(frame) != (uint32_t)n)
		return;
	px_put32(frame + PX_HDR, to);
	record_save(d, to, frame, (size_t)n);
}

static void reg_remove(struct daemon *d, uint32_t domid)
{
	struct launch_reg **pp;
	char path[300];

	if (record_path(d, domid, path, sizeof path) == 0)
		unlink(path);
	for (pp = &d->regs; *pp; pp = &(*pp)->next)
		if ((*pp)->domid == domid) {
			struct launch_reg *r = *pp;
			*pp = r->next;
			reg_free(r);
			return;
		}
}

/* The guest gets copies: the registration keeps its own for the next
 * connection of the same domain (after a p-dom0d restart the guest
 * connects again, as it does after a suspend). */
void launcher_adopt(struct launch_reg *r, struct guest *g)
{
	int i, fd;

	for (i = 0; i < 3; i++)
		g->stdio_fds[i] = r->fds[i] >= 0 ? dup(r->fds[i]) : -1;
	g->launcher_fd = r->conn_fd >= 0 ? dup(r->conn_fd) : -1;
	snprintf(g->name, sizeof g->name, "%s", r->name);
	g->since_ms = r->since_ms;
	if (r->repl_fd >= 0) {
		fd = dup(r->repl_fd);
		if (fd >= 0 && repl_attach_guest(g, fd, NULL) < 0)
			close(fd);
	}
}

static void send_frame(int fd, unsigned type, uint32_t tag, const struct px_field *f)
{
	uint8_t buf[PX_MAX_FRAME];
	long n = px_frame(buf, sizeof buf, type, 0, tag, f);

	if (n > 0 && send(fd, buf, (size_t)n, MSG_NOSIGNAL | MSG_DONTWAIT) != n)
		return;
}

struct launch_reg *launcher_resumed(struct daemon *d, uint32_t domid, const char *name)
{
	struct launch_reg *r;

	for (r = d->regs; r; r = r->next)
		if (r->suspended && r->domid != domid && !strcmp(r->name, name))
			break;
	if (!r)
		return NULL;
	record_move(d, r->domid, domid);
	dlog(d, NULL, DLOG_INFO, "guest %s resumed as domain %u (was %u)", name, (unsigned)domid,
	     (unsigned)r->domid);
	r->domid = domid;
	r->suspended = 0;
	return r;
}

/* 1 if g's domain lives on after its connection ended by itself: the
 * guest noticed a restart of ours, or it suspends (r then says so). */
static int lives_on(struct daemon *d, struct guest *g, struct launch_reg *r)
{
#ifdef PXEN_XEN
	uint64_t v;

	if (!r || !g->hung_up || !xen_tp_domain_exists(d, g->domid))
		return 0;
	/* Written by the guest before it suspends: at worst a guest keeps
	 * its own registration for a domain of its name. */
	if (xen_tp_read_number(d, g->domid, "data/pxen/suspending", &v) == 0 && v == 1) {
		r->suspended = 1;
		dlog(d, g, DLOG_INFO, "suspended: kept for the domain that resumes it");
	}
	return 1;
#else
	(void)d;
	(void)g;
	(void)r;
	return 0;
#endif
}

void launcher_guest_lost(struct daemon *d, struct guest *g)
{
	struct launch_reg *r = g->tp->proves_domid ? launcher_find(d, g->domid) : NULL;
	int alive = lives_on(d, g, r);

	if (!d->stopping && !alive) {
		launcher_guest_gone(d, g, -1, g->reason);
		return;
	}
	/* The guest lives on and connects again, to this p-dom0d or the
	 * next; its launcher hears of it then. */
	if (g->launcher_fd >= 0)
		close(g->launcher_fd);
	g->launcher_fd = -1;
	if (alive)
		dlog(d, g, DLOG_INFO, "waiting for the guest to connect again");
}

void launcher_guest_gone(struct daemon *d, struct guest *g, int status, const char *reason)
{
	struct px_field f[3] = { { .n = g->domid }, { .n = (uint32_t)status },
				 { .p = (const uint8_t *)reason, .len = (uint32_t)strlen(reason) } };

	if (g->launcher_fd >= 0) {
		send_frame(g->launcher_fd, PX_L_EXITED, 0, f);
		close(g->launcher_fd);
		g->launcher_fd = -1;
	}
	if (g->tp->proves_domid && g->domid)
		reg_remove(d, g->domid);
}

static void fail(int fd, uint32_t tag, int err, const char *text)
{
	struct px_field f[2] = { { .n = (uint64_t)err },
				 { .p = (const uint8_t *)text, .len = (uint32_t)strlen(text) } };

	send_frame(fd, PX_ERROR, tag, f);
}

/* Names that are safe as a file name under the run directory. */
static int good_name(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 48 || s[0] == '.')
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/* A registration from a REGISTER frame's fields, with its REPL socket;
 * NULL with errno and a reason in err. */
static struct launch_reg *reg_make(struct daemon *d, const struct px_field *f, char *err,
				   size_t cap, int *errnum)
{
	struct launch_reg *r = calloc(1, sizeof *r);
	char rule[512];
	const uint8_t *e;
	uint32_t pos = 0, len;
	int fd, i;

	*errnum = EINVAL;
	if (!r) {
		*errnum = ENOMEM;
		snprintf(err, cap, "out of memory");
		return NULL;
	}
	r->fds[0] = r->fds[1] = r->fds[2] = -1;
	r->conn_fd = -1;
	r->repl_fd = -1;
	r->domid = (uint32_t)f[0].n;
	r->since_ms = guest_now_ms();
	snprintf(r->name, sizeof r->name, "%.*s", (int)f[1].len, (const char *)f[1].p);
	if (f[2].len >= sizeof r->pol.root || memchr(f[2].p, 0, f[2].len) ||
	    (f[2].len && f[2].p[0] != '/')) {
		free(r);
		snprintf(err, cap, "export root must be an absolute path");
		return NULL;
	}
	memcpy(r->pol.root, f[2].p, f[2].len);
	r->pol.read_only = (f[3].n & PX_L_RO) != 0;
	r->flags = (int)f[3].n;
	r->owner = (uid_t)f[4].n;
	for (i = 0; i < PX_NQUOTAS; i++)
		if (policy_quota_put(&r->pol.quota, (unsigned)i, f[6 + i].n) < 0) {
			free(r);
			snprintf(err, cap, "quota %s is too large", px_quota_name[i]);
			return NULL;
		}
	while ((e = px_next(&f[5], 'S', &pos, &len))) {
		snprintf(rule, sizeof rule, "%.*s", (int)len, (const char *)e);
		if (policy_add_rule(&r->pol, rule, err, cap) < 0) {
			free(r);
			return NULL;
		}
	}
	if (!(r->flags & PX_L_DETACHED))
		return r;
	if (!good_name(r->name)) {
		free(r);
		snprintf(err, cap, "a detached guest needs a name of letters, digits, . _ -");
		return NULL;
	}
	if ((size_t)snprintf(r->repl_path, sizeof r->repl_path, "%.56s/%s.sock", d->run_dir,
			     r->name) >= sizeof r->repl_path || strlen(d->run_dir) > 56)
		fd = -ENAMETOOLONG;
	else
		fd = repl_listen(r->repl_path, r->owner);
	if (fd < 0) {
		free(r);
		*errnum = -fd;
		snprintf(err, cap, "cannot create the REPL socket");
		return NULL;
	}
	r->repl_fd = fd;
	return r;
}

static void reg_insert(struct daemon *d, struct launch_reg *r)
{
	struct launch_reg **pp;

	for (pp = &d->regs; *pp; pp = &(*pp)->next)
		if ((*pp)->domid == r->domid) {
			struct launch_reg *old = *pp;
			*pp = old->next;
			reg_free(old);
			break;
		}
	r->next = d->regs;
	d->regs = r;
}

static void do_register(struct daemon *d, struct lconn *c, const uint8_t *frame, uint32_t tag,
			struct px_field *f)
{
	struct launch_reg *r;
	char err[160], quotas[128];
	int i, errnum;

	r = reg_make(d, f, err, sizeof err, &errnum);
	if (!r) {
		fail(c->w.fd, tag, errnum, err);
		return;
	}
	if (c->nfds == 3 && !(r->flags & PX_L_DETACHED))
		for (i = 0; i < 3; i++)
			r->fds[i] = c->fds[i];
	else
		for (i = 0; i < c->nfds; i++)
			close(c->fds[i]);
	c->nfds = 0;
	r->conn_fd = dup(c->w.fd);
	reg_insert(d, r);
	record_save(d, r->domid, frame, px_get32(frame));
	quotas[0] = 0;
	for (i = 0; i < PX_NQUOTAS; i++)
		if (f[6 + i].n)
			snprintf(quotas + strlen(quotas), sizeof quotas - strlen(quotas), ", %s=%llu",
				 px_quota_name[i], (unsigned long long)f[6 + i].n);
	dlog(d, NULL, DLOG_INFO, "registered guest %s (domid %u, root %s%s%s)", r->name,
	     (unsigned)r->domid, r->pol.root[0] ? r->pol.root : "none",
	     r->pol.read_only ? ", read-only" : "", quotas);
	send_frame(c->w.fd, PX_L_OK, tag, NULL);
}

/* The registrations a previous p-dom0d recorded: their guests still run
 * (a domain that is gone is dropped at the first @releaseDomain) and
 * connect to us.  Their launchers' terminals went with that daemon. */
static void restore_records(struct daemon *d)
{
	static uint8_t frame[PX_MAX_FRAME];
	char dir[300], path[600], err[160];
	struct dirent *de;
	DIR *dh;

	snprintf(dir, sizeof dir, "%s/guests", d->run_dir);
	dh = opendir(dir);
	if (!dh)
		return;
	while ((de = readdir(dh))) {
		struct px_field f[PX_MAX_FIELDS];
		struct launch_reg *r;
		struct px_hdr h;
		const char *why = "not a REGISTER frame";
		char *end;
		ssize_t n = -1;
		int fd, errnum;
		unsigned long domid = strtoul(de->d_name, &end, 10);

		if (de->d_name[0] < '0' || de->d_name[0] > '9' || *end)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		if (fd >= 0) {
			n = read(fd, frame, sizeof frame);
			close(fd);
		}
		if (n < PX_HDR || px_hdr_decode(frame, PX_MAX_FRAME, &h) < 0 || h.size != n ||
		    px_check(&h, frame + PX_HDR, PX_L2D, f, &why) < 0 || h.type != PX_L_REGISTER ||
		    f[0].n != domid) {
			dlog(d, NULL, DLOG_WARN, "dropping record %s: %s", path,
			     n < 0 ? strerror(errno) : why);
			unlink(path);
			continue;
		}
		r = reg_make(d, f, err, sizeof err, &errnum);
		if (!r) {
			dlog(d, NULL, DLOG_WARN, "dropping record %s: %s", path, err);
			unlink(path);
			continue;
		}
		reg_insert(d, r);
		dlog(d, NULL, DLOG_INFO, "guest %s (domid %u) was registered before: serving it again",
		     r->name, (unsigned)r->domid);
	}
	closedir(dh);
}

/* Registrations of domains that no longer exist (they never connected,
 * or went while no p-dom0d ran).  One whose guest is connected is the
 * guest's release's to forget. */
void launcher_drop_vanished(struct daemon *d, int (*exists)(struct daemon *, unsigned))
{
	struct launch_reg *r = d->regs, *next;
	struct guest *g;

	for (; r; r = next) {
		next = r->next;
		for (g = d->guests; g && !(g->tp->proves_domid && g->domid == r->domid); g = g->next)
			;
		if (g || r->suspended || exists(d, r->domid))
			continue;
		if (r->conn_fd >= 0) {
			static const char why[] = "domain vanished";
			struct px_field f[3] = { { .n = r->domid }, { .n = (uint32_t)-1 },
						 { .p = (const uint8_t *)why, .len = sizeof why - 1 } };
			send_frame(r->conn_fd, PX_L_EXITED, 0, f);
		}
		dlog(d, NULL, DLOG_INFO, "guest %s (domid %u) is gone: forgetting it", r->name,
		     (unsigned)r->domid);
		reg_remove(d, r->domid);
	}
}

/* One LIST row (PROTOCOL.md §7): domid, name, state, seconds since
 * p-dom0d heard of the guest, domain memory in KiB and the heap the guest
 * reports in bytes; '-' where unknown. */
static int list_row(struct daemon *d, struct px_field *f, uint8_t *buf, size_t cap,
		    uint32_t domid, const char *name, const char *state, uint64_t since_ms)
{
	char mem[24] = "-", heap[24] = "-", line[200];
	int n;
#ifdef PXEN_XEN
	uint64_t v;

	if (xen_tp_read_number(d, domid, "memory/target", &v) == 0)
		snprintf(mem, sizeof mem, "%llu", (unsigned long long)v);
	if (xen_tp_read_number(d, domid, "data/pxen/heap-bytes", &v) == 0)
		snprintf(heap, sizeof heap, "%llu", (unsigned long long)v);
#else
	(void)d;
#endif
	n = snprintf(line, sizeof line, "%u %s %s %llu %s %s", (unsigned)domid, name, state,
		     (unsigned long long)((guest_now_ms() - since_ms) / 1000), mem, heap);
	if (n < 0 || (size_t)n >= sizeof line || f->len + 2 + (size_t)n > cap)
		return -1;
	px_put16(buf + f->len, (uint16_t)n);
	memcpy(buf + f->len + 2, line, (size_t)n);
	f->len += 2 + (uint32_t)n;
	f->n++;
	return 0;
}

static int has_guest(struct daemon *d, uint32_t domid)
{
	struct guest *g;

	for (g = d->guests; g; g = g->next)
		if (g->tp->proves_domid && g->domid == domid)
			return 1;
	return 0;
}

static void do_list(struct daemon *d, struct lconn *c, uint32_t tag)
{
	uint8_t buf[PX_MAX_BODY];
	struct px_field f = { .p = buf };
	struct launch_reg *r;
	struct guest *g;

	for (g = d->guests; g; g = g->next) {
		if (!g->tp->proves_domid)
			continue;
		if (list_row(d, &f, buf, sizeof buf, g->domid, g->name,
			     g->exiting == 2 ? "exited" : g->repl ? "detached" : "running",
			     g->since_ms) < 0)
			break;
	}
	/* A registration stays until its guest is gone: list it only while
	 * the guest has not connected yet. */
	for (r = d->regs; r; r = r->next)
		if (!has_guest(d, r->domid) &&
		    list_row(d, &f, buf, sizeof buf, r->domid, r->name,
			     r->suspended ? "suspended" : "waiting", r->since_ms) < 0)
			break;
	send_frame(c->w.fd, PX_L_LIST_R, tag, &f);
}

static void do_stop(struct daemon *d, struct lconn *c, uint32_t tag, uint32_t domid)
{
	struct guest *g;
	int found = launcher_find(d, domid) != NULL;

	for (g = d->guests; g; g = g->next)
		if (guest_is_domain(g, domid)) {
			guest_kill(g, "stopped by the launcher");
			found = 1;
		}
	reg_remove(d, domid);
	if (found)
		send_frame(c->w.fd, PX_L_OK, tag, NULL);
	else
		fail(c->w.fd, tag, ENOENT, "no such guest");
}

/* INTERRUPT_GUEST: p-launch forwards the user's Ctrl-C. */
static void do_interrupt(struct daemon *d, struct lconn *c, uint32_t tag, uint32_t domid)
{
	struct guest *g;
	int found = 0;

	for (g = d->guests; g; g = g->next)
		if (guest_is_domain(g, domid)) {
			guest_send(g, PX_INTERRUPT, PX_CH_CONTROL, 0, NULL);
			found = 1;
		}
	if (found)
		send_frame(c->w.fd, PX_L_OK, tag, NULL);
	else
		fail(c->w.fd, tag, ENOENT, "no such guest");
}

static void conn_close(struct daemon *d, struct lconn *c)
{
	struct lconn **pp;
	int i;

	for (pp = &d->lconns; *pp; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	for (i = 0; i < c->nfds; i++)
		close(c->fds[i]);
	loop_del(d, &c->w);
	close(c->w.fd);
	free(c);
}

static void on_conn(struct daemon *d, struct watch *w, uint32_t events)
{
	struct lconn *c = (struct lconn *)w;
	union {
		struct cmsghdr h;
		char space[CMSG_SPACE(8 * sizeof(int))];
	} cm;
	struct iovec iov = { c->in + c->in_len, sizeof c->in - c->in_len };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &cm,
			     .msg_controllen = sizeof cm };
	struct cmsghdr *cmh;
	size_t pos = 0;
	ssize_t r;

	(void)events;
	r = recvmsg(w->fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
	if (r < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	for (cmh = CMSG_FIRSTHDR(&mh); r > 0 && cmh; cmh = CMSG_NXTHDR(&mh, cmh))
		if (cmh->cmsg_level == SOL_SOCKET && cmh->cmsg_type == SCM_RIGHTS) {
			int k = (int)((cmh->cmsg_len - CMSG_LEN(0)) / sizeof(int)), i;
			for (i = 0; i < k; i++) {
				int fd;
				memcpy(&fd, CMSG_DATA(cmh) + (size_t)i * sizeof(int), sizeof fd);
				if (c->nfds < 8)
					c->fds[c->nfds++] = fd;
				else
					close(fd);
			}
		}
	if (r <= 0) {
		conn_close(d, c);
		return;
	}
	c->in_len += (size_t)r;
	while (c->in_len - pos >= PX_HDR) {
		struct px_field f[PX_MAX_FIELDS];
		struct px_hdr h;
		const char *why;
		if (px_hdr_decode(c->in + pos, PX_MAX_FRAME, &h) < 0) {
			dlog(d, NULL, DLOG_WARN, "launcher connection: bad frame length; closing it");
			conn_close(d, c);
			return;
		}
		if (c->in_len - pos < h.size)
			break;
		if (px_check(&h, c->in + pos + PX_HDR, PX_L2D, f, &why) < 0 || h.chan != 0) {
			dlog(d, NULL, DLOG_WARN, "launcher connection: %s; closing it", why);
			conn_close(d, c);
			return;
		}
		if (h.type == PX_L_REGISTER)
			do_register(d, c, c->in + pos, h.tag, f);
		else if (h.type == PX_L_LIST)
			do_list(d, c, h.tag);
		else if (h.type == PX_L_STOP)
			do_stop(d, c, h.tag, (uint32_t)f[0].n);
		else if (h.type == PX_L_INTERRUPT)
			do_interrupt(d, c, h.tag, (uint32_t)f[0].n);
		else
			fail(c->w.fd, h.tag, EINVAL, "not a launcher request");
		pos += h.size;
	}
	memmove(c->in, c->in + pos, c->in_len - pos);
	c->in_len -= pos;
}

static void on_accept(struct daemon *d, struct watch *w, uint32_t events)
{
	int fd;

	(void)events;
	while ((fd = accept4(w->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
		struct lconn *c = calloc(1, sizeof *c);
		if (!c) {
			close(fd);
			continue;
		}
		c->w.fn = on_conn;
		c->w.fd = fd;
		if (loop_set(d, &c->w, EPOLLIN, 1) < 0) {
			close(fd);
			free(c);
			continue;
		}
		c->next = d->lconns;
		d->lconns = c;
	}
	if (errno == EMFILE || errno == ENFILE)
		loop_pause_accept(d);
}

int launcher_listen(struct daemon *d, const char *path)
{
	int fd = unix_listen(path, 16, (uid_t)-1), err;

	if (fd < 0)
		return fd;
	d->control_l.fn = on_accept;
	d->control_l.fd = fd;
	snprintf(d->run_dir, sizeof d->run_dir, "%s", path);
	if (strrchr(d->run_dir, '/'))
		*strrchr(d->run_dir, '/') = 0;
	else
		strcpy(d->run_dir, ".");
	err = loop_set(d, &d->control_l, EPOLLIN, 1);
	if (err < 0) {
		close(fd);
		d->control_l.fd = -1;
		return err;
	}
	restore_records(d);
	return 0;
}

void launcher_release(struct daemon *d)
{
	while (d->lconns)
		conn_close(d, d->lconns);
	while (d->regs) {
		struct launch_reg *r = d->regs;
		d->regs = r->next;
		reg_free(r);
	}
	if (d->control_l.fd >= 0) {
		loop_del(d, &d->control_l);
		close(d->control_l.fd);
		d->control_l.fd = -1;
	}
}
