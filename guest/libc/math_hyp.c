/*
 * math_hyp.c - hyperbolic sine and cosine and the hypotenuse (pc_sinh,
 * pc_cosh, pc_hypot), which complex arithmetic is built from.  Evaluated
 * in extended precision like the rest of libpc's math.
 */
#include <pc_math.h>
#include "mathk.h"

/* Beyond this e^|x|/2 overflows a double whatever the extended result. */
#define HYP_OVERFLOW 711.0

double pc_sinh(double x)
{
	if (x != x || x == 0 || __builtin_isinf(x))
		return x;
	long double a = x < 0 ? -(long double)x : x;
	if (a > HYP_OVERFLOW)
		return x < 0 ? -__builtin_inf() : __builtin_inf();
	long double r;
	if (a < 0.5L) {
		/* e^a - e^-a would cancel: the series a + a^3/3! + ... has
		 * its 12th term below 2^-66 of the first. */
		long double a2 = a * a, sum = 0;
		for (int n = 25; n >= 3; n -= 2)
			sum = a2 / ((long double)n * (n - 1)) * (1 + sum);
		r = a * (1 + sum);
	} else {
		long double e = pc_expl_k(a);
		r = (e - 1 / e) / 2;
	}
	return (double)(x < 0 ? -r : r);
}

double pc_cosh(double x)
{
	if (x != x)
		return x;
	long double a = x < 0 ? -(long double)x : x;
	if (a > HYP_OVERFLOW)
		return __builtin_inf();
	long double e = pc_expl_k(a);
	return (double)((e + 1 / e) / 2);
}

double pc_hypot(double x, double y)
{
	if (__builtin_isinf(x) || __builtin_isinf(y))
		return __builtin_inf();
	if (x != x || y != y)
		return x + y;
	/* The squares of doubles cannot overflow the extended range. */
	return (double)pc_sqrtl((long double)x * x + (long double)y * y);
}
