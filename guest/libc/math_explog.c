/*
 * math_explog.c - the C99 functions around exp and log that SRFI 144
 * needs: expm1, log1p, exp2, log2, log10, tanh, the inverse hyperbolic
 * functions and cbrt (sinh, cosh and hypot are in math_hyp.c).  Each
 * evaluates in extended precision through the kernels of mathk.h and
 * rounds once, and takes care near 0, where the naive formulas lose every
 * digit to cancellation.
 */
#include <pc_math.h>
#include "mathk.h"

#define LOG2_EL 1.44269504088896340735992468100189214L
#define LOG10_EL 0.434294481903251827651128918916605082L

/* e^z - 1 in extended precision, exact-ish near 0 (series) and falling
 * back on the exp kernel where no digits cancel. */
long double pc_expm1l_k(long double z)
{
	if (z > -0.5L && z < 0.5L) {
		long double sum = 0;
		for (int n = 24; n >= 1; n--)
			sum = z / n * (1 + sum);
		return sum;
	}
	return pc_expl_k(z) - 1;
}

double pc_expm1(double x)
{
	if (x != x || x == 0)
		return x;
	if (x > 710)
		return __builtin_inf();
	if (x < -50)
		return -1.0;
	return (double)pc_expm1l_k(x);
}

/* ln(1 + t) for |t| small, by the atanh series of t / (2 + t). */
static long double log1pl_small(long double t)
{
	long double s = t / (2 + t), s2 = s * s, sum = 0;
	for (int n = 41; n >= 3; n -= 2)
		sum = s2 * (1.0L / n + sum);
	return 2 * s + 2 * s * sum;
}

/* ln t for finite t > 0 held in extended precision: the kernel takes a
 * double, so the part of t below a double's last bit goes through the
 * series. */
long double pc_logl_ld(long double t)
{
	double hi = (double)t;
	long double lo = (t - hi) / hi;
	return lo == 0 ? pc_logl_k(hi) : pc_logl_k(hi) + log1pl_small(lo);
}

long double pc_log1pl_k(long double t)
{
	return t > -0.25L && t < 0.5L ? log1pl_small(t) : pc_logl_ld(1 + t);
}

double pc_log1p(double x)
{
	if (x != x || x == 0)
		return x;
	if (x == -1)
		return -__builtin_inf();
	if (x < -1)
		return __builtin_nan("");
	if (x == __builtin_inf())
		return x;
	/* Beyond the series' range 1 + x loses at most bits below the
	 * result's last one. */
	return (double)pc_log1pl_k(x);
}

double pc_exp2(double x)
{
	if (x != x)
		return x;
	if (x >= 1024)
		return __builtin_inf();
	if (x < -1080)
		return 0;
	if (x == (double)(int)x)
		return pc_ldexp(1.0, (int)x);
	return (double)pc_expl_k(x * PC_LN2L);
}

static int exact_power_of_two(double x, int *e)
{
	uint64_t b = pc_dbits(x);
	if ((b & ((1ull << 52) - 1)) != 0 || (b >> 52) == 0 || (b >> 63))
		return 0;
	*e = (int)(b >> 52) - 1023;
	return 1;
}

static double log_special(double x, int *done)
{
	*done = 1;
	if (x != x)
		return x;
	if (x == 0)
		return -__builtin_inf();
	if (x < 0)
		return __builtin_nan("");
	if (x == __builtin_inf())
		return x;
	*done = 0;
	return 0;
}

double pc_log2(double x)
{
	int done, e;
	double r = log_special(x, &done);
	if (done)
		return r;
	if (exact_power_of_two(x, &e))
		return e;
	return (double)(pc_logl_k(x) * LOG2_EL);
}

double pc_log10(double x)
{
	int done;
	double r = log_special(x, &done);
	if (done)
		return r;
	/* Exact powers of ten give exact results. */
	double p = 1;
	for (int k = 0; k <= 22; k++, p *= 10)
		if (x == p)
			return k;
	return (double)(pc_logl_k(x) * LOG10_EL);
}

double pc_tanh(double x)
{
	if (x != x || x == 0)
		return x;
	long double a = x < 0 ? -(long double)x : x, r;
	if (a > 23)
		r = 1;
	else {
		long double m = pc_expm1l_k(2 * a);
		r = m / (m + 2);
	}
	return (double)(x < 0 ? -r : r);
}

double pc_asinh(double x)
{
	if (x != x || x == 0 || __builtin_isinf(x))
		return x;
	long double a = x < 0 ? -(long double)x : x, r;
	if (a > 1e300)
		r = pc_logl_k((double)a) + PC_LN2L;
	else if (a < 0.5L)
		r = log1pl_small(a + a * a / (1 + pc_sqrtl(1 + a * a)));
	else
		r = pc_logl_ld(a + pc_sqrtl(a * a + 1));
	return (double)(x < 0 ? -r : r);
}

double pc_acosh(double x)
{
	if (x != x || x == __builtin_inf())
		return x;
	if (x < 1)
		return __builtin_nan("");
	long double a = x;
	if (a > 1e300)
		return (double)(pc_logl_k(x) + PC_LN2L);
	if (a < 1.5L) {
		long double t = a - 1;	/* exact */
		return (double)pc_log1pl_k(t + pc_sqrtl(2 * t + t * t));
	}
	return (double)pc_logl_ld(a + pc_sqrtl(a * a - 1));
}

double pc_atanh(double x)
{
	if (x != x || x == 0)
		return x;
	long double a = x < 0 ? -(long double)x : x, r;
	if (a > 1)
		return __builtin_nan("");
	if (a == 1)
		r = __builtin_inf();
	else
		r = pc_log1pl_k(2 * a / (1 - a)) / 2;
	return (double)(x < 0 ? -r : r);
}

/* Newton's iteration on y^3 = a from the exponent's cube root: the
 * error squares each step, so six steps exceed extended precision. */
double pc_cbrt(double x)
{
	if (x != x || x == 0 || __builtin_isinf(x))
		return x;
	int e;
	double m = pc_frexp(x < 0 ? -x : x, &e);	/* x = m 2^e, m in [0.5, 1) */
	int r = ((e % 3) + 3) % 3;
	long double a = m * (long double)(r == 0 ? 1 : r == 1 ? 2 : 4);
	long double y = 0.7L + 0.3L * a;		/* a in [0.5, 4) */
	for (int i = 0; i < 8; i++)
		y -= (y * y * y - a) / (3 * y * y);
	double d = pc_ldexp((double)y, (e - r) / 3);
	return x < 0 ? -d : d;
}

