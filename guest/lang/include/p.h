/*
 * p.h - the embedding API of the P interpreter: what a platform's main calls.
 *
 * The platform has already set up what platform.h promises (streams, argv,
 * heap pages).  p_main runs one job and returns the exit status the program
 * asked for ((exit n)), 0 after a normal end, 70 after an uncaught error
 * outside the REPL (130 after an interrupt).
 *
 * A program whose first form is an import declaration sees only what it
 * imports; a program without imports sees every built-in binding, like the
 * REPL and -e.  Libraries (define-library) are looked up as NAME/PARTS.sld
 * in the program's directory, ".", "lib/" and $P_LIBRARY_PATH (colon
 * separated), all beneath the export root.
 */
#ifndef PXEN_P_H
#define PXEN_P_H

#include <stddef.h>

struct p_run {
	const char *expr;	/* -e EXPR: evaluate, print the value(s) */
	const char *file;	/* run this program (plat_argv(0) names it)... */
	const char *source;	/* ...whose text the platform read for us */
	size_t source_len;
	int repl;		/* interactive REPL on PLAT_STDIN/PLAT_STDOUT */
	int disassemble;	/* with file: list the byte code of each
				   top-level form instead of running it */
	size_t heap_bytes;	/* 0: default (plat_heap_limit()) */
	int gc_stress;		/* collect at every allocating safe point */
	int gc_stats;		/* print collector statistics at exit */
};

int p_main(const struct p_run *run);

#endif
