/* pvclock.c - TSC to Xen system time, and the monotonic clock over it. */
#include "pvclock.h"

uint64_t pvclock_scale(uint64_t cycles, const struct pvclock_snapshot *s)
{
	if (s->shift >= 0)
		cycles <<= s->shift;
	else
		cycles >>= -s->shift;
	return (uint64_t)(((unsigned __int128)cycles * s->mul) >> 32);
}

uint64_t pvclock_ns(const struct pvclock_snapshot *s, uint64_t tsc)
{
	int64_t d = (int64_t)(tsc - s->tsc_timestamp);
	if (d >= 0)
		return s->system_time + pvclock_scale((uint64_t)d, s);
	uint64_t back = pvclock_scale(0 - (uint64_t)d, s);
	return back < s->system_time ? s->system_time - back : 0;
}

uint64_t pvclock_mono_step(struct pvclock_mono *m, uint32_t version, uint64_t raw)
{
	uint64_t t = raw + m->offset;
	if (t < m->last) {
		if (version != m->version && m->last - t > PVCLOCK_REBASE_NS)
			m->offset += m->last - t;
		t = m->last;
	}
	m->last = t;
	m->version = version;
	return t;
}
