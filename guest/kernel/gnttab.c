/* gnttab.c - grant table frame mapping and grant/revoke. */
#include "gnttab.h"
#include "hypercall.h"

static grant_entry_v1_t table[512] __attribute__((aligned(4096)));
static int next_free = GNTTAB_NR_RESERVED_ENTRIES;
/* Free refs are chained through this array; -1 ends the chain. */
static int16_t free_chain[512];
static int free_head = -1;

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
	int ref;
	if (free_head >= 0) {
		ref = free_head;
		free_head = free_chain[ref];
	} else if (next_free < 512) {
		ref = next_free++;
	} else {
		return -1;
	}
	table[ref].domid = to;
	table[ref].frame = (uint32_t)((uintptr_t)page >> 12);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	__atomic_store_n(&table[ref].flags, GTF_permit_access, __ATOMIC_RELEASE);
	return ref;
}

int gnttab_revoke(int ref)
{
	uint16_t flags = __atomic_load_n(&table[ref].flags, __ATOMIC_ACQUIRE);
	do {
		if (flags & (GTF_reading | GTF_writing))
			return -1;
	} while (!__atomic_compare_exchange_n(&table[ref].flags, &flags, 0, 0,
					      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	free_chain[ref] = (int16_t)free_head;
	free_head = ref;
	return 0;
}
