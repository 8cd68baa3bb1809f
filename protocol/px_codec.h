/*
 * px_codec.h - bounds-checked encoding and decoding of message bodies by a
 * schema string, shared by the pxen messages and 9P2000.L.
 *
 * Schema letters, each one field:
 *   b u8   w u16   d u32   q u64
 *   s string: u16 length + bytes (field: p, len)
 *   Q 9P qid, 13 bytes (p, len = 13)     A address, 19 bytes (p, len = 19)
 *   D u32 count + that many bytes (p, len)
 *   R the rest of the body, raw (p, len)
 *   S u16 n, then n strings   U u16 n, then n qids   Z u16 n, then n addresses
 *     (n = count; p, len = the elements' encoded bytes)
 * Decoding checks every length, never reads past the body, and fails when
 * bytes are left over.  Numbers are little-endian.
 */
#ifndef PXEN_PX_CODEC_H
#define PXEN_PX_CODEC_H

#include <stddef.h>
#include <stdint.h>

#define PX_MAX_FIELDS 24

struct px_field {
	uint64_t n;
	const uint8_t *p;
	uint32_t len;
};

/* Returns the number of fields decoded, or -1 when the body does not match
 * fmt exactly. */
int px_decode(const uint8_t *body, size_t len, const char *fmt, struct px_field *f);

/* Returns the encoded length, or -1 when it would not fit in cap or a field
 * is out of range for its letter. */
long px_encode(uint8_t *buf, size_t cap, const char *fmt, const struct px_field *f);

/* Walks the elements of an S, U or Z field: *pos starts at 0; returns the
 * next element's bytes (a string's without its length) or NULL at the end. */
const uint8_t *px_next(const struct px_field *arr, char letter, uint32_t *pos, uint32_t *len);

static inline void px_put16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
}

static inline void px_put32(uint8_t *b, uint32_t v)
{
	px_put16(b, (uint16_t)v);
	px_put16(b + 2, (uint16_t)(v >> 16));
}

static inline void px_put64(uint8_t *b, uint64_t v)
{
	px_put32(b, (uint32_t)v);
	px_put32(b + 4, (uint32_t)(v >> 32));
}

static inline uint16_t px_get16(const uint8_t *b)
{
	return (uint16_t)(b[0] | b[1] << 8);
}

static inline uint32_t px_get32(const uint8_t *b)
{
	return px_get16(b) | (uint32_t)px_get16(b + 2) << 16;
}

static inline uint64_t px_get64(const uint8_t *b)
{
	return px_get32(b) | (uint64_t)px_get32(b + 4) << 32;
}

#endif
