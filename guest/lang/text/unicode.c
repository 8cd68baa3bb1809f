/* unicode.c - lookups in the generated Unicode tables, and UTF-8. */
#include "unicode.h"

unsigned uni_flags(uint32_t c)
{
	size_t lo = 0, hi = uni_nranges;

	if (c < 256)
		return uni_latin1_flags[c];
	if (c > UNI_MAX)
		return 0;
	/* Find the last range starting at or before c; the first starts at 0. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (uni_ranges[mid].start <= c)
			lo = mid;
		else
			hi = mid;
	}
	return uni_ranges[lo].flags;
}

int uni_digit_value(uint32_t c)
{
	size_t lo = 0, hi = uni_ndigit_zeros;

	if (c < 128)
		return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (uni_digit_zeros[mid] + 9 < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < uni_ndigit_zeros && uni_digit_zeros[lo] <= c)
		return (int)(c - uni_digit_zeros[lo]);
	return -1;
}

static uint32_t map_lookup(const struct uni_map *t, size_t n, uint32_t c)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t[mid].from < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && t[lo].from == c ? t[lo].to : c;
}

uint32_t uni_upcase_char(uint32_t c)
{
	if (c < 128)
		return c >= 'a' && c <= 'z' ? c - 32 : c;
	return map_lookup(uni_upcase, uni_nupcase, c);
}

uint32_t uni_downcase_char(uint32_t c)
{
	if (c < 128)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	return map_lookup(uni_downcase, uni_ndowncase, c);
}

uint32_t uni_foldcase_char(uint32_t c)
{
	if (c < 128)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	return map_lookup(uni_foldcase, uni_nfoldcase, c);
}

static const struct uni_full *full_lookup(const struct uni_full *t, size_t n,
					  uint32_t c)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t[mid].from < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && t[lo].from == c ? &t[lo] : NULL;
}

int uni_full_case(int which, uint32_t c, uint32_t out[3])
{
	const struct uni_full *f = NULL;

	if (c >= 128) {
		if (which == 'U')
			f = full_lookup(uni_full_upcase, uni_nfull_upcase, c);
		else if (which == 'D')
			f = full_lookup(uni_full_downcase, uni_nfull_downcase, c);
		else
			f = full_lookup(uni_full_foldcase, uni_nfull_foldcase, c);
	}
	if (f) {
		for (int i = 0; i < f->n; i++)
			out[i] = f->to[i];
		return f->n;
	}
	out[0] = which == 'U' ? uni_upcase_char(c)
		: which == 'D' ? uni_downcase_char(c) : uni_foldcase_char(c);
	return 1;
}

int uni_is_scalar(uint32_t c)
{
	return c <= UNI_MAX && (c < 0xD800 || c > 0xDFFF);
}

int utf8_length(uint32_t c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

int utf8_encode(uint32_t c, uint8_t *b)
{
	if (c < 0x80) {
		b[0] = (uint8_t)c;
		return 1;
	}
	if (c < 0x800) {
		b[0] = (uint8_t)(0xC0 | c >> 6);
		b[1] = (uint8_t)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		b[0] = (uint8_t)(0xE0 | c >> 12);
		b[1] = (uint8_t)(0x80 | (c >> 6 & 0x3F));
		b[2] = (uint8_t)(0x80 | (c & 0x3F));
		return 3;
	}
	b[0] = (uint8_t)(0xF0 | c >> 18);
	b[1] = (uint8_t)(0x80 | (c >> 12 & 0x3F));
	b[2] = (uint8_t)(0x80 | (c >> 6 & 0x3F));
	b[3] = (uint8_t)(0x80 | (c & 0x3F));
	return 4;
}

int utf8_decode(const uint8_t *s, size_t n, uint32_t *c)
{
	uint32_t v, min;
	int len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*c = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2, v = s[0] & 0x1F, min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3, v = s[0] & 0x0F, min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4, v = s[0] & 0x07, min = 0x10000;
	} else {
		*c = UNI_REPLACEMENT;
		return 1;
	}
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return 0;
		if ((s[i] & 0xC0) != 0x80) {
			*c = UNI_REPLACEMENT;
			return 1;
		}
		v = v << 6 | (s[i] & 0x3F);
	}
	*c = v >= min && uni_is_scalar(v) ? v : UNI_REPLACEMENT;
	return v >= min && uni_is_scalar(v) ? len : 1;
}
