/*
 * math_fma.c - pc_fma, x*y + z rounded once, without an FMA instruction
 * (the guest may run on CPUs without one).
 *
 * The product is split exactly into two doubles (Dekker), added to z
 * exactly (Knuth's two-sum), and the two low parts are added with
 * rounding to odd before the final rounding to nearest: Boldo and
 * Melquiond showed that this double rounding equals a single one.  Where
 * the exact splits could overflow or underflow the operands are scaled
 * by powers of two first.
 */
#include <pc_math.h>
#include "mathk.h"

static void two_sum(double a, double b, double *s, double *e)
{
	*s = a + b;
	double bb = *s - a;
	*e = (a - (*s - bb)) + (b - bb);
}

/* a = hi + lo with hi holding the top 26 bits (Veltkamp). */
static void split(double a, double *hi, double *lo)
{
	double c = 134217729.0 * a;	/* 2^27 + 1 */
	*hi = c - (c - a);
	*lo = a - *hi;
}

static void two_prod(double a, double b, double *p, double *e)
{
	double ah, al, bh, bl;
	*p = a * b;
	split(a, &ah, &al);
	split(b, &bh, &bl);
	*e = ((ah * bh - *p) + ah * bl + al * bh) + al * bl;
}

/* a + b rounded to odd: when the sum is inexact and rounding to nearest
 * gave an even significand, step one ulp towards the exact sum. */
static double add_odd(double a, double b)
{
	double s, e;
	two_sum(a, b, &s, &e);
	if (e != 0 && (pc_dbits(s) & 1) == 0) {
		uint64_t bits = pc_dbits(s);
		int away = (e > 0) == (s > 0);
		s = pc_bitsd(away ? bits + 1 : bits - 1);
	}
	return s;
}

static int exponent_of(double x)
{
	int e;
	pc_frexp(x, &e);
	return e;
}

double pc_fma(double x, double y, double z)
{
	if (x == 0 || y == 0 || !__builtin_isfinite(x) || !__builtin_isfinite(y) ||
	    !__builtin_isfinite(z))
		return x * y + z;
	if (z == 0) {
		double p = x * y;
		return p == 0 ? p + z : p;
	}
	/* Keep the product and its error term clear of overflow and of the
	 * subnormal range; the result is scaled back once at the end, which
	 * is exact unless the result itself is subnormal (then it may round
	 * twice: the one case this is not correctly rounded). */
	int ex = exponent_of(x), ey = exponent_of(y), ez = exponent_of(z);
	int scale = 0;
	if (ex + ey > 900 || ez > 900)
		scale = -600;
	else if (ex + ey < -900 && ez < 400)
		scale = 600;
	if (scale != 0) {
		x = pc_ldexp(x, scale / 2);
		y = pc_ldexp(y, scale / 2);
		z = pc_ldexp(z, scale);
	}
	double ph, pl, sh, sl;
	two_prod(x, y, &ph, &pl);
	two_sum(z, ph, &sh, &sl);
	double r = sh + add_odd(sl, pl);
	return scale == 0 ? r : pc_ldexp(r, -scale);
}
