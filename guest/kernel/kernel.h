/*
 * kernel.h - what the bare kernel hands to the program it runs.
 *
 * kmain (kmain.c) brings up the machine (traps, hypercalls, console,
 * clock, memory, grant table, xenstore) and the vchan server at
 * KERNEL_VCHAN_PATH, then calls kernel_run(), which the image's main file
 * defines: the interpreter (guest_main.c) or the vchan echo test
 * (echo_main.c).  kernel_run must not return normally: it ends with
 * kernel_exit().
 */
#ifndef PXEN_KERNEL_KERNEL_H
#define PXEN_KERNEL_KERNEL_H

#include <stddef.h>
#include <stdint.h>
#include "cmdline.h"

#define KERNEL_VCHAN_PATH "data/pxen"

struct kernel_boot {
	struct boot_args args;
	const char *module;	/* module 0: the program text, or NULL */
	size_t module_len;
	int domid;
	uint64_t ready_ns;	/* entry -> kernel_run, ns */
};

extern struct kernel_boot kernel_boot;

void kernel_run(const struct kernel_boot *kb);
/* Closes the vchan and powers off with `status` recorded in xenstore
 * (data/exit-status) for tools that missed the protocol's EXIT. */
_Noreturn void kernel_exit(int status);

#endif
