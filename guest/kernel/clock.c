/* clock.c - pvclock reading (seqlock on version) and wall-clock offset. */
#include "clock.h"
#include "evtchn.h"
#include "pvclock.h"

extern uint64_t boot_tsc;
static int64_t wall_offset;
static struct pvclock_mono mono;

static inline uint64_t rdtsc_ordered(void)
{
	uint32_t lo, hi;
	/* RDTSCP is avoided on purpose: QEMU's TCG cannot run it under Xen. */
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

/* The time info and a TSC reading it applies to: the TSC is read inside
 * the seqlock, so an update by Xen between the two makes it retry. */
static struct pvclock_snapshot read_snapshot(uint64_t *tsc)
{
	volatile struct vcpu_time_info *t = &evtchn_shared->vcpu_info[0].time;
	struct pvclock_snapshot s;
	do {
		s.version = t->version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		s.tsc_timestamp = t->tsc_timestamp;
		s.system_time = t->system_time;
		s.mul = t->tsc_to_system_mul;
		s.shift = t->tsc_shift;
		*tsc = rdtsc_ordered();
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((s.version & 1) || s.version != t->version);
	return s;
}

uint64_t clock_now(void)
{
	uint64_t tsc;
	struct pvclock_snapshot s = read_snapshot(&tsc);
	return pvclock_ns(&s, tsc);
}

uint64_t clock_monotonic(void)
{
	uint64_t tsc;
	struct pvclock_snapshot s = read_snapshot(&tsc);
	return pvclock_mono_step(&mono, s.version, pvclock_ns(&s, tsc));
}

uint64_t clock_since_entry(void)
{
	uint64_t tsc;
	struct pvclock_snapshot s = read_snapshot(&tsc);
	int64_t d = (int64_t)(tsc - boot_tsc);
	return d > 0 ? pvclock_scale((uint64_t)d, &s) : 0;
}

void clock_init(void)
{
	volatile shared_info_t *si = evtchn_shared;
	uint32_t v, sec, nsec, hi;
	do {
		v = si->wc_version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		sec = si->wc_sec;
		nsec = si->wc_nsec;
		hi = si->wc_sec_hi;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((v & 1) || v != si->wc_version);
	wall_offset = (int64_t)((((uint64_t)hi << 32) | sec) * 1000000000ull + nsec);
}

int64_t clock_wall(void)
{
	return wall_offset + (int64_t)clock_now();
}
