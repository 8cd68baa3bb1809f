/* gnttab.c - maps the grant table frame and hands out grants, never
 * revoked (see gnttab.h). */
#include "gnttab.h"
#include "hypercall.h"

static grant_entry_v1_t table[512] __attribute__((aligned(4096)));
static int next_free = GNTTAB_NR_RESERVED_ENTRIES;

int gnttab_init(void)
{
	struct xen_add_to_physmap xatp = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_grant_table,
		.idx = 0,
		.gpfn = (uintptr_t)table >> 12,
	};
	long rc = hyp_memory_op(XENMEM_add_to_physmap, &xatp);
	return rc < 0 ? (int)rc : 0;
}

int gnttab_grant(void *page, domid_t to)
{
	if (next_free >= 512)
		return -1;
	int ref = next_free++;
	table[ref].domid = to;
	table[ref].frame = (uint32_t)((uintptr_t)page >> 12);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	__atomic_store_n(&table[ref].flags, GTF_permit_access, __ATOMIC_RELEASE);
	return ref;
}

int gnttab_resume(void)
{
	next_free = GNTTAB_NR_RESERVED_ENTRIES;
	return gnttab_init();
}
