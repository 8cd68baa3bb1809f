/* footprint.c - the heap footprint in xenstore (see footprint.h). */
#include "footprint.h"
#include "clock.h"
#include "console.h"
#include "mem.h"
#include "xenstore.h"

#define MIN_STEP (1ull << 20)
#define MIN_INTERVAL_NS 1000000000ull

static size_t now_bytes, peak_bytes, published;
static int ever_published;
static uint64_t published_at;

void footprint_add(long long delta)
{
	if (delta < 0 && (size_t)-delta > now_bytes)
		now_bytes = 0;
	else
		now_bytes += (size_t)delta;
	if (now_bytes > peak_bytes)
		peak_bytes = now_bytes;
}

static size_t step(void)
{
	size_t s = mem_total_bytes() / 16;
	return s > MIN_STEP ? s : MIN_STEP;
}

void footprint_publish(int force)
{
	size_t moved = now_bytes > published ? now_bytes - published : published - now_bytes;
	if (!force && ever_published && moved < step())
		return;
	uint64_t t = clock_now();
	if (!force && ever_published && t - published_at < MIN_INTERVAL_NS)
		return;
	char now_v[24], peak_v[24];
	pc_snprintf(now_v, sizeof now_v, "%lu", (unsigned long)now_bytes);
	pc_snprintf(peak_v, sizeof peak_v, "%lu", (unsigned long)peak_bytes);
	const char *const keys[] = { "data/pxen/heap-bytes", "data/pxen/heap-peak-bytes" };
	const char *const vals[] = { now_v, peak_v };
	/* A failed write is retried at the next step: dom0 merely sees an
	 * older figure meanwhile. */
	if (xs_write_all(keys, vals, 2) < 0)
		return;
	published = now_bytes;
	published_at = t;
	ever_published = 1;
}

size_t footprint_bytes(void)
{
	return now_bytes;
}

size_t footprint_peak(void)
{
	return peak_bytes;
}
