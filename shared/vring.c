/* vring.c - vchan byte-ring arithmetic (see vring.h). */
#include "vring.h"

uint32_t vring_avail(uint32_t prod, uint32_t cons, uint32_t size)
{
	uint32_t fill = prod - cons;
	return fill > size ? 0 : fill;
}

uint32_t vring_space(uint32_t prod, uint32_t cons, uint32_t size)
{
	uint32_t fill = prod - cons;
	return fill > size ? 0 : size - fill;
}

int vring_spans(uint32_t idx, uint32_t n, uint32_t size, struct vring_span out[2])
{
	if (n == 0)
		return 0;
	uint32_t off = idx & (size - 1);
	uint32_t first = size - off;
	if (n <= first) {
		out[0] = (struct vring_span){ off, n };
		return 1;
	}
	out[0] = (struct vring_span){ off, first };
	out[1] = (struct vring_span){ 0, n - first };
	return 2;
}
