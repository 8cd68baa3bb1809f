/*
 * math_pow.c - pc_pow, with the special cases of C99 Annex F.
 */
#include <pc_math.h>
#include "mathk.h"

/* 2 for an odd integer, 1 for an even integer, 0 for a non-integer. */
static int integer_kind(double y)
{
	if (pc_trunc(y) != y)
		return 0;
	if (__builtin_fabs(y) >= 9007199254740992.0)
		return 1;
	return ((int64_t)y & 1) ? 2 : 1;
}

double pc_pow(double x, double y)
{
	int yk;
	double ax = __builtin_fabs(x);

	if (y == 0 || x == 1)
		return 1;
	if (x != x || y != y)
		return x + y;
	yk = integer_kind(y);
	if (__builtin_isinf(y)) {
		if (ax == 1)
			return 1;
		return (ax < 1) == (y < 0) ? __builtin_inf() : 0;
	}
	if (x == 0 || __builtin_isinf(x)) {
		/* big: the result's magnitude is infinite */
		int big = (x == 0) == (y < 0);
		double mag = big ? __builtin_inf() : 0;
		return (yk == 2 && __builtin_signbit(x)) ? -mag : mag;
	}
	if (x < 0 && yk == 0)
		return __builtin_nan("");
	long double z = y * pc_logl_k(ax);
	double r;
	if (z > 12000)
		r = __builtin_inf();
	else if (z < -12000)
		r = 0;
	else
		r = (double)pc_expl_k(z);
	return (x < 0 && yk == 2) ? -r : r;
}
