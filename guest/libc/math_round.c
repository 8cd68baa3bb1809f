/*
 * math_round.c - floor, ceil, trunc, round, round_even, modf: exact, by
 * clearing fraction bits.
 */
#include <pc_math.h>
#include "mathk.h"

double pc_trunc(double x)
{
	uint64_t b = pc_dbits(x);
	int e = (int)((b >> 52) & 0x7ff) - 1023;

	if (e >= 52)
		return x;	/* integral, inf or nan */
	if (e < 0)
		return pc_bitsd(b & (1ull << 63));
	return pc_bitsd(b & ~((1ull << (52 - e)) - 1));
}

double pc_floor(double x)
{
	double t = pc_trunc(x);

	return (x < 0 && t != x) ? t - 1 : t;
}

double pc_ceil(double x)
{
	double t = pc_trunc(x);

	if (x > 0 && t != x)
		return t + 1;
	return t == 0 ? __builtin_copysign(0.0, x) : t;
}

double pc_round(double x)
{
	double t = pc_trunc(x);

	/* x - t is exact: the fraction of a double is representable. */
	if (__builtin_fabs(x - t) >= 0.5)
		t += x < 0 ? -1 : 1;
	return t;
}

double pc_round_even(double x)
{
	double t = pc_trunc(x), d;

	if (t == x)
		return x;
	d = __builtin_fabs(x - t);
	if (d > 0.5 || (d == 0.5 && ((int64_t)t & 1)))
		t += x < 0 ? -1 : 1;
	return t == 0 ? __builtin_copysign(0.0, x) : t;
}

double pc_modf(double x, double *ipart)
{
	double t = pc_trunc(x);

	*ipart = t;
	if (__builtin_isinf(x))
		return __builtin_copysign(0.0, x);
	return __builtin_copysign(x - t, x);
}
