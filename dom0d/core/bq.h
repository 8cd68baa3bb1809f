/*
 * bq.h - a byte queue: appended at the tail, consumed from the head.  Holds
 * a guest's frames waiting for its transport and a stream's bytes waiting
 * for its fd.
 */
#ifndef PXEN_DOM0D_BQ_H
#define PXEN_DOM0D_BQ_H

#include <stddef.h>
#include <stdint.h>

struct bq {
	uint8_t *buf;
	size_t off, len, cap;
};

/* 0, or -1 when memory runs out (q unchanged). */
int bq_append(struct bq *q, const void *p, size_t n);
void bq_consume(struct bq *q, size_t n);
void bq_free(struct bq *q);

#endif
