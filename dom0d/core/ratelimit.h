/*
 * ratelimit.h - a token bucket: up to `burst` events at once, then `rate`
 * a second; what it refuses is counted so the caller can say how much it
 * dropped.  Keeps one guest from flooding what all guests share.
 */
#ifndef PXEN_DOM0D_RATELIMIT_H
#define PXEN_DOM0D_RATELIMIT_H

struct ratelimit {
	long tokens_milli;	/* thousandths of an event; starts full */
	long last_ms;		/* 0: never used */
	unsigned long dropped;	/* refused since the caller last reset it */
};

/* 1 if one more event may happen now, else 0 (and dropped grows). */
int ratelimit_take(struct ratelimit *r, unsigned rate, unsigned burst);

#endif
