/*
 * p-repl.c - attach the terminal to a detached P guest's REPL: p-repl NAME
 * (the socket p-dom0d made for it under /run/pxen) or p-repl --socket PATH.
 * Ctrl-C interrupts the guest; Ctrl-D detaches and leaves it running.
 */
#include <stdio.h>
#include <string.h>

#include "repl_client.h"

#define RUN_DIR "/run/pxen"

int main(int argc, char **argv)
{
	char path[256];
	const char *name = NULL;
	int r;

	if (argc == 3 && !strcmp(argv[1], "--socket")) {
		snprintf(path, sizeof path, "%s", argv[2]);
	} else if (argc == 2 && argv[1][0] != '-') {
		name = argv[1];
		if (repl_client_path(path, sizeof path, RUN_DIR, argv[1]) < 0) {
			fprintf(stderr, "p-repl: name too long\n");
			return 2;
		}
	} else {
		fprintf(stderr, "usage: p-repl NAME | p-repl --socket PATH\n"
			"attaches to a detached guest's REPL; Ctrl-C interrupts it, Ctrl-D detaches\n");
		return argc == 2 && !strcmp(argv[1], "--help") ? 0 : 2;
	}
	r = repl_client_run(path, name);
	if (r < 0) {
		fprintf(stderr, "p-repl: %s: %s\n", path, strerror(-r));
		return 1;
	}
	if (r == 1)
		fprintf(stderr, "p-repl: the guest closed the REPL\n");
	return 0;
}
