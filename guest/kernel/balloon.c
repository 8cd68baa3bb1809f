/* balloon.c - XENMEM_decrease_reservation / populate_physmap in batches. */
#include "balloon.h"
#include "hypercall.h"

#define BATCH 512	/* frames per hypercall: 2 MiB of 4 KiB extents */

static xen_pfn_t frames[BATCH];

static uint64_t batch_op(unsigned cmd, uint64_t lo, uint64_t hi)
{
	uint64_t done = 0;
	while (lo + done < hi) {
		unsigned n = 0;
		for (; n < BATCH && lo + done + (uint64_t)n * 4096 < hi; n++)
			frames[n] = (lo + done) / 4096 + n;
		struct xen_memory_reservation r = {
			.nr_extents = n,
			.extent_order = 0,
			.domid = DOMID_SELF,
		};
		set_xen_guest_handle(r.extent_start, frames);
		long got = hyp_memory_op(cmd, &r);
		if (got > 0)
			done += (uint64_t)got * 4096;
		if (got != (long)n)
			break;
	}
	return done;
}

uint64_t balloon_release(uint64_t lo, uint64_t hi)
{
	return batch_op(XENMEM_decrease_reservation, lo, hi);
}

uint64_t balloon_populate(uint64_t lo, uint64_t hi)
{
	return batch_op(XENMEM_populate_physmap, lo, hi);
}
