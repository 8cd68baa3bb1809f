/* clock.c - pvclock reading (seqlock on version) and wall-clock offset. */
#include "clock.h"
#include "evtchn.h"

extern uint64_t boot_tsc;
static int64_t wall_offset;

static inline uint64_t rdtsc_ordered(void)
{
	uint32_t lo, hi;
	/* RDTSCP is avoided on purpose: QEMU's TCG cannot run it under Xen. */
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

struct snapshot {
	uint64_t tsc_timestamp, system_time;
	uint32_t mul;
	int8_t shift;
};

static struct snapshot read_snapshot(void)
{
	volatile struct vcpu_time_info *t = &evtchn_shared->vcpu_info[0].time;
	struct snapshot s;
	uint32_t v;
	do {
		v = t->version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		s.tsc_timestamp = t->tsc_timestamp;
		s.system_time = t->system_time;
		s.mul = t->tsc_to_system_mul;
		s.shift = t->tsc_shift;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((v & 1) || v != t->version);
	return s;
}

static uint64_t scale(uint64_t delta, const struct snapshot *s)
{
	if (s->shift >= 0)
		delta <<= s->shift;
	else
		delta >>= -s->shift;
	return (uint64_t)(((unsigned __int128)delta * s->mul) >> 32);
}

uint64_t clock_now(void)
{
	struct snapshot s = read_snapshot();
	uint64_t tsc = rdtsc_ordered();
	if (tsc < s.tsc_timestamp)
		return s.system_time - scale(s.tsc_timestamp - tsc, &s);
	return s.system_time + scale(tsc - s.tsc_timestamp, &s);
}

uint64_t clock_since_entry(void)
{
	struct snapshot s = read_snapshot();
	return scale(rdtsc_ordered() - boot_tsc, &s);
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
