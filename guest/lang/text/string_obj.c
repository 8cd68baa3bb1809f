/* string_obj.c - P strings: allocation, widening, UTF-8, the p_string_* API. */
#include <string.h>

#include "string_obj.h"
#include "unicode.h"

static val bytes_alloc(P *p, size_t nbytes)
{
	return p_alloc(p, T_BYTES, nbytes ? nbytes : 1);
}

val string_alloc(P *p, size_t len, int width)
{
	val data;

	/* len * width must not wrap around (a fixnum length can be 2^62). */
	if (len > ((size_t)P_FIX_MAX >> 2))
		p_raise_error(p, PE_HEAP, "heap exhausted: string too long", 0);
	data = bytes_alloc(p, len * (size_t)width);
	val s = p_alloc(p, T_STRING, 3 * sizeof(val));

	P_SET_SLOT(s, 0, P_FIX(len));
	P_SET_SLOT(s, 1, data);
	P_SET_SLOT(s, 2, P_FIX(width));
	return s;
}

static uint32_t char_at(val s, size_t i)
{
	return STR_WIDTH(s) == 1 ? STR_BYTES(s)[i] : STR_WIDE(s)[i];
}

size_t p_string_length(val s)
{
	return STR_LEN(s);
}

uint32_t p_string_ref(val s, size_t i)
{
	return char_at(s, i);
}

static void widen(P *p, val s)
{
	size_t n = STR_LEN(s);
	val data = bytes_alloc(p, n * 4);
	uint32_t *w = P_RAW(data);
	const uint8_t *b = STR_BYTES(s);

	for (size_t i = 0; i < n; i++)
		w[i] = b[i];
	P_SET_SLOT(s, 1, data);
	P_SET_SLOT(s, 2, P_FIX(4));
}

void p_string_set(P *p, val s, size_t i, uint32_t c)
{
	if (STR_WIDTH(s) == 1) {
		if (c < 256) {
			STR_BYTES(s)[i] = (uint8_t)c;
			return;
		}
		widen(p, s);
	}
	STR_WIDE(s)[i] = c;
}

val p_make_string(P *p, size_t len, uint32_t fill)
{
	val s = string_alloc(p, len, fill < 256 ? 1 : 4);

	if (fill < 256) {
		memset(STR_BYTES(s), (int)fill, len);
	} else {
		for (size_t i = 0; i < len; i++)
			STR_WIDE(s)[i] = fill;
	}
	return s;
}

val string_substring(P *p, val s, size_t start, size_t end)
{
	int w = STR_WIDTH(s);
	val r;

	if (w == 4) {
		uint32_t max = 0;
		for (size_t i = start; i < end; i++)
			if (STR_WIDE(s)[i] > max)
				max = STR_WIDE(s)[i];
		if (max < 256) {
			r = string_alloc(p, end - start, 1);
			for (size_t i = start; i < end; i++)
				STR_BYTES(r)[i - start] = (uint8_t)STR_WIDE(s)[i];
			return r;
		}
	}
	r = string_alloc(p, end - start, w);
	memcpy(P_RAW(STR_DATA(r)), STR_BYTES(s) + start * (size_t)w,
	       (end - start) * (size_t)w);
	return r;
}

val string_from_chars(P *p, const uint32_t *cs, size_t n)
{
	uint32_t max = 0;
	val s;

	for (size_t i = 0; i < n; i++)
		if (cs[i] > max)
			max = cs[i];
	s = string_alloc(p, n, max < 256 ? 1 : 4);
	if (max < 256) {
		for (size_t i = 0; i < n; i++)
			STR_BYTES(s)[i] = (uint8_t)cs[i];
	} else {
		memcpy(STR_WIDE(s), cs, n * 4);
	}
	return s;
}

val string_from_latin1(P *p, const char *t, size_t n)
{
	val s = string_alloc(p, n, 1);

	memcpy(STR_BYTES(s), t, n);
	return s;
}

val p_string_from_utf8(P *p, const char *str, size_t n)
{
	const uint8_t *u = (const uint8_t *)str;
	size_t count = 0, i = 0, k = 0;
	uint32_t c, max = 0;
	val s;

	/* ASCII text is copied as it is; otherwise two passes over what
	 * follows the ASCII prefix: count and find the widest, then fill. */
	while (i < n && u[i] < 0x80)
		i++;
	if (i == n) {
		s = string_alloc(p, n, 1);
		memcpy(STR_BYTES(s), u, n);
		return s;
	}
	count = i;
	while (i < n) {
		int used = utf8_decode(u + i, n - i, &c);
		if (used == 0) {
			used = 1;
			c = UNI_REPLACEMENT;
		}
		i += (size_t)used;
		count++;
		if (c > max)
			max = c;
	}
	s = string_alloc(p, count, max < 256 ? 1 : 4);
	for (i = 0; i < n; k++) {
		int used = utf8_decode(u + i, n - i, &c);
		if (used == 0) {
			used = 1;
			c = UNI_REPLACEMENT;
		}
		i += (size_t)used;
		if (max < 256)
			STR_BYTES(s)[k] = (uint8_t)c;
		else
			STR_WIDE(s)[k] = c;
	}
	return s;
}

size_t string_utf8_length(val s, size_t start, size_t end)
{
	size_t n = 0;

	for (size_t i = start; i < end; i++)
		n += (size_t)utf8_length(char_at(s, i));
	return n;
}

void string_utf8_encode(val s, size_t start, size_t end, uint8_t *out)
{
	if (STR_WIDTH(s) == 1) {
		const uint8_t *b = STR_BYTES(s);
		for (size_t i = start; i < end; i++) {
			if (b[i] < 0x80) {
				*out++ = b[i];
			} else {
				*out++ = (uint8_t)(0xC0 | b[i] >> 6);
				*out++ = (uint8_t)(0x80 | (b[i] & 0x3F));
			}
		}
		return;
	}
	for (size_t i = start; i < end; i++)
		out += utf8_encode(STR_WIDE(s)[i], out);
}

size_t p_string_utf8(val s, char *buf, size_t cap)
{
	size_t n = STR_LEN(s), total = string_utf8_length(s, 0, n), k = 0;
	uint8_t tmp[4];

	if (cap == 0)
		return total;
	for (size_t i = 0; i < n; i++) {
		int m = utf8_encode(char_at(s, i), tmp);
		if (k + (size_t)m > cap - 1)
			break;
		memcpy(buf + k, tmp, (size_t)m);
		k += (size_t)m;
	}
	buf[k] = '\0';
	return total;
}

const char *string_utf8_raw(P *p, val s, size_t *len)
{
	size_t n = STR_LEN(s);
	val raw;
	uint8_t *out;

	*len = string_utf8_length(s, 0, n);
	raw = bytes_alloc(p, *len + 1);
	out = P_RAW(raw);
	string_utf8_encode(s, 0, n, out);
	out[*len] = '\0';
	return (const char *)out;
}

const char *p_string_cstr(P *p, val s)
{
	size_t len;

	return string_utf8_raw(p, s, &len);
}

/* Walks a string's full case folding one code point at a time. */
struct fold_iter {
	val s;
	size_t i, n;
	uint32_t pend[3];
	int npend, ipend;
};

static int32_t fold_next(struct fold_iter *it)
{
	if (it->ipend < it->npend)
		return (int32_t)it->pend[it->ipend++];
	if (it->i >= it->n)
		return -1;
	it->npend = uni_full_case('F', char_at(it->s, it->i++), it->pend);
	it->ipend = 1;
	return (int32_t)it->pend[0];
}

int string_compare(val a, val b, int ci)
{
	size_t na = STR_LEN(a), nb = STR_LEN(b), n = na < nb ? na : nb;

	if (ci) {
		struct fold_iter x = {a, 0, na, {0}, 0, 0}, y = {b, 0, nb, {0}, 0, 0};
		for (;;) {
			int32_t cx = fold_next(&x), cy = fold_next(&y);
			if (cx != cy)
				return cx < cy ? -1 : 1;
			if (cx < 0)
				return 0;
		}
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t x = char_at(a, i), y = char_at(b, i);
		if (x != y)
			return x < y ? -1 : 1;
	}
	return na < nb ? -1 : na > nb;
}

void strbuf_init(struct strbuf *b, P *p)
{
	b->p = p;
	b->data = 0;
	b->len = b->cap = 0;
	b->max = 0;
}

void strbuf_push(struct strbuf *b, uint32_t c)
{
	if (b->len == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		val data = bytes_alloc(b->p, cap * 4);
		if (b->len)
			memcpy(P_RAW(data), P_RAW(b->data), b->len * 4);
		b->data = data;
		b->cap = cap;
	}
	((uint32_t *)P_RAW(b->data))[b->len++] = c;
	if (c > b->max)
		b->max = c;
}

void strbuf_push_ascii(struct strbuf *b, const char *s)
{
	while (*s)
		strbuf_push(b, (uint8_t)*s++);
}

val strbuf_string(struct strbuf *b)
{
	if (b->len == 0)
		return string_alloc(b->p, 0, 1);
	return string_from_chars(b->p, P_RAW(b->data), b->len);
}
