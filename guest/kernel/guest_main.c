/*
 * guest_main.c - kernel_run of p-guest: connects the protocol client to
 * p-dom0d over the vchan, runs the P program (module 0) or the REPL, and
 * reports the exit status before powering off.
 */
#include "client.h"
#include "clock.h"
#include "console.h"
#include "control.h"
#include "footprint.h"
#include "kernel.h"
#include "mem.h"
#include "p.h"
#include "plat_kernel.h"
#include "platform.h"
#include "xenstore.h"

/* Output nobody in dom0 receives (no launcher) shows on the console. */
static void to_console(const void *buf, size_t n)
{
	console_write(buf, n);
}

void kernel_run(const struct kernel_boot *kb)
{
	const struct boot_args *a = &kb->args;
	plat_kernel_init(kb);
	if (!a->repl && !a->expr && !kb->module) {
		kprintf("p-guest: no program: give its text as module 0 (xl ramdisk=) "
			"or start with the repl option\n");
		kernel_exit(64);
	}
	uint32_t want = CLIENT_WANT_FILES | CLIENT_WANT_NET | (a->repl ? CLIENT_WANT_REPL : 0);
	const char *name = a->argc ? a->argv[0] : "repl";
	client_mirror_stdio(to_console);
	int rc = client_start((uint32_t)kb->domid, name, want);
	if (rc < 0) {
		kprintf("p-guest: p-dom0d did not accept the guest: %s\n", plat_strerror(rc));
		kernel_exit(69);
	}
	/* After the vchan and HELLO: its xenstore traffic delays neither. */
	if (control_init() < 0)
		kprintf("p-guest: cannot watch control/shutdown: xl shutdown will not be heard\n");
	struct p_run run = {
		.expr = a->expr,
		.file = kb->module && !a->repl ? name : NULL,
		.source = kb->module,
		.source_len = kb->module_len,
		.repl = a->repl,
		.heap_bytes = a->heap,
		.gc_stress = a->gcstress,
		.gc_stats = a->gcstats,
	};
	if (a->bootstats) {
		/* Kernel entry to the interpreter's first instruction, Xen clock. */
		uint64_t us = clock_since_entry() / 1000;
		char v[24];
		pc_snprintf(v, sizeof v, "%lu", (unsigned long)us);
		kprintf("p-guest: bootstats: first P instruction at %lu us after kernel entry\n",
			(unsigned long)us);
		xs_write("data/boot-us", v);
	}
	int status = p_main(&run);
	if (a->gcstats) {
		/* The collector's figures count objects; this is what the heap
		 * took from the guest's RAM, the figure dom0 sees. */
		char line[160];
		int n = pc_snprintf(line, sizeof line,
				    "gc: heap pages peak %lu bytes, at exit %lu bytes, of %lu bytes of RAM\n",
				    (unsigned long)footprint_peak(), (unsigned long)footprint_bytes(),
				    (unsigned long)mem_total_bytes());
		plat_write(PLAT_STDERR, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
	}
	plat_exit(status);
}

_Noreturn void plat_exit(int status)
{
	/* Final figures before EXIT: dom0 may read them once the program ends. */
	footprint_publish(1);
	client_exit(status);
	kernel_exit(status);
}
