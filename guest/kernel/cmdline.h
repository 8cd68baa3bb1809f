/*
 * cmdline.h - the kernel command line that p-launch writes.
 *
 * Words are separated by spaces; inside a word, %XX (two hex digits)
 * stands for any byte, so arguments may hold spaces, '%' or UTF-8; the
 * word "%_" is the empty string.
 * Words before a lone "--" are options, the words after it are the
 * program's argv (argv[0] = the program's name as the user gave it):
 *   bootstats        print boot timing on the console
 *   crashtest        fault on purpose after boot (proves the crash path)
 *   repl             run an interactive REPL instead of a program
 *   expr=TEXT        evaluate TEXT and print the value(s)
 *   heap=BYTES       heap size for the interpreter (default: all RAM left)
 *   gcstress, gcstats  collector debugging switches
 *   env=NAME=VALUE   an environment variable for the program
 * The program text itself is module 0 (xl "ramdisk=").
 */
#ifndef PXEN_KERNEL_CMDLINE_H
#define PXEN_KERNEL_CMDLINE_H

#include <stddef.h>

#define CMDLINE_MAX_WORDS 256

struct boot_args {
	int bootstats, crashtest, repl, gcstress, gcstats;
	const char *expr;
	size_t heap;
	int argc, envc;
	const char *argv[CMDLINE_MAX_WORDS];
	const char *env[CMDLINE_MAX_WORDS];
};

/* Decodes text (copied into the kernel's own storage first); returns 0 or
 * -1 with *why naming the problem. */
int cmdline_parse(const char *text, struct boot_args *out, const char **why);

#endif
