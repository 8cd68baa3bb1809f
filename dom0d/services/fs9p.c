/*
 * fs9p.c - the 9P2000.L file server of one guest, confined beneath its
 * export root.  Every fid remembers its path relative to the root and an
 * O_PATH descriptor found with openat2(RESOLVE_BENEATH|RESOLVE_NO_MAGICLINKS)
 * (or, where openat2 is missing, a walk component by component with
 * O_NOFOLLOW); operations on names use the *at calls relative to a fid's
 * descriptor with a single validated component, so nothing outside the root
 * is ever reached.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "services/fs9p.h"
#include "core/fdbudget.h"
#include "p9.h"

#define MAX_FIDS 256
#define MAX_PATH 4096

struct fid {
	uint32_t id;
	int fd;		/* O_PATH, or the open file after Tlopen/Tlcreate */
	int opened;
	char *path;	/* relative to the root; "" is the root */
};

struct fs9p {
	int root_fd;
	int read_only;
	uint32_t msize, max_msize;
	struct fid fids[MAX_FIDS];
	int nfids;
	int fd_ceiling;
	struct fs_quota quota;	/* fids: always set, at most MAX_FIDS */
	uint64_t written;	/* bytes, for quota.bytes */
	uint32_t created;	/* entries, for quota.files */
};

struct fs9p *fs9p_new(int root_fd, int read_only, const struct fs_quota *quota, uint32_t msize,
		      int fd_ceiling)
{
	struct fs9p *fs = calloc(1, sizeof *fs);

	if (!fs) {
		if (root_fd >= 0)
			close(root_fd);
		return NULL;
	}
	fs->root_fd = root_fd;
	fs->read_only = read_only;
	fs->msize = fs->max_msize = msize;
	fs->fd_ceiling = fd_ceiling;
	if (quota)
		fs->quota = *quota;
	if (!fs->quota.fids || fs->quota.fids > MAX_FIDS)
		fs->quota.fids = MAX_FIDS;
	return fs;
}

/* The permission bits a guest may give what it creates or chmods: never
 * setuid, setgid or sticky, which on a file the daemon owns would hand dom0
 * users its privileges. */
static mode_t guest_mode(uint64_t mode)
{
	return (mode_t)(mode & 0777);
}

/* 0 if the guest may create one more entry (file, directory, link). */
static int may_create(const struct fs9p *fs)
{
	return fs->quota.files && fs->created >= fs->quota.files ? -EDQUOT : 0;
}

static void fid_drop(struct fid *f)
{
	if (f->fd >= 0)
		close(f->fd);
	free(f->path);
	f->path = NULL;
	f->fd = -1;
	f->opened = 0;
}

static void drop_all(struct fs9p *fs)
{
	int i;

	for (i = 0; i < fs->nfids; i++)
		fid_drop(&fs->fids[i]);
	fs->nfids = 0;
}

void fs9p_free(struct fs9p *fs)
{
	if (!fs)
		return;
	drop_all(fs);
	if (fs->root_fd >= 0)
		close(fs->root_fd);
	free(fs);
}

static struct fid *fid_get(struct fs9p *fs, uint64_t id)
{
	int i;

	for (i = 0; i < fs->nfids; i++)
		if (fs->fids[i].id == id)
			return &fs->fids[i];
	return NULL;
}

/* Adds fid `id`, taking ownership of fd and path; -errno on failure. */
static int fid_add(struct fs9p *fs, uint64_t id, int fd, char *path)
{
	struct fid *f;

	if (id == P9_NOFID || fid_get(fs, id) || fs->nfids >= (int)fs->quota.fids) {
		close(fd);
		free(path);
		return fs->nfids >= (int)fs->quota.fids ? -EMFILE : -EBADF;
	}
	fd = fdbudget_check(fd, fs->fd_ceiling);
	if (fd < 0) {
		free(path);
		return fd;
	}
	f = &fs->fids[fs->nfids++];
	f->id = (uint32_t)id;
	f->fd = fd;
	f->opened = 0;
	f->path = path;
	return 0;
}

static void fid_del(struct fs9p *fs, struct fid *f)
{
	fid_drop(f);
	*f = fs->fids[--fs->nfids];
}

/* Component-by-component fallback for kernels without openat2: symlinks
 * are never followed, which is stricter than openat2 but never unsafe. */
static int walk_nofollow(int root, const char *path, int flags)
{
	char buf[MAX_PATH], *save = NULL, *comp, *next;
	int cur = dup(root);

	if (cur < 0)
		return -errno;
	snprintf(buf, sizeof buf, "%s", path);
	for (comp = strtok_r(buf, "/", &save); comp; comp = next) {
		int nfd;
		next = strtok_r(NULL, "/", &save);
		if (!strcmp(comp, "..") || !strcmp(comp, ".")) {
			close(cur);
			return -EACCES;
		}
		nfd = openat(cur, comp, (next ? O_PATH | O_DIRECTORY : flags) | O_NOFOLLOW | O_CLOEXEC, 0);
		close(cur);
		if (nfd < 0)
			return errno == ELOOP ? -EXDEV : -errno;
		cur = nfd;
	}
	if (!path[0] && (flags & O_ACCMODE) != O_RDONLY) {
		close(cur);
		return -EISDIR;
	}
	if (!path[0] && !(flags & O_PATH)) {
		int nfd = openat(cur, ".", flags | O_CLOEXEC);
		close(cur);
		return nfd < 0 ? -errno : nfd;
	}
	return cur;
}

/* Opens path beneath the root; flags as for open(2). */
static int beneath(struct fs9p *fs, const char *path, int flags, mode_t mode)
{
	struct open_how how = { 0 };
	long fd;

	how.flags = (uint64_t)(unsigned)(flags | O_CLOEXEC);
	how.mode = (flags & O_CREAT) ? mode : 0;
	how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
	fd = syscall(SYS_openat2, fs->root_fd, path[0] ? path : ".", &how, sizeof how);
	if (fd < 0 && errno == ENOSYS)
		return walk_nofollow(fs->root_fd, path, flags);
	return fd < 0 ? -errno : (int)fd;
}

/* The fid's file is still the one its path names beneath the root.  dom0
 * may move a directory out of the export while a guest holds a fid on it;
 * name operations relative to that fid would then act outside.  -ESTALE
 * when it has moved (or its path now names something else). */
static int fid_beneath(struct fs9p *fs, const struct fid *fi)
{
	struct stat a, b;
	int fd = beneath(fs, fi->path, O_PATH | O_NOFOLLOW, 0), err = 0;

	if (fd < 0)
		return fd == -ENOENT || fd == -EXDEV ? -ESTALE : fd;
	if (fstat(fd, &a) < 0 || fstat(fi->fd, &b) < 0)
		err = -errno;
	else if (a.st_dev != b.st_dev || a.st_ino != b.st_ino)
		err = -ESTALE;
	close(fd);
	return err;
}

/* Fid id, still beneath the root; NULL with *err set otherwise. */
static struct fid *fid_here(struct fs9p *fs, uint64_t id, int *err)
{
	struct fid *fi = fid_get(fs, id);

	*err = fi ? fid_beneath(fs, fi) : -EBADF;
	return *err < 0 ? NULL : fi;
}

static void make_qid(const struct stat *st, uint8_t *q)
{
	q[0] = S_ISDIR(st->st_mode) ? P9_QTDIR : S_ISLNK(st->st_mode) ? P9_QTSYMLINK : P9_QTFILE;
	px_put32(q + 1, (uint32_t)st->st_mtim.tv_sec);
	px_put64(q + 5, (uint64_t)st->st_ino);
}

static int qid_of(int fd, uint8_t *q)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -errno;
	make_qid(&st, q);
	return 0;
}

/* A single path component the guest may name: not empty, no '/', no NUL,
 * not "." or "..". */
static int good_name(const struct px_field *s)
{
	if (s->len == 0 || s->len > 255 || memchr(s->p, '/', s->len) || memchr(s->p, 0, s->len))
		return 0;
	if ((s->len == 1 && s->p[0] == '.') || (s->len == 2 && s->p[0] == '.' && s->p[1] == '.'))
		return 0;
	return 1;
}

static void cstr(const struct px_field *s, char *buf)
{
	memcpy(buf, s->p, s->len);
	buf[s->len] = 0;
}

/* Appends one walk element to path (in place), "" being the root; ".."
 * pops and may not leave the root. */
static int path_step(char *path, const uint8_t *name, uint32_t len)
{
	size_t pl = strlen(path);

	if (len == 2 && name[0] == '.' && name[1] == '.') {
		char *slash = strrchr(path, '/');
		if (!pl)
			return -EACCES;
		if (slash)
			*slash = 0;
		else
			path[0] = 0;
		return 0;
	}
	if (len == 0 || memchr(name, '/', len) || memchr(name, 0, len) ||
	    (len == 1 && name[0] == '.'))
		return -EINVAL;
	if (pl + 1 + len + 1 > MAX_PATH)
		return -ENAMETOOLONG;
	if (pl)
		path[pl++] = '/';
	memcpy(path + pl, name, len);
	path[pl + len] = 0;
	return 0;
}

struct req {
	struct fs9p *fs;
	unsigned type;
	uint16_t tag;
	struct px_field *f;
	uint8_t *out;
	size_t cap;
};

static long rlerror(struct req *r, int err)
{
	struct px_field e = { .n = (uint64_t)(err < 0 ? -err : err) };

	return p9_encode(r->out, r->cap, P9_RLERROR, r->tag, &e);
}

static long reply(struct req *r, const struct px_field *f)
{
	return p9_encode(r->out, r->cap, r->type + 1, r->tag, f);
}

static long t_version(struct req *r)
{
	struct px_field f[2];
	static const char v[] = "9P2000.L";
	int ok = r->f[1].len == sizeof v - 1 && !memcmp(r->f[1].p, v, sizeof v - 1);

	drop_all(r->fs);
	r->fs->msize = r->f[0].n < r->fs->max_msize ? (uint32_t)r->f[0].n : r->fs->max_msize;
	f[0].n = r->fs->msize;
	f[1].p = (const uint8_t *)(ok ? v : "unknown");
	f[1].len = ok ? sizeof v - 1 : 7;
	return reply(r, f);
}

static long t_attach(struct req *r)
{
	uint8_t q[P9_QID_LEN];
	struct px_field f = { .p = q, .len = P9_QID_LEN };
	char *path;
	int fd, err;

	if (r->fs->root_fd < 0)
		return rlerror(r, EACCES);
	fd = beneath(r->fs, "", O_PATH | O_DIRECTORY, 0);
	if (fd < 0)
		return rlerror(r, fd);
	err = qid_of(fd, q);
	path = strdup("");
	if (err < 0 || !path) {
		close(fd);
		free(path);
		return rlerror(r, err < 0 ? err : ENOMEM);
	}
	err = fid_add(r->fs, r->f[0].n, fd, path);
	return err < 0 ? rlerror(r, err) : reply(r, &f);
}

static long t_walk(struct req *r)
{
	struct fid *from = fid_get(r->fs, r->f[0].n);
	uint8_t qids[P9_MAXWELEM * P9_QID_LEN];
	struct px_field f = { .p = qids };
	char path[MAX_PATH];
	const uint8_t *name;
	uint32_t pos = 0, len;
	int fd = -1, err;

	if (!from)
		return rlerror(r, EBADF);
	if (r->f[2].n > P9_MAXWELEM)
		return rlerror(r, EINVAL);
	if (r->f[1].n != r->f[0].n && fid_get(r->fs, r->f[1].n))
		return rlerror(r, EBADF);
	snprintf(path, sizeof path, "%s", from->path);
	while ((name = px_next(&r->f[2], 'S', &pos, &len))) {
		err = path_step(path, name, len);
		fd = -1;
		if (err == 0) {
			fd = beneath(r->fs, path, O_PATH | O_NOFOLLOW, 0);
			err = fd < 0 ? fd : qid_of(fd, qids + f.n * P9_QID_LEN);
		}
		if (err < 0) {
			if (fd >= 0)
				close(fd);
			if (f.n == 0)
				return rlerror(r, err);
			f.len = (uint32_t)(f.n * P9_QID_LEN);
			return reply(r, &f);
		}
		f.n++;
		if (f.n < r->f[2].n) {
			close(fd);
			fd = -1;
		}
	}
	if (f.n == 0)
		fd = beneath(r->fs, path, O_PATH | O_NOFOLLOW, 0);
	if (fd < 0)
		return rlerror(r, fd);
	f.len = (uint32_t)(f.n * P9_QID_LEN);
	if (r->f[1].n == r->f[0].n) {
		char *np = strdup(path);
		if (!np) {
			close(fd);
			return rlerror(r, ENOMEM);
		}
		fid_drop(from);
		from->fd = fd;
		from->path = np;
	} else {
		char *np = strdup(path);
		err = np ? fid_add(r->fs, r->f[1].n, fd, np) : (close(fd), -ENOMEM);
		if (err < 0)
			return rlerror(r, err);
	}
	return reply(r, &f);
}

static int writes(int flags)
{
	return (flags & O_ACCMODE) != O_RDONLY || (flags & (O_TRUNC | O_CREAT | O_APPEND));
}

/* Only these open flags pass from the guest to open(2). */
static int clean_flags(uint64_t fl)
{
	int flags = (int)(fl & O_ACCMODE);

	if ((fl & O_ACCMODE) == O_ACCMODE)
		flags = O_RDWR;
	return flags | (int)(fl & (P9_O_TRUNC | P9_O_APPEND | P9_O_EXCL | P9_O_DIRECTORY));
}

/* Whether a guest may open what st describes: only regular files and
 * directories.  Opening a FIFO blocks the single-threaded daemon (every
 * guest stalls) and opening a device acts on dom0's hardware. */
static int may_open(const struct stat *st)
{
	return S_ISREG(st->st_mode) || S_ISDIR(st->st_mode);
}

/* Opens what path names beneath the root (following a final symlink that
 * stays beneath it) with flags.  The type is checked on an O_PATH
 * descriptor first and the open goes through that descriptor's /proc link,
 * so what is opened is what was checked, even if the path changes between;
 * O_NONBLOCK keeps the open itself from ever waiting. */
static int open_checked(struct fs9p *fs, const char *path, int flags)
{
	char proc[64];
	struct stat st;
	int pfd = beneath(fs, path, O_PATH, 0), fd, err;

	if (pfd < 0)
		return pfd;
	err = fstat(pfd, &st) < 0 ? -errno : may_open(&st) ? 0 : -EACCES;
	if (err < 0) {
		close(pfd);
		return err;
	}
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", pfd);
	fd = open(proc, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		fd = -errno;
	close(pfd);
	return fd;
}

static long t_lopen(struct req *r)
{
	struct fid *fi = fid_get(r->fs, r->f[0].n);
	uint8_t q[P9_QID_LEN];
	struct px_field f[2] = { { .p = q, .len = P9_QID_LEN }, { .n = 0 } };
	int flags = clean_flags(r->f[1].n), fd, err;

	if (!fi || fi->opened)
		return rlerror(r, EBADF);
	if (r->fs->read_only && writes(flags))
		return rlerror(r, EROFS);
	fd = open_checked(r->fs, fi->path, flags);
	if (fd < 0)
		return rlerror(r, fd);
	err = qid_of(fd, q);
	if (err < 0) {
		close(fd);
		return rlerror(r, err);
	}
	close(fi->fd);
	fi->fd = fd;
	fi->opened = 1;
	return reply(r, f);
}

static long t_lcreate(struct req *r)
{
	struct fid *fi = fid_get(r->fs, r->f[0].n);
	uint8_t q[P9_QID_LEN];
	struct px_field f[2] = { { .p = q, .len = P9_QID_LEN }, { .n = 0 } };
	char name[256], path[MAX_PATH], *np;
	int flags = clean_flags(r->f[2].n) | O_CREAT, fd, err;
	struct stat st;

	if (!fi || fi->opened)
		return rlerror(r, EBADF);
	if ((err = fid_beneath(r->fs, fi)) < 0)
		return rlerror(r, err);
	if (r->fs->read_only)
		return rlerror(r, EROFS);
	if (!good_name(&r->f[1]))
		return rlerror(r, EINVAL);
	cstr(&r->f[1], name);
	snprintf(path, sizeof path, "%s", fi->path);
	err = path_step(path, r->f[1].p, r->f[1].len);
	if (err < 0)
		return rlerror(r, err);
	if ((err = may_create(r->fs)) < 0)
		return rlerror(r, err);
	/* The name may already exist (no O_EXCL) as a FIFO or device. */
	fd = openat(fi->fd, name, flags | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC,
		    guest_mode(r->f[3].n));
	if (fd < 0)
		return rlerror(r, errno);
	err = fstat(fd, &st) < 0 ? -errno : may_open(&st) ? 0 : -EACCES;
	if (err < 0) {
		close(fd);
		return rlerror(r, err);
	}
	r->fs->created++;
	make_qid(&st, q);
	np = strdup(path);
	if (!np) {
		close(fd);
		return rlerror(r, ENOMEM);
	}
	fid_drop(fi);
	fi->fd = fd;
	fi->path = np;
	fi->opened = 1;
	return reply(r, f);
}

static long t_read(struct req *r)
{
	struct fid *fi = fid_get(r->fs, r->f[0].n);
	size_t room = r->cap - P9_HDR - 4, want = r->f[2].n;
	ssize_t n;

	if (!fi || !fi->opened)
		return rlerror(r, EBADF);
	if (want > room)
		want = room;
	if (want > r->fs->msize - P9_HDR - 4)
		want = r->fs->msize - P9_HDR - 4;
	n = pread(fi->fd, r->out + P9_HDR + 4, want, (off_t)r->f[1].n);
	if (n < 0)
		return rlerror(r, errno);
	px_put32(r->out, (uint32_t)(P9_HDR + 4 + n));
	r->out[4] = P9_RREAD;
	px_put16(r->out + 5, r->tag);
	px_put32(r->out + P9_HDR, (uint32_t)n);
	return P9_HDR + 4 + n;
}

static long t_write(struct req *r)
{
	struct fid *fi = fid_get(r->fs, r->f[0].n);
	struct px_field f;
	size_t len = r->f[2].len;
	ssize_t n;

	if (!fi || !fi->opened)
		return rlerror(r, EBADF);
	if (r->fs->read_only)
		return rlerror(r, EROFS);
	/* Past the quota a write is cut short, then refused. */
	if (r->fs->quota.bytes) {
		uint64_t left = r->fs->written < r->fs->quota.bytes ?
				r->fs->quota.bytes - r->fs->written : 0;
		if (!left)
			return rlerror(r, EDQUOT);
		if (len > left)
			len = (size_t)left;
	}
	n = pwrite(fi->fd, r->f[2].p, len, (off_t)r->f[1].n);
	if (n < 0)
		return rlerror(r, errno);
	r->fs->written += (uint64_t)n;
	f.n = (uint64_t)n;
	return reply(r, &f);
}

static long t_getattr(struct req *r)
{
	struct fid *fi = fid_get(r->fs, r->f[0].n);
	uint8_t q[P9_QID_LEN];
	struct px_field f[20];
	struct stat st;
	int i;

	if (!fi)
		return rlerror(r, EBADF);
	if (fstat(fi->fd, &st) < 0)
		return rlerror(r, errno);
	make_qid(&st, q);
	memset(f, 0, sizeof f);
	f[0].n = P9_GETATTR_BASIC;
	f[1].p = q;
	f[1].len = P9_QID_LEN;
	f[2].n = st.st_mode;
	f[3].n = st.st_uid;
	f[4].n = st.st_gid;
	f[5].n = st.st_nlink;
	f[6].n = st.st_rdev;
	f[7].n = (uint64_t)st.st_size;
	f[8].n = (uint64_t)st.st_blksize;
	f[9].n = (uint64_t)st.st_blocks;
	f[10].n = (uint64_t)st.st_atim.tv_sec;
	f[11].n = (uint64_t)st.st_atim.tv_nsec;
	f[12].n = (uint64_t)st.st_mtim.tv_sec;
	f[13].n = (uint64_t)st.st_mtim.tv_nsec;
	f[14].n = (uint64_t)st.st_ctim.tv_sec;
	f[15].n = (uint64_t)st.st_ctim.tv_nsec;
	for (i = 16; i < 20; i++)
		f[i].n = 0;
	return reply(r, f);
}

/* Truncates the regular file behind an O_PATH descriptor.  The /proc
 * magic link is followed on purpose: it names exactly the file the fid
 * holds.  O_NONBLOCK keeps a FIFO swapped in meanwhile from blocking. */
static int truncate_fid(const char *proc, off_t size)
{
	struct stat st;
	int fd = open(proc, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), err = 0;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0)
		err = -errno;
	else if (!S_ISREG(st.st_mode))
		err = -EINVAL;
	else if (ftruncate(fd, size) < 0)
		err = -errno;
	close(fd);
	return err;
}

/* Tsetattr through the fid's own descriptor: /proc/self/fd names exactly
 * the file it holds, whatever happened to its path since.  The export
 * root's own mode belongs to dom0, not to the guest. */
static long t_setattr(struct req *r)
{
	int err;
	struct fid *fi = fid_here(r->fs, r->f[0].n, &err);
	uint64_t valid = r->f[1].n;
	struct stat st, root;
	char proc[64];

	if (!fi)
		return rlerror(r, err);
	if (r->fs->read_only)
		return rlerror(r, EROFS);
	if (valid & (P9_SETATTR_UID | P9_SETATTR_GID))
		return rlerror(r, EPERM);
	/* Never through a symlink: its target may lie outside the root. */
	if (fstat(fi->fd, &st) < 0 || fstat(r->fs->root_fd, &root) < 0)
		return rlerror(r, errno);
	if (S_ISLNK(st.st_mode))
		return rlerror(r, EOPNOTSUPP);
	if ((valid & P9_SETATTR_MODE) && st.st_dev == root.st_dev && st.st_ino == root.st_ino)
		return rlerror(r, EPERM);
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fi->fd);
	if ((valid & P9_SETATTR_MODE) && chmod(proc, guest_mode(r->f[2].n)) < 0)
		return rlerror(r, errno);
	if (valid & P9_SETATTR_SIZE) {
		err = truncate_fid(proc, (off_t)r->f[5].n);
		if (err < 0)
			return rlerror(r, err);
	}
	if (valid & (P9_SETATTR_ATIME | P9_SETATTR_MTIME)) {
		struct timespec ts[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
		if (valid & P9_SETATTR_ATIME) {
			ts[0].tv_nsec = UTIME_NOW;
			if (valid & P9_SETATTR_ATIME_SET) {
				ts[0].tv_sec = (time_t)r->f[6].n;
				ts[0].tv_nsec = (long)(r->f[7].n % 1000000000);
			}
		}
		if (valid & P9_SETATTR_MTIME) {
			ts[1].tv_nsec = UTIME_NOW;
			if (valid & P9_SETATTR_MTIME_SET) {
				ts[1].tv_sec = (time_t)r->f[8].n;
				ts[1].tv_nsec = (long)(r->f[9].n % 1000000000);
			}
		}
		if (utimensat(AT_FDCWD, proc, ts, 0) < 0)
			return rlerror(r, errno);
	}
	return reply(r, NULL);
}

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static long t_readdir(struct req *r)
{
	struct fid *fi = fid_get(r->fs, r->f[0].n);
	char dbuf[8192];
	size_t room = r->cap - P9_HDR - 4, used = 0;
	uint8_t *data = r->out + P9_HDR + 4;
	long n, pos;

	if (!fi || !fi->opened)
		return rlerror(r, EBADF);
	if (room > r->f[2].n)
		room = r->f[2].n;
	if (lseek(fi->fd, (off_t)r->f[1].n, SEEK_SET) < 0)
		return rlerror(r, errno);
	for (;;) {
		off_t prev = lseek(fi->fd, 0, SEEK_CUR);
		n = syscall(SYS_getdents64, fi->fd, dbuf, sizeof dbuf);
		if (n < 0)
			return rlerror(r, errno);
		if (n == 0)
			break;
		for (pos = 0; pos < n;) {
			struct linux_dirent64 *e = (struct linux_dirent64 *)(dbuf + pos);
			size_t nl = strlen(e->d_name), need = P9_QID_LEN + 8 + 1 + 2 + nl;
			if (used + need > room) {
				/* d_off is the position after an entry: seeking to the
				 * previous one's restarts at the entry that did not fit. */
				lseek(fi->fd, prev, SEEK_SET);
				goto done;
			}
			data[used] = e->d_type == DT_DIR ? P9_QTDIR : e->d_type == DT_LNK ? P9_QTSYMLINK : 0;
			px_put32(data + used + 1, 0);
			px_put64(data + used + 5, e->d_ino);
			px_put64(data + used + 13, (uint64_t)e->d_off);
			data[used + 21] = e->d_type;
			px_put16(data + used + 22, (uint16_t)nl);
			memcpy(data + used + 24, e->d_name, nl);
			used += need;
			pos += e->d_reclen;
			prev = e->d_off;
		}
	}
done:
	px_put32(r->out, (uint32_t)(P9_HDR + 4 + used));
	r->out[4] = P9_RREADDIR;
	px_put16(r->out + 5, r->tag);
	px_put32(r->out + P9_HDR, (uint32_t)used);
	return (long)(P9_HDR + 4 + used);
}

/* Rmkdir and Rsymlink: the qid of the entry just made in dirfd. */
static long reply_new_entry(struct req *r, int dirfd, const char *name)
{
	uint8_t q[P9_QID_LEN];
	struct px_field f = { .p = q, .len = P9_QID_LEN };
	int fd = openat(dirfd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC), err;

	if (fd < 0)
		return rlerror(r, errno);
	err = qid_of(fd, q);
	close(fd);
	return err < 0 ? rlerror(r, err) : reply(r, &f);
}

static long t_mkdir(struct req *r)
{
	int err;
	struct fid *fi = fid_here(r->fs, r->f[0].n, &err);
	char name[256];

	if (!fi)
		return rlerror(r, err);
	if (r->fs->read_only)
		return rlerror(r, EROFS);
	if (!good_name(&r->f[1]))
		return rlerror(r, EINVAL);
	cstr(&r->f[1], name);
	if ((err = may_create(r->fs)) < 0)
		return rlerror(r, err);
	if (mkdirat(fi->fd, name, guest_mode(r->f[2].n)) < 0)
		return rlerror(r, errno);
	r->fs->created++;
	return reply_new_entry(r, fi->fd, name);
}

static long t_unlinkat(struct req *r)
{
	int err;
	struct fid *fi = fid_here(r->fs, r->f[0].n, &err);
	char name[256];

	if (!fi)
		return rlerror(r, err);
	if (r->fs->read_only)
		return rlerror(r, EROFS);
	if (!good_name(&r->f[1]))
		return rlerror(r, EINVAL);
	cstr(&r->f[1], name);
	if (unlinkat(fi->fd, name, (r->f[2].n & P9_AT_REMOVEDIR) ? AT_REMOVEDIR : 0) < 0)
		return rlerror(r, errno);
	return reply(r, NULL);
}

static long t_renameat(struct req *r)
{
	int ea, eb;
	struct fid *a = fid_here(r->fs, r->f[0].n, &ea), *b = fid_here(r->fs, r->f[2].n, &eb);
	char n1[256], n2[256];

	if (!a || !b)
		return rlerror(r, !a ? ea : eb);
	if (r->fs->read_only)
		return rlerror(r, EROFS);
	if (!good_name(&r->f[1]) || !good_name(&r->f[3]))
		return rlerror(r, EINVAL);
	cstr(&r->f[1], n1);
	cstr(&r->f[3], n2);
	if (renameat(a->fd, n1, b->fd, n2) < 0)
		return rlerror(r, errno);
	return reply(r, NULL);
}

static long t_symlink(struct req *r)
{
	int err;
	struct fid *fi = fid_here(r->fs, r->f[0].n, &err);
	char name[256], target[MAX_PATH];

	if (!fi)
		return rlerror(r, err);
	if (r->fs->read_only)
		return rlerror(r, EROFS);
	if (!good_name(&r->f[1]) || r->f[2].len == 0 || r->f[2].len >= sizeof target ||
	    memchr(r->f[2].p, 0, r->f[2].len))
		return rlerror(r, EINVAL);
	cstr(&r->f[1], name);
	cstr(&r->f[2], target);
	if ((err = may_create(r->fs)) < 0)
		return rlerror(r, err);
	if (symlinkat(target, fi->fd, name) < 0)
		return rlerror(r, errno);
	r->fs->created++;
	return reply_new_entry(r, fi->fd, name);
}

static long t_readlink(struct req *r)
{
	int err;
	struct fid *fi = fid_here(r->fs, r->f[0].n, &err);
	char target[MAX_PATH];
	struct px_field f;
	ssize_t n;

	if (!fi)
		return rlerror(r, err);
	n = readlinkat(fi->fd, "", target, sizeof target);
	if (n < 0)
		return rlerror(r, errno);
	if ((size_t)n >= sizeof target)
		return rlerror(r, ENAMETOOLONG);
	f.p = (const uint8_t *)target;
	f.len = (uint32_t)n;
	return reply(r, &f);
}

static long t_statfs(struct req *r)
{
	struct fid *fi = fid_get(r->fs, r->f[0].n);
	struct px_field f[9];
	struct statfs s;

	if (!fi)
		return rlerror(r, EBADF);
	if (fstatfs(fi->fd, &s) < 0)
		return rlerror(r, errno);
	f[0].n = (uint64_t)s.f_type;
	f[1].n = (uint64_t)s.f_bsize;
	f[2].n = s.f_blocks;
	f[3].n = s.f_bfree;
	f[4].n = s.f_bavail;
	f[5].n = s.f_files;
	f[6].n = s.f_ffree;
	f[7].n = (uint64_t)s.f_fsid.__val[0] | (uint64_t)(uint32_t)s.f_fsid.__val[1] << 32;
	f[8].n = (uint64_t)s.f_namelen;
	return reply(r, f);
}

long fs9p_handle(struct fs9p *fs, const uint8_t *msg, size_t len, uint8_t *out, size_t cap)
{
	struct px_field f[PX_MAX_FIELDS];
	struct req r = { .fs = fs, .f = f, .out = out, .cap = cap };
	struct fid *fi;

	if (p9_decode(msg, len, &r.type, &r.tag, f) < 0) {
		if (len < P9_HDR || px_get32(msg) != len)
			return -1;
		/* A well-framed message of a type we do not serve, or a reply
		 * type, gets an error instead of a disconnect. */
		r.tag = px_get16(msg + 5);
		return (r.type & 1) == 0 && !p9_fmt(r.type) ? rlerror(&r, EOPNOTSUPP) : -1;
	}
	if ((r.type & 1) || r.type == P9_TLERROR)
		return -1;
	if (len > fs->msize && r.type != P9_TVERSION)
		return -1;
	switch (r.type) {
	case P9_TVERSION: return t_version(&r);
	case P9_TATTACH:
		if (f[1].n != P9_NOFID)
			return rlerror(&r, EINVAL);
		return t_attach(&r);
	case P9_TFLUSH: return reply(&r, NULL);
	case P9_TWALK: return t_walk(&r);
	case P9_TLOPEN: return t_lopen(&r);
	case P9_TLCREATE: return t_lcreate(&r);
	case P9_TREAD: return t_read(&r);
	case P9_TWRITE: return t_write(&r);
	case P9_TCLUNK:
		fi = fid_get(fs, f[0].n);
		if (!fi)
			return rlerror(&r, EBADF);
		fid_del(fs, fi);
		return reply(&r, NULL);
	case P9_TGETATTR: return t_getattr(&r);
	case P9_TSETATTR: return t_setattr(&r);
	case P9_TREADDIR: return t_readdir(&r);
	case P9_TMKDIR: return t_mkdir(&r);
	case P9_TUNLINKAT: return t_unlinkat(&r);
	case P9_TRENAMEAT: return t_renameat(&r);
	case P9_TFSYNC:
		fi = fid_get(fs, f[0].n);
		if (!fi || !fi->opened)
			return rlerror(&r, EBADF);
		if ((f[1].n ? fdatasync(fi->fd) : fsync(fi->fd)) < 0)
			return rlerror(&r, errno);
		return reply(&r, NULL);
	case P9_TSTATFS: return t_statfs(&r);
	case P9_TREADLINK: return t_readlink(&r);
	case P9_TSYMLINK: return t_symlink(&r);
	default: return rlerror(&r, EOPNOTSUPP);
	}
}
