/*
 * clock.h - time from Xen's per-vCPU time info (pvclock) and wall clock.
 * clock_init() needs the shared info page.  All values are nanoseconds;
 * clock_now() is Xen system time (the clock SCHEDOP_poll deadlines use);
 * clock_monotonic() is what programs see: it never goes back, even when
 * Xen's system time does (see pvclock.h).
 */
#ifndef PXEN_KERNEL_CLOCK_H
#define PXEN_KERNEL_CLOCK_H

#include <stdint.h>

void clock_init(void);
uint64_t clock_now(void);
uint64_t clock_monotonic(void);
int64_t clock_wall(void);
/* Nanoseconds from the first instruction of the kernel to now. */
uint64_t clock_since_entry(void);

#endif
