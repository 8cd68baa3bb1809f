/* kmain.c - bring-up order of the bare kernel and its exit path. */
#include "clock.h"
#include "console.h"
#include "control.h"
#include "evtchn.h"
#include "gnttab.h"
#include "hypercall.h"
#include "kernel.h"
#include <string.h>
#include "mem.h"
#include "trap.h"
#include "vchan.h"
#include "xenstore.h"

struct kernel_boot kernel_boot;
static char cmdline_copy[8192];

void kmain(const struct hvm_start_info *si);

/* Without Xen there is no console ring: say so on the debug port and the
 * first serial port (QEMU can boot a PVH kernel by itself), then stop. */
static _Noreturn void not_on_xen(void)
{
	static const char msg[] = "p-guest: not running on Xen; nothing to do\r\n";
	for (const char *c = msg; *c; c++) {
		__asm__ volatile("outb %0, %1" : : "a"(*c), "Nd"((uint16_t)0xe9));
		__asm__ volatile("outb %0, %1" : : "a"(*c), "Nd"((uint16_t)0x3f8));
	}
	for (;;)
		__asm__ volatile("cli; hlt");
}

void kmain(const struct hvm_start_info *si)
{
	trap_init();
	int domid = hcall_init();
	if (domid == -2)
		not_on_xen();
	if (evtchn_init() < 0)
		hyp_shutdown(SHUTDOWN_crash);
	clock_init();
	console_init();
	if (si->magic != XEN_HVM_START_MAGIC_VALUE)
		kpanic("not started through the PVH entry (bad start info magic)");
	uint64_t t_console = clock_since_entry();

	struct kernel_boot *kb = &kernel_boot;
	kb->domid = domid;
	if (si->cmdline_paddr) {
		const char *c = (const char *)(uintptr_t)si->cmdline_paddr;
		if (strlen(c) >= sizeof cmdline_copy)
			kpanic("command line longer than %u bytes", (unsigned)sizeof cmdline_copy - 1);
		pc_snprintf(cmdline_copy, sizeof cmdline_copy, "%s", c);
	}
	const char *why;
	if (cmdline_parse(cmdline_copy, &kb->args, &why) < 0)
		kpanic("%s", why);
	if (si->nr_modules && si->modlist_paddr) {
		const struct hvm_modlist_entry *mod = (const void *)(uintptr_t)si->modlist_paddr;
		kb->module = (const char *)(uintptr_t)mod[0].paddr;
		kb->module_len = mod[0].size;
	}
	mem_init(si);
	if (gnttab_init() < 0)
		kpanic("cannot map the grant table");
	if (xs_init() < 0)
		kpanic("no xenstore ring");
	if (kb->domid < 0) {
		/* Xen did not say through CPUID; the toolstack writes it here. */
		char v[16];
		if (xs_read("domid", v, sizeof v) <= 0)
			kpanic("cannot learn this domain's id");
		kb->domid = 0;
		for (const char *c = v; *c >= '0' && *c <= '9'; c++)
			kb->domid = kb->domid * 10 + (*c - '0');
	}
	uint64_t t_store = clock_since_entry();
	int rc = vchan_listen(KERNEL_VCHAN_PATH);
	if (rc < 0)
		kpanic("cannot publish the vchan (error %d)", rc);
	kb->ready_ns = clock_since_entry();
	kprintf("p-guest: domain %d up, %lu MiB free, vchan at %s\n", kb->domid,
		(unsigned long)(mem_total_bytes() >> 20), KERNEL_VCHAN_PATH);
	if (kb->args.bootstats)
		kprintf("p-guest: bootstats: console %lu us, xenstore %lu us, vchan published %lu us\n",
			(unsigned long)(t_console / 1000), (unsigned long)(t_store / 1000),
			(unsigned long)(kb->ready_ns / 1000));
	if (kb->args.crashtest) {
		kprintf("p-guest: crashtest: faulting on purpose\n");
		*(volatile int *)(uintptr_t)0x4000000000ull = 1;
	}
	kernel_run(kb);
	kernel_exit(0);
}

_Noreturn void kernel_exit(int status)
{
	char v[16];
	if (mem_returned_bytes())
		kprintf("p-guest: memory: %lu MiB returned to Xen during the run\n",
			(unsigned long)(mem_returned_bytes() >> 20));
	pc_snprintf(v, sizeof v, "%d", status);
	xs_write("data/exit-status", v);
	vchan_close();
	hyp_shutdown(control_exit_reason());
}
