/*
 * spawn.c - finds and starts the p's own p-dom0d on one end of a
 * socketpair (or connects to a running one), passing the export and
 * network policy as options.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "host.h"

/* $P_DOM0D, then p-dom0d next to this p, then at the top of the build
 * tree (for test programs in its subfolders), then where it is installed. */
static int find_dom0d(char *out, size_t cap)
{
	char self[PATH_MAX - 16];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	const char *env = getenv("P_DOM0D");

	if (env && access(env, X_OK) == 0) {
		snprintf(out, cap, "%s", env);
		return 0;
	}
	if (n > 0) {
		char *slash;
		self[n] = 0;
		slash = strrchr(self, '/');
		if (slash) {
			*slash = 0;
			if ((size_t)snprintf(out, cap, "%s/p-dom0d", self) < cap && access(out, X_OK) == 0)
				return 0;
		}
	}
	snprintf(out, cap, "%s/p-dom0d", PXEN_BUILDDIR);
	if (access(out, X_OK) == 0)
		return 0;
	snprintf(out, cap, "%s/p-dom0d", PXEN_SBINDIR);
	return access(out, X_OK) == 0 ? 0 : -ENOENT;
}

int host_spawn_dom0d(const struct host_config *cfg)
{
	char path[PATH_MAX], fdarg[16];
	const char *args[16 + 2 * HOST_MAX_NET];
	int sv[2], n = 0, i;
	pid_t pid;

	if (find_dom0d(path, sizeof path) < 0)
		return -ENOENT;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -errno;
	snprintf(fdarg, sizeof fdarg, "%d", sv[1]);
	args[n++] = "p-dom0d";
	args[n++] = "--guest-fd";
	args[n++] = fdarg;
	if (cfg->fs_root) {
		args[n++] = "--fs";
		args[n++] = cfg->fs_root;
	}
	if (cfg->read_only)
		args[n++] = "--ro";
	if (cfg->repl_socket) {
		args[n++] = "--repl-socket";
		args[n++] = cfg->repl_socket;
	}
	for (i = 0; i < cfg->nnet; i++) {
		args[n++] = "--net";
		args[n++] = cfg->net[i];
	}
	args[n] = NULL;
	pid = fork();
	if (pid < 0) {
		int e = errno;
		close(sv[0]);
		close(sv[1]);
		return -e;
	}
	if (pid == 0) {
		/* Ctrl-C is the program's (an interrupt), not dom0's.  The daemon
		 * stays in our process group so it may read the terminal. */
		signal(SIGINT, SIG_IGN);
		fcntl(sv[1], F_SETFD, 0);
		execv(path, (char *const *)(uintptr_t)args);
		fprintf(stderr, "p: cannot run %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	close(sv[1]);
	return sv[0];
}
