/*
 * pvclock.h - the arithmetic of Xen's per-vCPU time info, apart from the
 * hardware so that it can be tested hosted.
 *
 * pvclock_ns() turns a TSC reading into Xen system time.  The TSC may read
 * a little below the snapshot's stamp (an HVM guest's TSC starts near 0,
 * so such a reading wraps to nearly 2^64): the difference is signed.
 *
 * struct pvclock_mono is the clock programs see: it never goes back.  A
 * backward step within one time-info version is read jitter and is held
 * at the last value; a step back of more than PVCLOCK_REBASE_NS across a
 * version change means Xen's system time itself moved (the domain was
 * restored or migrated): the clock then carries on from where it was.
 */
#ifndef PXEN_KERNEL_PVCLOCK_H
#define PXEN_KERNEL_PVCLOCK_H

#include <stdint.h>

#define PVCLOCK_REBASE_NS 1000000000ull

struct pvclock_snapshot {
	uint32_t version;
	uint64_t tsc_timestamp, system_time;
	uint32_t mul;
	int8_t shift;
};

/* Cycles to nanoseconds with the snapshot's scale. */
uint64_t pvclock_scale(uint64_t cycles, const struct pvclock_snapshot *s);
uint64_t pvclock_ns(const struct pvclock_snapshot *s, uint64_t tsc);

struct pvclock_mono {
	uint64_t last, offset;
	uint32_t version;
};

/* The monotonic time for a reading `raw` made under time-info `version`. */
uint64_t pvclock_mono_step(struct pvclock_mono *m, uint32_t version, uint64_t raw);

#endif
