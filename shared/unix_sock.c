/*
 * unix_sock.c - listening and connecting unix stream sockets by path.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "unix_sock.h"

/* Fills sa with path; -ENAMETOOLONG when it does not fit. */
static int unix_addr(struct sockaddr_un *sa, const char *path)
{
	if (strlen(path) >= sizeof sa->sun_path)
		return -ENAMETOOLONG;
	strcpy(sa->sun_path, path);
	return 0;
}

int unix_listen(const char *path, int backlog, uid_t owner)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	mode_t old;
	int fd, err;

	if ((err = unix_addr(&sa, path)) < 0)
		return err;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	unlink(path);
	/* The umask makes the socket owner-only from its first moment, with no
	 * window in which another user could connect. */
	old = umask(0177);
	err = bind(fd, (struct sockaddr *)&sa, sizeof sa);
	umask(old);
	if (err < 0 ||
	    (owner != (uid_t)-1 && owner != geteuid() && chown(path, owner, (gid_t)-1) < 0) ||
	    listen(fd, backlog) < 0) {
		err = -errno;
		close(fd);
		unlink(path);
		return err;
	}
	return fd;
}

int unix_connect(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd, err;

	if ((err = unix_addr(&sa, path)) < 0)
		return err;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		err = -errno;
		close(fd);
		return err;
	}
	return fd;
}
