/*
 * math_gamma.c - the gamma function, its logarithm, and the error
 * functions, in extended precision.
 *
 * Gamma: Stirling's series for arguments of 20 and up (eight terms leave
 * an error below 2^-70), the recurrence gamma(x) = gamma(x + n) / (x (x+1)
 * ... (x+n-1)) below that, and the reflection formula for x < 1/2.  lgamma
 * is accurate to about 1e-18 absolute, so relatively less so right beside
 * its zeros at 1 and 2.
 *
 * erf: the series e^-x^2 sum 2^n x^(2n+1) / (1 3 ... (2n+1)), whose terms
 * are all positive, up to 2.5; erfc beyond: its continued fraction.
 */
#include <pc_math.h>
#include "mathk.h"

#define STIRLING_MIN 20
/* Where erfc switches from 1 - erf to its continued fraction. */
#define ERFC_CF_MIN 1.0L
#define HALF_LN_2PI 0.918938533204672741780329736405617640L
#define TWO_OVER_SQRT_PI 1.12837916709551257389615890312154517L
#define ONE_OVER_SQRT_PI 0.564189583547756286948079451560772586L

/* ln gamma(z) for z >= STIRLING_MIN. */
static long double stirling(long double z)
{
	/* B(2k) / (2k (2k-1)) for k = 1..8 */
	static const long double c[] = {
		1.0L / 12, -1.0L / 360, 1.0L / 1260, -1.0L / 1680,
		1.0L / 1188, -691.0L / 360360, 1.0L / 156, -3617.0L / 122400,
	};
	long double inv = 1 / z, inv2 = inv * inv, sum = 0;
	for (int k = 7; k >= 0; k--)
		sum = c[k] + inv2 * sum;
	return (z - 0.5L) * pc_logl_ld(z) - z + HALF_LN_2PI + sum * inv;
}

/* For 0 < x < STIRLING_MIN: the z >= STIRLING_MIN to hand to Stirling
 * and the product x (x+1) ... (z-1) that relates the two. */
static long double shift_up(long double x, long double *prod)
{
	long double z = x;
	*prod = 1;
	while (z < STIRLING_MIN) {
		*prod *= z;
		z += 1;
	}
	return z;
}

/* sin(pi x), exact at integers and accurate near them. */
static long double sinpi(double x)
{
	double r = x - 2 * pc_round(x / 2);	/* exact; r in [-1, 1] */
	long double sign = 1;
	if (r < 0) {
		r = -r;
		sign = -1;
	}
	if (r > 0.5)
		r = 1 - r;			/* exact */
	long double t = PC_PIL * r, t2 = t * t, sum = 0;
	for (int n = 27; n >= 3; n -= 2)
		sum = -t2 / (n * (n - 1)) * (1 + sum);
	return sign * t * (1 + sum);
}

static int is_integer(double x)
{
	return x == pc_floor(x);
}

/* gamma(x) for x >= 1/2, x given in extended precision so that 1 - x
 * from the reflection loses nothing. */
static long double gamma_pos(long double x)
{
	if (x == (long double)(long)x && x <= 30) {
		long double f = 1;
		for (int k = 2; k < (int)x; k++)
			f *= k;
		return f;
	}
	long double prod, z = shift_up(x, &prod);
	return pc_expl_k(stirling(z)) / prod;
}

double pc_tgamma(double x)
{
	if (x != x || x == __builtin_inf())
		return x;
	if (x == 0)
		return 1 / x;
	if (x < 0 && is_integer(x))
		return __builtin_nan("");
	if (x > 171.7)
		return __builtin_inf();
	if (x >= 0.5)
		return (double)gamma_pos(x);
	long double s = sinpi(x);
	if (x < -190)
		return s > 0 ? 0.0 : -0.0;
	/* Gamma(1 - x) stays inside extended range for x >= -190. */
	return (double)(PC_PIL / (s * gamma_pos(1 - (long double)x)));
}

/* ln |gamma x| for x > 0. */
static long double lgamma_pos(long double x)
{
	if (x >= STIRLING_MIN)
		return stirling(x);
	if (x == 1 || x == 2)
		return 0;
	long double prod, z = shift_up(x, &prod);
	return stirling(z) - pc_logl_ld(prod);
}

double pc_lgamma(double x, int *sign)
{
	*sign = 1;
	if (x != x)
		return x;
	if (__builtin_isinf(x))
		return __builtin_inf();
	if (x <= 0 && is_integer(x))
		return __builtin_inf();
	if (x > 0)
		return (double)lgamma_pos(x);
	long double s = sinpi(x);
	*sign = s < 0 ? -1 : 1;
	if (s < 0)
		s = -s;
	/* ln |gamma x| = ln pi - ln |sin pi x| - ln gamma(1 - x) */
	return (double)(1.14472988584940017414342735135305871L - pc_logl_ld(s) -
			lgamma_pos(1 - (long double)x));
}

/* erf x for 0 <= x < 2.5. */
static long double erf_series(long double x)
{
	long double x2 = x * x, term = x, sum = x;
	for (int n = 1; n < 200 && term > sum * 1e-21L; n++) {
		term *= 2 * x2 / (2 * n + 1);
		sum += term;
	}
	return TWO_OVER_SQRT_PI * pc_expl_k(-x2) * sum;
}

/* erfc x for x >= 2.5, by the continued fraction
 * e^-x^2 / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))),
 * evaluated from a depth where it has converged. */
static long double erfc_cf(long double x)
{
	long double f = x;
	for (int k = 400; k >= 1; k--)
		f = x + (k / 2.0L) / f;
	return ONE_OVER_SQRT_PI * pc_expl_k(-x * x) / f;
}

double pc_erf(double x)
{
	if (x != x || x == 0)
		return x;
	long double a = x < 0 ? -(long double)x : x, r;
	if (a >= 6)
		r = 1;
	else if (a < 2.5L)
		r = erf_series(a);
	else
		r = 1 - erfc_cf(a);
	return (double)(x < 0 ? -r : r);
}

double pc_erfc(double x)
{
	if (x != x)
		return x;
	long double a = x < 0 ? -(long double)x : x, r;
	if (a >= 28)
		r = 0;
	else if (a < ERFC_CF_MIN)
		r = 1 - erf_series(a);
	else
		r = erfc_cf(a);
	return (double)(x < 0 ? 2 - r : r);
}
