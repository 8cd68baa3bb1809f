/*
 * hypercall.h - calling Xen from the PVH guest.
 *
 * hcall_init() finds Xen's CPUID leaves and asks Xen to fill the hypercall
 * page (which must happen in long mode: Xen latches the 64-bit shared-info
 * layout then).  The wrappers take the ABI's (cmd, pointer) arguments and
 * return Xen's result: >= 0 on success, -XEN_Exxx on failure.
 */
#ifndef PXEN_KERNEL_HYPERCALL_H
#define PXEN_KERNEL_HYPERCALL_H

#include "xenhdr.h"

extern char hypercall_page[4096];

static inline long hcall(unsigned nr, unsigned long a1, unsigned long a2,
			 unsigned long a3)
{
	long ret;
	register unsigned long r10 __asm__("r10") = 0;
	register unsigned long r8 __asm__("r8") = 0;
	__asm__ volatile("call *%[fn]"
			 : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3),
			   "+r"(r10), "+r"(r8)
			 : [fn] "r"(hypercall_page + nr * 32)
			 : "memory", "rcx", "r9", "r11");
	return ret;
}

/* Returns the domain id Xen reports through CPUID, or -1. */
int hcall_init(void);

static inline long hyp_memory_op(unsigned cmd, void *arg)
{
	return hcall(__HYPERVISOR_memory_op, cmd, (unsigned long)arg, 0);
}
static inline long hyp_sched_op(int cmd, void *arg)
{
	return hcall(__HYPERVISOR_sched_op, (unsigned long)cmd, (unsigned long)arg, 0);
}
static inline long hyp_evtchn_op(int cmd, void *arg)
{
	return hcall(__HYPERVISOR_event_channel_op, (unsigned long)cmd, (unsigned long)arg, 0);
}
static inline long hyp_grant_op(unsigned cmd, void *arg, unsigned count)
{
	return hcall(__HYPERVISOR_grant_table_op, cmd, (unsigned long)arg, count);
}
static inline long hyp_hvm_op(unsigned op, void *arg)
{
	return hcall(__HYPERVISOR_hvm_op, op, (unsigned long)arg, 0);
}

/* Reads an HVM parameter of this domain into *value. */
long hyp_get_param(unsigned index, uint64_t *value);

/* Stops the domain: SHUTDOWN_poweroff or SHUTDOWN_crash. */
_Noreturn void hyp_shutdown(unsigned reason);

#endif
