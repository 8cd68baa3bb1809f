/*
 * client_plat.c - platform.h's byte-stream calls, dispatched by handle kind
 * (stream, file, directory, listener), and plat_strerror.
 *
 * PLAT_REPL is its own stream (channel 6) when dom0 granted a REPL;
 * otherwise it reads stdin and writes stdout.
 */
#include "client_int.h"
#include "platform.h"

static struct cl_handle *repl_alias(int h, int writing)
{
	if (h == PLAT_REPL && cl_h[PLAT_REPL].kind == CK_FREE)
		return cl_handle_get(writing ? PLAT_STDOUT : PLAT_STDIN);
	return cl_handle_get(h);
}

long plat_read(int h, void *buf, size_t n)
{
	struct cl_handle *s = repl_alias(h, 0);

	if (!s)
		return -PLAT_EBADF;
	if (s->lost)
		return -PLAT_ELOST;
	if (!n)
		return 0;
	switch (s->kind) {
	case CK_STREAM: return cl_stream_read(s, buf, n);
	case CK_FILE: return cl_file_read(s, buf, n);
	case CK_DIR: return -PLAT_EISDIR;
	default: return -PLAT_EBADF;
	}
}

long plat_write(int h, const void *buf, size_t n)
{
	struct cl_handle *s = repl_alias(h, 1);

	if (!s)
		return -PLAT_EBADF;
	if (s->lost)
		return -PLAT_ELOST;
	if (!n)
		return 0;
	if (cl_mirror && !(cl_caps & PX_CAP_STDIO) &&
	    (s == cl_handle_get(PLAT_STDOUT) || s == cl_handle_get(PLAT_STDERR)))
		cl_mirror(buf, n);
	switch (s->kind) {
	case CK_STREAM: return cl_stream_write(s, buf, n);
	case CK_FILE: return cl_file_write(s, buf, n);
	case CK_DIR: return -PLAT_EISDIR;
	default: return -PLAT_EBADF;
	}
}

/* Streams hand every byte to dom0 at once and files write through, so
 * there is nothing of ours to flush. */
int plat_flush(int h)
{
	return repl_alias(h, 1) ? 0 : -PLAT_EBADF;
}

int plat_ready(int h)
{
	struct cl_handle *s = repl_alias(h, 0);

	if (!s)
		return -PLAT_EBADF;
	if (s->kind != CK_STREAM || s->lost)
		return 1;
	if (!s->rx_len && !s->eof)
		cl_pump(0);
	return s->rx_len || s->eof;
}

int plat_close(int h)
{
	struct cl_handle *s = cl_handle_get(h);

	if (!s || h <= PLAT_REPL)
		return -PLAT_EBADF;
	if (s->lost)
		;	/* its fid or socket died with the old p-dom0d */
	else if (s->kind == CK_FILE || s->kind == CK_DIR)
		cl_file_close(s);
	else if (s->kind == CK_LISTENER || s->is_socket)
		cl_socket_close(s);
	cl_handle_free(h);
	return 0;
}

const char *plat_strerror(int err)
{
	static const struct { int e; const char *s; } names[] = {
		{ PLAT_EPERM, "operation not permitted" },
		{ PLAT_ENOENT, "no such file or directory" },
		{ PLAT_EINTR, "interrupted" },
		{ PLAT_EIO, "input/output error" },
		{ PLAT_EBADF, "bad handle" },
		{ PLAT_EAGAIN, "try again" },
		{ PLAT_ENOMEM, "out of memory" },
		{ PLAT_EACCES, "permission denied" },
		{ PLAT_ENOFS, "no file system exported to this program: run with --fs DIR" },
		{ PLAT_ELOST, "lost: p-dom0d went away while it was open or in progress" },
		{ PLAT_EEXIST, "file exists" },
		{ PLAT_EXDEV, "outside the exported tree" },
		{ PLAT_ENOTDIR, "not a directory" },
		{ PLAT_EISDIR, "is a directory" },
		{ PLAT_EINVAL, "invalid argument" },
		{ PLAT_EMFILE, "too many open handles" },
		{ PLAT_ENOSPC, "no space left on device" },
		{ PLAT_EROFS, "read-only file system" },
		{ PLAT_EPIPE, "broken pipe" },
		{ PLAT_ERANGE, "result out of range" },
		{ PLAT_ENAMETOOLONG, "name too long" },
		{ PLAT_ENOSYS, "not supported" },
		{ PLAT_ENOTEMPTY, "directory not empty" },
		{ PLAT_ELOOP, "too many levels of symbolic links" },
		{ 95, "operation not supported" },
		{ 98, "address in use" },
		{ 103, "connection aborted" },
		{ 104, "connection reset by peer" },
		{ PLAT_ENOTCONN, "not connected" },
		{ PLAT_ETIMEDOUT, "timed out" },
		{ PLAT_ECONNREFUSED, "connection refused" },
		{ PLAT_EHOSTUNREACH, "host unreachable" },
	};
	size_t i;

	if (err < 0)
		err = -err;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].e == err)
			return names[i].s;
	return "error";
}
