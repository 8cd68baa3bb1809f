/* hypercall.c - hypercall page setup, HVM parameters and shutdown. */
#include "hypercall.h"

static inline void cpuid(uint32_t leaf, uint32_t *a, uint32_t *b, uint32_t *c, uint32_t *d)
{
	__asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(0));
}

int hcall_init(void)
{
	uint32_t base, a, b, c, d;

	for (base = 0x40000000; base < 0x40010000; base += 0x100) {
		cpuid(base, &a, &b, &c, &d);
		if (b == XEN_CPUID_SIGNATURE_EBX && c == XEN_CPUID_SIGNATURE_ECX &&
		    d == XEN_CPUID_SIGNATURE_EDX && a - base >= 2)
			break;
	}
	if (base >= 0x40010000)
		return -2;
	cpuid(base + 2, &a, &b, &c, &d);
	uint64_t page = (uint64_t)(uintptr_t)hypercall_page;
	__asm__ volatile("wrmsr" : : "c"(b), "a"((uint32_t)page), "d"((uint32_t)(page >> 32)));
	cpuid(base + 4, &a, &b, &c, &d);
	if (a & XEN_HVM_CPUID_DOMID_PRESENT)
		return (int)c;
	return -1;
}

long hyp_get_param(unsigned index, uint64_t *value)
{
	struct xen_hvm_param p = { .domid = DOMID_SELF, .index = index };
	long rc = hyp_hvm_op(HVMOP_get_param, &p);
	if (rc == 0)
		*value = p.value;
	return rc;
}

_Noreturn void hyp_shutdown(unsigned reason)
{
	struct sched_shutdown s = { .reason = reason };
	for (;;) {
		hyp_sched_op(SCHEDOP_shutdown, &s);
		hyp_sched_op(SCHEDOP_yield, NULL);
	}
}
