/*
 * bq.c - byte queues for data waiting on a slow consumer.
 */
#include <stdlib.h>
#include <string.h>

#include "core/bq.h"

int bq_append(struct bq *q, const void *p, size_t n)
{
	if (q->off && q->off + q->len + n > q->cap) {
		memmove(q->buf, q->buf + q->off, q->len);
		q->off = 0;
	}
	if (q->len + n > q->cap) {
		size_t cap = q->cap ? q->cap : 4096;
		uint8_t *nb;
		while (cap < q->len + n)
			cap *= 2;
		nb = realloc(q->buf, cap);
		if (!nb)
			return -1;
		q->buf = nb;
		q->cap = cap;
	}
	memcpy(q->buf + q->off + q->len, p, n);
	q->len += n;
	return 0;
}

void bq_consume(struct bq *q, size_t n)
{
	q->off += n;
	q->len -= n;
	if (!q->len) {
		q->off = 0;
		/* Give memory back after a burst instead of keeping the peak. */
		if (q->cap > 65536) {
			free(q->buf);
			q->buf = NULL;
			q->cap = 0;
		}
	}
}

void bq_free(struct bq *q)
{
	free(q->buf);
	q->buf = NULL;
	q->off = q->len = q->cap = 0;
}
