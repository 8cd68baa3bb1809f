/*
 * fdbudget.c - see fdbudget.h.
 */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/fdbudget.h"

int fdbudget_ceiling(void)
{
	struct rlimit rl;
	long cur = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (1u << 30) ?
		   (long)rl.rlim_cur : 1L << 30;

	return (int)(cur - FDBUDGET_RESERVE > cur / 2 ? cur - FDBUDGET_RESERVE : cur / 2);
}

int fdbudget_check(int fd, int ceiling)
{
	if (fd < ceiling)
		return fd;
	close(fd);
	return -EMFILE;
}
