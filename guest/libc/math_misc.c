/*
 * math_misc.c - frexp, ldexp, fmod: exact operations on the binary
 * representation.
 */
#include <pc_math.h>
#include "mathk.h"

double pc_frexp(double x, int *exp)
{
	uint64_t b = pc_dbits(x);
	int e = (int)((b >> 52) & 0x7ff), adj = 0;

	if (x == 0 || e == 0x7ff) {
		*exp = 0;
		return x;
	}
	if (e == 0) {
		x *= 18014398509481984.0;	/* 2^54 */
		b = pc_dbits(x);
		e = (int)((b >> 52) & 0x7ff);
		adj = -54;
	}
	*exp = e - 1022 + adj;
	return pc_bitsd((b & ~(0x7ffull << 52)) | (1022ull << 52));
}

double pc_ldexp(double x, int n)
{
	/* Scale in steps that stay exact until the last, so a subnormal
	 * result is rounded once. */
	if (n > 1023) {
		x *= 0x1p1023;
		n -= 1023;
		if (n > 1023) {
			x *= 0x1p1023;
			n -= 1023;
			if (n > 1023)
				n = 1023;
		}
	} else if (n < -1022) {
		x *= 0x1p-1022 * 0x1p53;
		n += 1022 - 53;
		if (n < -1022) {
			x *= 0x1p-1022 * 0x1p53;
			n += 1022 - 53;
			if (n < -1022)
				n = -1022;
		}
	}
	return x * pc_bitsd((uint64_t)(n + 1023) << 52);
}

/* x = m * 2^e with m an integer below 2^53 (x finite, nonzero). */
static uint64_t split(double x, int *e)
{
	uint64_t b = pc_dbits(x);
	int be = (int)((b >> 52) & 0x7ff);
	uint64_t m = b & ((1ull << 52) - 1);

	if (be == 0) {
		*e = -1074;
		return m;
	}
	*e = be - 1075;
	return m | (1ull << 52);
}

double pc_fmod(double x, double y)
{
	double ax = __builtin_fabs(x), ay = __builtin_fabs(y);
	int ex, ey;

	if (x != x || y != y || __builtin_isinf(x) || y == 0)
		return __builtin_nan("");
	if (__builtin_isinf(y) || ax < ay || x == 0)
		return x;
	uint64_t mx = split(ax, &ex), my = split(ay, &ey);
	/* Long division one chunk of bits at a time: mx < my < 2^53 after
	 * each step, so an 11-bit shift cannot overflow. */
	while (ex > ey) {
		int k = ex - ey < 11 ? ex - ey : 11;
		mx %= my;
		mx <<= k;
		ex -= k;
	}
	mx %= my;
	double r = pc_ldexp((double)mx, ey);
	return x < 0 ? -r : r;
}
