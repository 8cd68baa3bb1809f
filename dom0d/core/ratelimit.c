/*
 * ratelimit.c - see ratelimit.h.
 */
#include <time.h>

#include "core/ratelimit.h"

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int ratelimit_take(struct ratelimit *r, unsigned rate, unsigned burst)
{
	long now = now_ms(), full = (long)burst * 1000;

	if (!r->last_ms) {
		r->tokens_milli = full;
	} else {
		/* rate events a second is rate thousandths a millisecond. */
		r->tokens_milli += (now - r->last_ms) * (long)rate;
		if (r->tokens_milli > full)
			r->tokens_milli = full;
	}
	r->last_ms = now;
	if (r->tokens_milli < 1000) {
		r->dropped++;
		return 0;
	}
	r->tokens_milli -= 1000;
	return 1;
}
