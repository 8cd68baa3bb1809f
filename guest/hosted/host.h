/*
 * host.h - the hosted platform's own set-up, called by `p`'s main and by unit
 * tests before anything in platform.h is used.
 *
 * The hosted `p` is a guest like the bare one: its files, sockets and
 * terminal go through the pxen client to a p-dom0d, either its own (started
 * on a socketpair with the policy below) or a running one (connect_path).
 */
#ifndef PXEN_HOST_H
#define PXEN_HOST_H

#include <stddef.h>

#define HOST_MAX_NET 16

struct host_config {
	const char *fs_root;	/* export root, or NULL: no file is reachable */
	int read_only;
	const char *net[HOST_MAX_NET];	/* p-dom0d --net rules */
	int nnet;
	const char *connect_path;	/* a running p-dom0d's --listen socket */
	const char *repl_socket;	/* detached: terminal on this REPL socket */
	size_t heap_limit;	/* bytes the heap may take in total */
	int argc;		/* the program's argv: argv[0] is its name */
	char **argv;
	int catch_sigint;	/* Ctrl-C requests an interrupt instead of killing */
};

/* Returns 0, or -errno when the configuration cannot be honoured. */
int host_setup(const struct host_config *cfg);

/* Parses a size such as 256M, 1G, 65536; 0 on a malformed size. */
size_t host_parse_size(const char *s);

/* Starts p-dom0d for cfg; returns our end of the socketpair or -errno. */
int host_spawn_dom0d(const struct host_config *cfg);
/* Makes fd the transport's socket (transport_sock.c); pass_stdio: send
 * our stdin, stdout and stderr along with the first bytes.  With a path
 * (--connect), a p-dom0d that goes away is waited for there. */
void host_transport_init(int fd, int pass_stdio, const char *path);

#endif
