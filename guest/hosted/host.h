/*
 * host.h - the hosted platform's own set-up, called by `p`'s main and by unit
 * tests before anything in platform.h is used.
 */
#ifndef PXEN_HOST_H
#define PXEN_HOST_H

#include <stddef.h>

struct host_config {
	const char *fs_root;	/* export root, or NULL: no file is reachable */
	int read_only;
	size_t heap_limit;	/* bytes the heap may take in total */
	int argc;		/* the program's argv: argv[0] is its name */
	char **argv;
	int catch_sigint;	/* Ctrl-C requests an interrupt instead of killing */
};

/* Returns 0, or -errno when the configuration cannot be honoured. */
int host_setup(const struct host_config *cfg);

/* Parses a size such as 256M, 1G, 65536; 0 on a malformed size. */
size_t host_parse_size(const char *s);

/* The file half's own set-up, called by host_setup. */
int host_fs_setup(const char *root, int read_only);

#endif
