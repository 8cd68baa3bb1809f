/*
 * plat_direct.c - streams, files and sockets of platform.h straight over
 * POSIX, confined beneath the export root with openat2(RESOLVE_BENEATH).
 * The bring-up path of the hosted build, until it speaks the pxen protocol
 * to p-dom0d like the bare guest does.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "platform.h"

#define MAX_HANDLES 256

/* Handle table: the fd behind each handle, and the directory stream when the
 * handle lists a directory.  Process-wide like the fds it names. */
static struct handle {
	int fd;
	DIR *dir;
} handles[MAX_HANDLES] = {
	[0] = { 0, NULL }, [1] = { 1, NULL }, [2] = { 2, NULL }, [3] = { -1, NULL },
};
static int root_fd = -1;
static int root_ro;

int host_fs_setup(const char *root, int read_only)
{
	int i;

	for (i = 4; i < MAX_HANDLES; i++)
		handles[i].fd = -1;
	root_ro = read_only;
	if (!root)
		return 0;
	root_fd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
	return root_fd < 0 ? -errno : 0;
}

static int new_handle(int fd, DIR *dir)
{
	int i;

	for (i = 4; i < MAX_HANDLES; i++)
		if (handles[i].fd < 0) {
			handles[i].fd = fd;
			handles[i].dir = dir;
			return i;
		}
	if (dir)
		closedir(dir);
	else
		close(fd);
	return -PLAT_EMFILE;
}

static int handle_fd(int h)
{
	return h >= 0 && h < MAX_HANDLES ? handles[h].fd : -1;
}

static int beneath(const char *path, int flags, int mode)
{
	struct open_how how;
	long fd;

	if (root_fd < 0)
		return -PLAT_EACCES;
	memset(&how, 0, sizeof how);
	how.flags = (unsigned)flags | O_CLOEXEC;
	how.mode = (flags & O_CREAT) ? (unsigned)mode : 0;
	how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
	fd = syscall(SYS_openat2, root_fd, path, &how, sizeof how);
	return fd < 0 ? -errno : (int)fd;
}

/* Opens the directory holding path's last component; *leaf points into path. */
static int beneath_parent(const char *path, char *buf, size_t cap, const char **leaf)
{
	char *slash;

	if (strlen(path) >= cap)
		return -PLAT_ENAMETOOLONG;
	strcpy(buf, path);
	slash = strrchr(buf, '/');
	if (!slash) {
		*leaf = path;
		return beneath(".", O_PATH | O_DIRECTORY, 0);
	}
	*slash = 0;
	*leaf = path + (slash - buf) + 1;
	if (!**leaf || !strcmp(*leaf, "..") || !strcmp(*leaf, "."))
		return -PLAT_EINVAL;
	return beneath(buf[0] ? buf : "/", O_PATH | O_DIRECTORY, 0);
}

long plat_read(int h, void *buf, size_t n)
{
	int fd = handle_fd(h);
	ssize_t r;

	if (fd < 0)
		return -PLAT_EBADF;
	do
		r = read(fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r < 0 ? -errno : r;
}

long plat_write(int h, const void *buf, size_t n)
{
	int fd = handle_fd(h);
	size_t done = 0;

	if (fd < 0)
		return -PLAT_EBADF;
	while (done < n) {
		ssize_t w = write(fd, (const char *)buf + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -errno;
		done += (size_t)w;
	}
	return (long)done;
}

int plat_flush(int h)
{
	return handle_fd(h) < 0 ? -PLAT_EBADF : 0;
}

int plat_ready(int h)
{
	struct pollfd pfd = { .fd = handle_fd(h), .events = POLLIN };
	int r;

	if (pfd.fd < 0)
		return -PLAT_EBADF;
	r = poll(&pfd, 1, 0);
	return r < 0 ? -errno : r > 0;
}

int plat_close(int h)
{
	int fd = handle_fd(h);
	int r;

	if (fd < 0 || h < 3)
		return -PLAT_EBADF;
	r = handles[h].dir ? closedir(handles[h].dir) : close(fd);
	handles[h].fd = -1;
	handles[h].dir = NULL;
	return r < 0 ? -errno : 0;
}

int plat_open(const char *path, int flags)
{
	int oflags = 0, fd;

	if ((flags & PLAT_O_READ) && (flags & PLAT_O_WRITE))
		oflags = O_RDWR;
	else if (flags & PLAT_O_WRITE)
		oflags = O_WRONLY;
	if (flags & PLAT_O_CREATE)
		oflags |= O_CREAT;
	if (flags & PLAT_O_TRUNC)
		oflags |= O_TRUNC;
	if (flags & PLAT_O_APPEND)
		oflags |= O_APPEND;
	if (flags & PLAT_O_EXCL)
		oflags |= O_EXCL;
	if (root_ro && (flags & (PLAT_O_WRITE | PLAT_O_CREATE | PLAT_O_TRUNC)))
		return -PLAT_EROFS;
	fd = beneath(path, oflags, 0644);
	return fd < 0 ? fd : new_handle(fd, NULL);
}

int plat_stat(const char *path, struct plat_stat *st)
{
	struct stat sb;
	int fd = beneath(path, O_PATH | O_NOFOLLOW, 0);

	if (fd < 0)
		return fd;
	if (fstat(fd, &sb) < 0) {
		close(fd);
		return -errno;
	}
	close(fd);
	st->type = S_ISREG(sb.st_mode) ? PLAT_FT_FILE : S_ISDIR(sb.st_mode) ? PLAT_FT_DIR :
		   S_ISLNK(sb.st_mode) ? PLAT_FT_LINK : PLAT_FT_OTHER;
	st->mode = sb.st_mode & 07777;
	st->size = (uint64_t)sb.st_size;
	st->mtime_ns = (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec;
	return 0;
}

static int at_parent(const char *path, int (*op)(int dirfd, const char *leaf, int arg), int arg)
{
	char buf[4096];
	const char *leaf;
	int dfd, r;

	if (root_ro)
		return -PLAT_EROFS;
	dfd = beneath_parent(path, buf, sizeof buf, &leaf);
	if (dfd < 0)
		return dfd;
	r = op(dfd, leaf, arg);
	close(dfd);
	return r;
}

static int do_unlink(int dfd, const char *leaf, int flags)
{
	return unlinkat(dfd, leaf, flags) < 0 ? -errno : 0;
}

static int do_mkdir(int dfd, const char *leaf, int mode)
{
	return mkdirat(dfd, leaf, (mode_t)mode) < 0 ? -errno : 0;
}

int plat_unlink(const char *path)
{
	return at_parent(path, do_unlink, 0);
}

int plat_rmdir(const char *path)
{
	return at_parent(path, do_unlink, AT_REMOVEDIR);
}

int plat_mkdir(const char *path)
{
	return at_parent(path, do_mkdir, 0755);
}

int plat_rename(const char *from, const char *to)
{
	char b1[4096], b2[4096];
	const char *l1, *l2;
	int d1, d2, r;

	if (root_ro)
		return -PLAT_EROFS;
	d1 = beneath_parent(from, b1, sizeof b1, &l1);
	if (d1 < 0)
		return d1;
	d2 = beneath_parent(to, b2, sizeof b2, &l2);
	if (d2 < 0) {
		close(d1);
		return d2;
	}
	r = renameat(d1, l1, d2, l2) < 0 ? -errno : 0;
	close(d1);
	close(d2);
	return r;
}

int plat_opendir(const char *path)
{
	int fd = beneath(path, O_RDONLY | O_DIRECTORY, 0);
	DIR *d;

	if (fd < 0)
		return fd;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return -errno;
	}
	return new_handle(fd, d);
}

int plat_readdir(int h, char *buf, size_t cap)
{
	struct dirent *e;

	if (h < 4 || h >= MAX_HANDLES || !handles[h].dir)
		return -PLAT_EBADF;
	do {
		errno = 0;
		e = readdir(handles[h].dir);
		if (!e)
			return errno ? -errno : 0;
	} while (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."));
	if (strlen(e->d_name) >= cap)
		return -PLAT_ENAMETOOLONG;
	strcpy(buf, e->d_name);
	return (int)strlen(buf);
}

static int tcp_open(const char *host, int port, int listening)
{
	struct addrinfo hints, *res, *ai;
	char service[16];
	int fd = -1, err = -PLAT_EHOSTUNREACH, one = 1;

	memset(&hints, 0, sizeof hints);
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = listening ? AI_PASSIVE : 0;
	snprintf(service, sizeof service, "%d", port);
	if (getaddrinfo(host, service, &hints, &res) != 0)
		return -PLAT_EHOSTUNREACH;
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0)
			continue;
		if (listening) {
			setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
			if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, 16) == 0)
				break;
		} else if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
			break;
		}
		err = -errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	return fd < 0 ? err : new_handle(fd, NULL);
}

int plat_tcp_connect(const char *host, int port)
{
	return tcp_open(host, port, 0);
}

int plat_tcp_listen(const char *host, int port)
{
	return tcp_open(host, port, 1);
}

int plat_tcp_accept(int listener)
{
	int fd = handle_fd(listener);
	int c;

	if (fd < 0)
		return -PLAT_EBADF;
	c = accept4(fd, NULL, NULL, SOCK_CLOEXEC);
	return c < 0 ? -errno : new_handle(c, NULL);
}
