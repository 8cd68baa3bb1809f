/*
 * dtoa.c - shortest round-trip decimal output for doubles.
 *
 * Free-format digit generation in exact integer arithmetic (the method of
 * Steele & White as refined by Burger & Dybvig): with v = r/s scaled
 * below 1 and the rounding interval half-widths m+/m-, digits are produced
 * until the remaining value lies within the interval, which makes the
 * digit string the shortest that reads back as v.  Boundaries count as
 * inside when the significand is even, because the reader rounds ties to
 * even.
 */
#include <stdint.h>
#include <string.h>
#include <pcfloat.h>
#include "bn.h"

int pc_dtoa_digits(double d, char digits[18], int *kout)
{
	uint64_t bits;
	memcpy(&bits, &d, sizeof bits);
	uint64_t frac = bits & ((1ull << 52) - 1);
	int be = (int)((bits >> 52) & 0x7ff);
	uint64_t f = be ? frac | (1ull << 52) : frac;
	int e = be ? be - 1075 : -1074;
	int closer = frac == 0 && be > 1;	/* the gap below is half the gap above */
	int even = (f & 1) == 0;
	struct bn r, s, mp, mm;

	bn_set_u64(&r, f);
	bn_set_u64(&s, 1);
	bn_set_u64(&mp, 1);
	bn_set_u64(&mm, 1);
	if (e >= 0) {
		bn_shl(&r, e + 1 + closer);
		bn_shl(&s, 1 + closer);
		bn_shl(&mp, e + closer);
		bn_shl(&mm, e);
	} else {
		bn_shl(&r, 1 + closer);
		bn_shl(&s, -e + 1 + closer);
		bn_shl(&mp, closer);
	}

	/* ceil(floor(log2 v) * log10(2)), never above the true k: the
	 * constants err on the side that keeps the estimate low, and the loop
	 * below raises it. */
	int l2 = e + 63 - __builtin_clzll(f);
	int k = l2 >= 0 ? (int)((l2 * 1292913986LL + 0xffffffffLL) >> 32)
		: -(int)((-l2 * 1292913987LL) >> 32);
	if (k >= 0) {
		bn_mul_pow10(&s, k);
	} else {
		bn_mul_pow10(&r, -k);
		bn_mul_pow10(&mp, -k);
		bn_mul_pow10(&mm, -k);
	}
	int c = bn_cmp_sum(&r, &mp, &s);
	while (even ? c >= 0 : c > 0) {
		bn_mul_small(&s, 10);
		k++;
		c = bn_cmp_sum(&r, &mp, &s);
	}

	int n = 0;
	for (;;) {
		int dig = 0, low, high;

		bn_mul_small(&r, 10);
		bn_mul_small(&mp, 10);
		bn_mul_small(&mm, 10);
		while (bn_cmp(&r, &s) >= 0) {
			bn_sub(&r, &s);
			dig++;
		}
		c = bn_cmp(&r, &mm);
		low = even ? c <= 0 : c < 0;
		c = bn_cmp_sum(&r, &mp, &s);
		high = even ? c >= 0 : c > 0;
		if (!low && !high && n < 16) {
			digits[n++] = (char)('0' + dig);
			continue;
		}
		if (low && high) {
			struct bn r2 = r;
			bn_shl(&r2, 1);
			c = bn_cmp(&r2, &s);
			if (c > 0 || (c == 0 && (dig & 1)))
				dig++;
		} else if (high) {
			dig++;
		}
		digits[n++] = (char)('0' + dig);
		break;
	}
	while (n > 1 && digits[n - 1] == '0')
		n--;
	digits[n] = '\0';
	*kout = k;
	return n;
}

int pc_dtoa_shortest(double d, char *buf)
{
	char digits[18];
	char *p = buf;
	int k, n;

	if (d != d) {
		memcpy(buf, "+nan.0", 7);
		return 6;
	}
	if (__builtin_signbit(d))
		*p++ = '-';
	if (__builtin_isinf(d)) {
		memcpy(buf, d < 0 ? "-inf.0" : "+inf.0", 7);
		return 6;
	}
	if (d == 0) {
		memcpy(p, "0.0", 4);
		return (int)(p - buf) + 3;
	}
	n = pc_dtoa_digits(d, digits, &k);
	if (k - 1 >= -6 && k - 1 < 21) {
		if (k <= 0) {
			*p++ = '0';
			*p++ = '.';
			for (int i = 0; i < -k; i++)
				*p++ = '0';
			memcpy(p, digits, (size_t)n);
			p += n;
		} else if (k >= n) {
			memcpy(p, digits, (size_t)n);
			p += n;
			for (int i = n; i < k; i++)
				*p++ = '0';
			*p++ = '.';
			*p++ = '0';
		} else {
			memcpy(p, digits, (size_t)k);
			p += k;
			*p++ = '.';
			memcpy(p, digits + k, (size_t)(n - k));
			p += n - k;
		}
	} else {
		int x = k - 1;
		unsigned ax = x < 0 ? (unsigned)-x : (unsigned)x;
		char tmp[8];
		int t = 0;

		*p++ = digits[0];
		if (n > 1) {
			*p++ = '.';
			memcpy(p, digits + 1, (size_t)(n - 1));
			p += n - 1;
		}
		*p++ = 'e';
		if (x < 0)
			*p++ = '-';
		do {
			tmp[t++] = (char)('0' + ax % 10);
			ax /= 10;
		} while (ax);
		while (t)
			*p++ = tmp[--t];
	}
	*p = '\0';
	return (int)(p - buf);
}
