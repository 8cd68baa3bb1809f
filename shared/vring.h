/*
 * vring.h - byte-ring arithmetic of a vchan ring: free-running u32
 * producer/consumer indices over a power-of-two buffer.  Pure functions,
 * no memory access to the ring itself: callers copy through the spans.
 * A fill above the ring size can only come from a corrupt peer and is
 * treated as an empty (for reading) and full (for writing) ring, as
 * libxenvchan does.
 */
#ifndef PXEN_SHARED_VRING_H
#define PXEN_SHARED_VRING_H

#include <stddef.h>
#include <stdint.h>

/* Bytes ready to read. */
uint32_t vring_avail(uint32_t prod, uint32_t cons, uint32_t size);
/* Bytes that may be written. */
uint32_t vring_space(uint32_t prod, uint32_t cons, uint32_t size);

/* Up to two contiguous pieces of the buffer, in stream order. */
struct vring_span {
	uint32_t off, len;
};
/* Splits n bytes starting at stream index idx into spans; returns the
 * number of spans used (0, 1 or 2). n must not exceed size. */
int vring_spans(uint32_t idx, uint32_t n, uint32_t size, struct vring_span out[2]);

#endif
