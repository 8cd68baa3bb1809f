/*
 * px_codec.c - the schema-driven body codec (see px_codec.h).
 */
#include "px_codec.h"
#include "px_wire.h"

#include <string.h>

/* Size of one fixed-width element of an array letter. */
static uint32_t elem_width(char letter)
{
	return letter == 'U' ? 13 : letter == 'Z' ? PX_ADDR_LEN : 0;
}

/* Bytes of an S/U/Z array of n elements starting at b (at most avail), or
 * -1 when it overruns. */
static long array_bytes(const uint8_t *b, size_t avail, char letter, uint64_t n)
{
	size_t off = 0;
	uint64_t i;

	if (letter != 'S') {
		uint64_t need = n * elem_width(letter);
		return need <= avail ? (long)need : -1;
	}
	for (i = 0; i < n; i++) {
		if (avail - off < 2)
			return -1;
		uint32_t sl = px_get16(b + off);
		if (avail - off - 2 < sl)
			return -1;
		off += 2 + sl;
	}
	return (long)off;
}

int px_decode(const uint8_t *body, size_t len, const char *fmt, struct px_field *f)
{
	size_t off = 0;
	int k;

	for (k = 0; fmt[k]; k++) {
		struct px_field *x;
		size_t left = len - off;

		if (k >= PX_MAX_FIELDS)
			return -1;
		x = &f[k];
		x->n = 0;
		x->p = NULL;
		x->len = 0;
		switch (fmt[k]) {
		case 'b':
			if (left < 1)
				return -1;
			x->n = body[off];
			off += 1;
			break;
		case 'w':
			if (left < 2)
				return -1;
			x->n = px_get16(body + off);
			off += 2;
			break;
		case 'd':
			if (left < 4)
				return -1;
			x->n = px_get32(body + off);
			off += 4;
			break;
		case 'q':
			if (left < 8)
				return -1;
			x->n = px_get64(body + off);
			off += 8;
			break;
		case 's':
			if (left < 2 || left - 2 < px_get16(body + off))
				return -1;
			x->len = px_get16(body + off);
			x->p = body + off + 2;
			off += 2 + x->len;
			break;
		case 'Q':
		case 'A':
			x->len = fmt[k] == 'Q' ? 13 : PX_ADDR_LEN;
			if (left < x->len)
				return -1;
			if (fmt[k] == 'A' && body[off] != 4 && body[off] != 6)
				return -1;
			x->p = body + off;
			off += x->len;
			break;
		case 'D':
			if (left < 4 || left - 4 < px_get32(body + off))
				return -1;
			x->len = px_get32(body + off);
			x->n = x->len;
			x->p = body + off + 4;
			off += 4 + x->len;
			break;
		case 'R':
			x->p = body + off;
			x->len = (uint32_t)left;
			x->n = left;
			off = len;
			break;
		case 'S':
		case 'U':
		case 'Z': {
			long bytes;
			uint32_t pos = 0, el;
			if (left < 2)
				return -1;
			x->n = px_get16(body + off);
			bytes = array_bytes(body + off + 2, left - 2, fmt[k], x->n);
			if (bytes < 0)
				return -1;
			x->p = body + off + 2;
			x->len = (uint32_t)bytes;
			off += 2 + (size_t)bytes;
			if (fmt[k] == 'Z')
				while (px_next(x, 'Z', &pos, &el))
					if (x->p[pos - el] != 4 && x->p[pos - el] != 6)
						return -1;
			break;
		}
		default:
			return -1;
		}
	}
	return off == len ? k : -1;
}

long px_encode(uint8_t *buf, size_t cap, const char *fmt, const struct px_field *f)
{
	size_t off = 0;
	int k;

	for (k = 0; fmt[k]; k++) {
		const struct px_field *x = &f[k];
		size_t left = cap - off;

		switch (fmt[k]) {
		case 'b':
			if (left < 1 || x->n > 0xff)
				return -1;
			buf[off++] = (uint8_t)x->n;
			break;
		case 'w':
			if (left < 2 || x->n > 0xffff)
				return -1;
			px_put16(buf + off, (uint16_t)x->n);
			off += 2;
			break;
		case 'd':
			if (left < 4 || x->n > 0xffffffffu)
				return -1;
			px_put32(buf + off, (uint32_t)x->n);
			off += 4;
			break;
		case 'q':
			if (left < 8)
				return -1;
			px_put64(buf + off, x->n);
			off += 8;
			break;
		case 's':
			if (x->len > 0xffff || left < 2 + (size_t)x->len)
				return -1;
			px_put16(buf + off, (uint16_t)x->len);
			if (x->len)
				memcpy(buf + off + 2, x->p, x->len);
			off += 2 + x->len;
			break;
		case 'Q':
		case 'A':
			if (x->len != (fmt[k] == 'Q' ? 13u : PX_ADDR_LEN) || left < x->len)
				return -1;
			memcpy(buf + off, x->p, x->len);
			off += x->len;
			break;
		case 'D':
			if (left < 4 + (size_t)x->len)
				return -1;
			px_put32(buf + off, x->len);
			if (x->len)
				memcpy(buf + off + 4, x->p, x->len);
			off += 4 + x->len;
			break;
		case 'R':
			if (left < x->len)
				return -1;
			if (x->len)
				memcpy(buf + off, x->p, x->len);
			off += x->len;
			break;
		case 'S':
		case 'U':
		case 'Z':
			if (x->n > 0xffff || left < 2 + (size_t)x->len ||
			    array_bytes(x->p, x->len, fmt[k], x->n) != (long)x->len)
				return -1;
			px_put16(buf + off, (uint16_t)x->n);
			if (x->len)
				memcpy(buf + off + 2, x->p, x->len);
			off += 2 + x->len;
			break;
		default:
			return -1;
		}
	}
	return (long)off;
}

const uint8_t *px_next(const struct px_field *arr, char letter, uint32_t *pos, uint32_t *len)
{
	const uint8_t *e;

	if (*pos >= arr->len)
		return NULL;
	if (letter == 'S') {
		if (arr->len - *pos < 2)
			return NULL;
		*len = px_get16(arr->p + *pos);
		if (arr->len - *pos - 2 < *len)
			return NULL;
		e = arr->p + *pos + 2;
		*pos += 2 + *len;
		return e;
	}
	*len = elem_width(letter);
	if (!*len || arr->len - *pos < *len)
		return NULL;
	e = arr->p + *pos;
	*pos += *len;
	return e;
}

int px_hdr_decode(const uint8_t *b, uint32_t max_frame, struct px_hdr *h)
{
	h->size = px_get32(b);
	h->type = px_get16(b + 4);
	h->chan = px_get16(b + 6);
	h->tag = px_get32(b + 8);
	return h->size < PX_HDR || h->size > max_frame ? -1 : 0;
}

void px_hdr_encode(uint8_t *b, const struct px_hdr *h)
{
	px_put32(b, h->size);
	px_put16(b + 4, h->type);
	px_put16(b + 6, h->chan);
	px_put32(b + 8, h->tag);
}

void px_addr_encode(uint8_t *b, const struct px_addr *a)
{
	b[0] = a->family;
	px_put16(b + 1, a->port);
	memcpy(b + 3, a->ip, 16);
}

int px_addr_decode(const uint8_t *b, struct px_addr *a)
{
	a->family = b[0];
	a->port = px_get16(b + 1);
	memcpy(a->ip, b + 3, 16);
	return a->family == 4 || a->family == 6 ? 0 : -1;
}
