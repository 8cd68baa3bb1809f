/*
 * platform.h - everything the P interpreter asks of the machine it runs on.
 *
 * guest/lang calls only these functions.  Two implementations exist:
 * guest/hosted (a Linux process talking to p-dom0d over a local socket) and
 * guest/kernel (a bare Xen PVH guest talking to p-dom0d over vchan).  Both
 * route files, sockets and the terminal through the pxen protocol client in
 * guest/client, so the interpreter sees the same behaviour on both.
 *
 * Conventions: a negative return is -PLAT_Exxx (Linux errno numbers, which
 * 9P2000.L uses on the wire too); plat_strerror() names it.  Handles are small
 * non-negative integers: 0, 1, 2 are the program's stdin, stdout and stderr
 * and PLAT_REPL the REPL stream when one is attached; files, directories and
 * sockets get the others.  Paths are UTF-8 and resolve beneath the export
 * root that dom0 gave this program.
 */
#ifndef PXEN_PLATFORM_H
#define PXEN_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

enum {
	PLAT_EPERM = 1, PLAT_ENOENT = 2, PLAT_EIO = 5, PLAT_EBADF = 9,
	PLAT_EAGAIN = 11, PLAT_ENOMEM = 12, PLAT_EACCES = 13, PLAT_EEXIST = 17,
	PLAT_EXDEV = 18, PLAT_ENOTDIR = 20, PLAT_EISDIR = 21, PLAT_EINVAL = 22,
	PLAT_EMFILE = 24, PLAT_ENOSPC = 28, PLAT_EROFS = 30, PLAT_EPIPE = 32,
	PLAT_ERANGE = 34, PLAT_ENAMETOOLONG = 36, PLAT_ENOSYS = 38,
	PLAT_ENOTEMPTY = 39, PLAT_ELOOP = 40, PLAT_ENOTCONN = 107,
	PLAT_ETIMEDOUT = 110, PLAT_ECONNREFUSED = 111, PLAT_EHOSTUNREACH = 113,
	PLAT_EINTR = 4,
	/* not an errno: no file system was exported to this program at all */
	PLAT_ENOFS = 4096,
	/* not an errno: p-dom0d went away while the file or socket was open
	 * or the request was in flight; a new p-dom0d serves the program */
	PLAT_ELOST = 4097,
};

enum { PLAT_STDIN = 0, PLAT_STDOUT = 1, PLAT_STDERR = 2, PLAT_REPL = 3 };

const char *plat_strerror(int err);

/* Byte streams: any handle. read returns 0 at end of file. */
long plat_read(int h, void *buf, size_t n);
long plat_write(int h, const void *buf, size_t n);
int plat_flush(int h);
/* 1 if a read on h would not block, 0 if it would, <0 on error. */
int plat_ready(int h);
int plat_close(int h);

/* Files, beneath the export root. */
enum {
	PLAT_O_READ = 1, PLAT_O_WRITE = 2, PLAT_O_CREATE = 4,
	PLAT_O_TRUNC = 8, PLAT_O_APPEND = 16, PLAT_O_EXCL = 32,
};
int plat_open(const char *path, int flags);

enum { PLAT_FT_FILE = 1, PLAT_FT_DIR = 2, PLAT_FT_LINK = 3, PLAT_FT_OTHER = 4 };
struct plat_stat {
	int type;
	uint32_t mode;
	uint64_t size;
	int64_t mtime_ns;
};
int plat_stat(const char *path, struct plat_stat *st);
int plat_unlink(const char *path);
int plat_rename(const char *from, const char *to);
int plat_mkdir(const char *path);
int plat_rmdir(const char *path);
/* Directory listing: open, then next entry's name into buf (NUL-terminated);
 * returns its length, 0 at the end.  Close with plat_close. */
int plat_opendir(const char *path);
int plat_readdir(int h, char *buf, size_t cap);

/* TCP through dom0's socket proxy, as its policy allows.  host is a name or
 * a literal IPv4/IPv6 address; the result is a stream handle. */
int plat_tcp_connect(const char *host, int port);
int plat_tcp_listen(const char *host, int port);
int plat_tcp_accept(int listener);

/* Clocks. */
uint64_t plat_monotonic_ns(void);
int64_t plat_wallclock_ns(void);	/* since 1970-01-01 UTC */

/* Program context: argv[0] is the program's name as the user gave it. */
int plat_argc(void);
const char *plat_argv(int i);
const char *plat_getenv(const char *name);
/* Environment as "NAME=value" strings; NULL past the end. */
const char *plat_environ(int i);

/* Memory for the heap: page-aligned, zero-filled, resident regions. */
void *plat_pages_alloc(size_t bytes);
void plat_pages_free(void *p, size_t bytes);
/* The most heap memory the platform will hand out in total. */
size_t plat_heap_limit(void);

/* Returns, once per request, PLAT_INTR_USER for an interrupt (Ctrl-C, dom0
 * INTERRUPT) or PLAT_INTR_SHUTDOWN when the machine is asked to shut down
 * (on Xen: xl shutdown/reboot); else 0.  Cheap: the VM calls it often. */
enum { PLAT_INTR_USER = 1, PLAT_INTR_SHUTDOWN = 2 };
int plat_interrupted(void);

/* Ends the program; flushes the platform's own buffers first. */
_Noreturn void plat_exit(int status);
/* Ends at once, without flushing anything. */
_Noreturn void plat_abort(const char *why);

#endif
