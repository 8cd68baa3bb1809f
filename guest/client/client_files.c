/*
 * client_files.c - platform.h's files and directories as 9P2000.L requests
 * on the files channel.  Paths are relative to the export root; an absolute
 * path is refused here, and dom0 refuses anything that would leave the root.
 */
#include <string.h>

#include "client_int.h"
#include "p9.h"
#include "platform.h"

#define ROOT_FID 0
#define MAX_COMPONENTS 256

static uint32_t next_fid = 1;
static int attached;
static uint32_t msize;

static uint32_t new_fid(void)
{
	uint32_t f = next_fid++;

	if (next_fid >= P9_NOFID)
		next_fid = 1;
	return f;
}

static void clunk(uint32_t fid)
{
	struct px_field f = { .n = fid };

	cl_p9(P9_TCLUNK, &f);
}

int cl_files_start(void)
{
	static const char v[] = "9P2000.L";
	struct px_field f[5];
	int err;

	if (!(cl_caps & PX_CAP_FILES))
		return 0;
	f[0].n = cl_max_frame - PX_HDR;
	f[1].p = (const uint8_t *)v;
	f[1].len = sizeof v - 1;
	err = cl_p9(P9_TVERSION, f);
	if (err < 0)
		return err;
	if (f[1].len != sizeof v - 1 || memcmp(f[1].p, v, sizeof v - 1))
		return -PLAT_ENOSYS;
	msize = (uint32_t)f[0].n;
	memset(f, 0, sizeof f);
	f[0].n = ROOT_FID;
	f[1].n = P9_NOFID;
	err = cl_p9(P9_TATTACH, f);
	if (err < 0)
		return err;
	attached = 1;
	return 0;
}

struct comps {
	const char *p[MAX_COMPONENTS];
	uint16_t len[MAX_COMPONENTS];
	int n;
};

/* Splits path into components, dropping empty ones and ".". */
static int split(const char *path, struct comps *c)
{
	const char *s = path;

	c->n = 0;
	if (!attached)
		return -PLAT_ENOFS;
	if (!path[0])
		return -PLAT_ENOENT;
	if (path[0] == '/')
		return -PLAT_EACCES;
	while (*s) {
		const char *e = s;
		while (*e && *e != '/')
			e++;
		if (e - s > 255)
			return -PLAT_ENAMETOOLONG;
		if (e > s && !(e - s == 1 && s[0] == '.')) {
			if (c->n == MAX_COMPONENTS)
				return -PLAT_ENAMETOOLONG;
			c->p[c->n] = s;
			c->len[c->n++] = (uint16_t)(e - s);
		}
		s = *e ? e + 1 : e;
	}
	return 0;
}

/* Walks components [0, upto) from the root into a new fid. */
static int walk(const struct comps *c, int upto, uint32_t *fidp)
{
	uint32_t nf = new_fid();
	int done = 0, first = 1;

	do {
		uint8_t names[P9_MAXWELEM * 258];
		struct px_field f[3];
		int k, n = upto - done > P9_MAXWELEM ? P9_MAXWELEM : upto - done, err;
		uint32_t off = 0;
		for (k = 0; k < n; k++) {
			px_put16(names + off, c->len[done + k]);
			memcpy(names + off + 2, c->p[done + k], c->len[done + k]);
			off += 2u + c->len[done + k];
		}
		f[0].n = first ? ROOT_FID : nf;
		f[1].n = nf;
		f[2].n = (uint64_t)n;
		f[2].p = names;
		f[2].len = off;
		err = cl_p9(P9_TWALK, f);
		if (err >= 0 && f[0].n != (uint64_t)n) {
			if (!first)
				clunk(nf);
			return -PLAT_ENOENT;
		}
		if (err < 0) {
			if (!first)
				clunk(nf);
			return err;
		}
		first = 0;
		done += n;
	} while (done < upto);
	*fidp = nf;
	return 0;
}

/* Walks to the directory holding path's last component. */
static int walk_parent(const char *path, uint32_t *fid, const char **leaf, uint16_t *leaf_len)
{
	struct comps c;
	int err = split(path, &c);

	if (err < 0)
		return err;
	if (!c.n)
		return -PLAT_EINVAL;
	*leaf = c.p[c.n - 1];
	*leaf_len = c.len[c.n - 1];
	if (*leaf_len == 2 && (*leaf)[0] == '.' && (*leaf)[1] == '.')
		return -PLAT_EINVAL;
	return walk(&c, c.n - 1, fid);
}

static int walk_path(const char *path, uint32_t *fid)
{
	struct comps c;
	int err = split(path, &c);

	return err < 0 ? err : walk(&c, c.n, fid);
}

static uint32_t io_unit(uint64_t iounit)
{
	uint32_t max = msize - P9_HDR - 4 - 16;

	return iounit && iounit < max ? (uint32_t)iounit : max;
}

static int open_fid(int fid, int kind, uint32_t iounit)
{
	int h = cl_handle_new(kind);

	if (h < 0) {
		clunk((uint32_t)fid);
		return h;
	}
	cl_h[h].fid = (uint32_t)fid;
	cl_h[h].iounit = iounit;
	return h;
}

int plat_open(const char *path, int flags)
{
	struct px_field f[5];
	uint32_t fid;
	int lflags = 0, err;

	if ((flags & PLAT_O_READ) && (flags & PLAT_O_WRITE))
		lflags = P9_O_RDWR;
	else if (flags & PLAT_O_WRITE)
		lflags = P9_O_WRONLY;
	if (flags & PLAT_O_TRUNC)
		lflags |= P9_O_TRUNC;
	if (flags & PLAT_O_APPEND)
		lflags |= P9_O_APPEND;
	if (flags & PLAT_O_CREATE) {
		const char *leaf;
		uint16_t ll;
		err = walk_parent(path, &fid, &leaf, &ll);
		if (err < 0)
			return err;
		f[0].n = fid;
		f[1].p = (const uint8_t *)leaf;
		f[1].len = ll;
		f[2].n = (uint64_t)(lflags | P9_O_CREAT | P9_O_EXCL);
		f[3].n = 0666;
		f[4].n = 0;
		err = cl_p9(P9_TLCREATE, f);
		if (err >= 0)
			return open_fid((int)fid, CK_FILE, io_unit(f[1].n));
		clunk(fid);
		if (err != -PLAT_EEXIST || (flags & PLAT_O_EXCL))
			return err;
	}
	err = walk_path(path, &fid);
	if (err < 0)
		return err;
	f[0].n = fid;
	f[1].n = (uint64_t)lflags;
	err = cl_p9(P9_TLOPEN, f);
	if (err < 0) {
		clunk(fid);
		return err;
	}
	return open_fid((int)fid, CK_FILE, io_unit(f[1].n));
}

long cl_file_read(struct cl_handle *h, void *buf, size_t n)
{
	struct px_field f[3];
	int err;

	f[0].n = h->fid;
	f[1].n = h->offset;
	f[2].n = n < h->iounit ? n : h->iounit;
	err = cl_p9(P9_TREAD, f);
	if (err < 0)
		return err;
	if (f[0].len > n)
		return -PLAT_EIO;
	memcpy(buf, f[0].p, f[0].len);
	h->offset += f[0].len;
	return f[0].len;
}

long cl_file_write(struct cl_handle *h, const void *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		struct px_field f[3];
		uint32_t chunk = n - done < h->iounit ? (uint32_t)(n - done) : h->iounit;
		int err;
		f[0].n = h->fid;
		f[1].n = h->offset;
		f[2].p = (const uint8_t *)buf + done;
		f[2].len = chunk;
		err = cl_p9(P9_TWRITE, f);
		if (err < 0)
			return done ? (long)done : err;
		if (f[0].n == 0 || f[0].n > chunk)
			return done ? (long)done : -PLAT_EIO;
		h->offset += f[0].n;
		done += f[0].n;
	}
	return (long)done;
}

void cl_file_close(struct cl_handle *h)
{
	clunk(h->fid);
}

/* Walks to path into a new fid; "" and "." name the root itself. */
static int walk_any(const char *path, uint32_t *fid)
{
	struct comps none = { .n = 0 };

	if (path[0] == 0 || (path[0] == '.' && path[1] == 0))
		return attached ? walk(&none, 0, fid) : -PLAT_ENOFS;
	return walk_path(path, fid);
}

int plat_stat(const char *path, struct plat_stat *st)
{
	struct px_field f[20];
	uint32_t fid, fmt;
	int err = walk_any(path, &fid);

	if (err < 0)
		return err;
	f[0].n = fid;
	f[1].n = P9_GETATTR_BASIC;
	err = cl_p9(P9_TGETATTR, f);
	clunk(fid);
	if (err < 0)
		return err;
	fmt = (uint32_t)f[2].n & 0170000;
	st->type = fmt == 0100000 ? PLAT_FT_FILE : fmt == 0040000 ? PLAT_FT_DIR :
		   fmt == 0120000 ? PLAT_FT_LINK : PLAT_FT_OTHER;
	st->mode = (uint32_t)f[2].n & 07777;
	st->size = f[7].n;
	st->mtime_ns = (int64_t)f[12].n * 1000000000 + (int64_t)f[13].n;
	return 0;
}

static int in_parent(const char *path, unsigned type, uint64_t arg)
{
	struct px_field f[4];
	const char *leaf;
	uint16_t ll;
	uint32_t fid;
	int err = walk_parent(path, &fid, &leaf, &ll);

	if (err < 0)
		return err;
	f[0].n = fid;
	f[1].p = (const uint8_t *)leaf;
	f[1].len = ll;
	f[2].n = arg;
	f[3].n = 0;
	err = cl_p9(type, f);
	clunk(fid);
	return err < 0 ? err : 0;
}

int plat_unlink(const char *path)
{
	return in_parent(path, P9_TUNLINKAT, 0);
}

int plat_rmdir(const char *path)
{
	return in_parent(path, P9_TUNLINKAT, P9_AT_REMOVEDIR);
}

int plat_mkdir(const char *path)
{
	return in_parent(path, P9_TMKDIR, 0777);
}

int plat_rename(const char *from, const char *to)
{
	struct px_field f[4];
	const char *l1, *l2;
	uint16_t n1, n2;
	uint32_t d1, d2;
	int err = walk_parent(from, &d1, &l1, &n1);

	if (err < 0)
		return err;
	err = walk_parent(to, &d2, &l2, &n2);
	if (err < 0) {
		clunk(d1);
		return err;
	}
	f[0].n = d1;
	f[1].p = (const uint8_t *)l1;
	f[1].len = n1;
	f[2].n = d2;
	f[3].p = (const uint8_t *)l2;
	f[3].len = n2;
	err = cl_p9(P9_TRENAMEAT, f);
	clunk(d1);
	clunk(d2);
	return err < 0 ? err : 0;
}

int plat_opendir(const char *path)
{
	struct px_field f[2];
	uint32_t fid;
	int err, h;

	err = walk_any(path, &fid);
	if (err < 0)
		return err;
	f[0].n = fid;
	f[1].n = P9_O_RDONLY | P9_O_DIRECTORY;
	err = cl_p9(P9_TLOPEN, f);
	if (err < 0) {
		clunk(fid);
		return err;
	}
	h = open_fid((int)fid, CK_DIR, io_unit(f[1].n));
	if (h < 0)
		return h;
	cl_h[h].dir = cl_buf_alloc();
	if (!cl_h[h].dir) {
		clunk(fid);
		cl_handle_free(h);
		return -PLAT_ENOMEM;
	}
	return h;
}

int plat_readdir(int h, char *buf, size_t cap)
{
	struct cl_handle *d = cl_handle_get(h);

	if (!d || d->kind != CK_DIR)
		return -PLAT_EBADF;
	if (d->lost)
		return -PLAT_ELOST;
	for (;;) {
		const uint8_t *e;
		uint16_t nl;
		if (d->dir_pos >= d->dir_len) {
			struct px_field f[3];
			int err;
			if (d->dir_end)
				return 0;
			f[0].n = d->fid;
			f[1].n = d->offset;
			f[2].n = d->iounit < CL_RX ? d->iounit : CL_RX;
			err = cl_p9(P9_TREADDIR, f);
			if (err < 0)
				return err;
			if (f[0].len == 0 || f[0].len > CL_RX) {
				d->dir_end = 1;
				return 0;
			}
			memcpy(d->dir, f[0].p, f[0].len);
			d->dir_len = f[0].len;
			d->dir_pos = 0;
		}
		if (d->dir_len - d->dir_pos < P9_QID_LEN + 8 + 1 + 2)
			return -PLAT_EIO;
		e = d->dir + d->dir_pos;
		nl = px_get16(e + 22);
		if (d->dir_len - d->dir_pos - 24 < nl)
			return -PLAT_EIO;
		d->offset = px_get64(e + 13);
		d->dir_pos += 24u + nl;
		if ((nl == 1 && e[24] == '.') || (nl == 2 && e[24] == '.' && e[25] == '.'))
			continue;
		if (nl >= cap)
			return -PLAT_ENAMETOOLONG;
		memcpy(buf, e + 24, nl);
		buf[nl] = 0;
		return nl;
	}
}
