/*
 * test_libc_math.c - libpc's C99 functions for SRFI 144 (expm1, log1p,
 * the hyperbolic functions, cbrt, hypot, fma, erf, gamma, Bessel) against
 * the host's glibc, on random arguments over each function's range and on
 * the special values.  The references are glibc's long double functions
 * rounded to double, which are nearly always the correctly rounded result
 * (its double ones are off by up to 2 ulps on some of these).  TAP output.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "pc_math.h"
#include "tap.h"

static uint64_t rng = 0x2545f4914f6cdd1dull;
static double uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double)(rng >> 11) / 9007199254740992.0;
}

static double ulps(double ours, double ref)
{
	if (isnan(ref))
		return isnan(ours) ? 0 : 1e9;
	if (isinf(ref) || ref == 0)
		return ours == ref ? 0 : fabs(ours - ref) < 1e-300 ? 0 : 1e9;
	int e;
	frexp(ref, &e);
	double unit = ldexp(1.0, e - 53 < -1074 ? -1074 : e - 53);
	return fabs(ours - ref) / unit;
}

typedef double (*fn1)(double);
typedef long double (*fnl)(long double);

/* Worst ulp error over random x in [lo, hi] (log-scaled when logscale,
 * then both signs unless positive). */
static void check1(const char *name, fn1 ours, fnl ref, double lo, double hi,
		   int logscale, double bound)
{
	double worst = 0, at = 0;
	for (int i = 0; i < 20000; i++) {
		double u = uniform(), x;
		if (logscale)
			x = exp(log(lo) + u * (log(hi) - log(lo))) *
				(logscale > 1 || (rng & 1) ? 1 : -1);
		else
			x = lo + u * (hi - lo);
		double err = ulps(ours(x), (double)ref(x));
		if (err > worst) {
			worst = err;
			at = x;
		}
	}
	tap_ok(worst <= bound, "%s within %g ulp of libm on [%g, %g] (worst %.3f at %a)",
	       name, bound, lo, hi, worst, at);
}

static double lgamma_ours(double x)
{
	int s;
	return pc_lgamma(x, &s);
}

static long double lgamma_ref(long double x)
{
	return lgammal(x);
}

/* Below 2.5 lgamma crosses zero at 1, 2 and between the negative poles;
 * there only its absolute error is small: within an epsilon of
 * max(1, |lgamma x|). */
static void check_lgamma_near_zeros(void)
{
	double worst = 0, at = 0;
	for (int i = 0; i < 20000; i++) {
		double x = -100 + uniform() * 102.5;
		double r = (double)lgammal(x), o = lgamma_ours(x);
		double err = fabs(o - r) / (0x1p-52 * fmax(1, fabs(r)));
		if (err > worst) {
			worst = err;
			at = x;
		}
	}
	tap_ok(worst <= 1, "lgamma on [-100, 2.5] within an epsilon of max(1, |lgamma|) (worst %.3f at %a)",
	       worst, at);
}

static int bessel_n;
static double jn_ours(double x) { return pc_jn(bessel_n, x); }
static double jn_ref(double x) { return jn(bessel_n, x); }
static double yn_ours(double x) { return pc_yn(bessel_n, x); }
static double yn_ref(double x) { return yn(bessel_n, x); }

/* Bessel functions have zeros everywhere, where no relative bound holds:
 * compare absolutely, scaled by the function's envelope sqrt(2/(pi x)). */
static void check_bessel(const char *name, fn1 ours, fn1 ref, int n,
			 double lo, double hi, double bound)
{
	double worst = 0, at = 0;
	bessel_n = n;
	for (int i = 0; i < 5000; i++) {
		double x = lo + uniform() * (hi - lo);
		double r = ref(x), o = ours(x);
		double env = fmax(fabs(r), sqrt(2 / (M_PI * x)));
		double err = fabs(o - r) / env;
		if (err > worst) {
			worst = err;
			at = x;
		}
	}
	tap_ok(worst <= bound, "%s order %d within %g of libm (relative to the envelope) on [%g, %g] (worst %.2e at %a)",
	       name, n, bound, lo, hi, worst, at);
}

static void test_fma(void)
{
	double worst = 0;
	int bad = 0;
	for (int i = 0; i < 200000; i++) {
		double x = ldexp(uniform() + 0.5, (int)(uniform() * 200) - 100);
		double y = ldexp(uniform() + 0.5, (int)(uniform() * 200) - 100);
		double z = -x * y * (1 + (uniform() - 0.5) * 1e-12);
		if (rng & 2)
			z = ldexp(uniform(), (int)(uniform() * 400) - 200) * ((rng & 4) ? 1 : -1);
		double o = pc_fma(x, y, z), r = fma(x, y, z);
		if (memcmp(&o, &r, sizeof o) != 0) {
			bad++;
			worst = fmax(worst, ulps(o, r));
		}
	}
	tap_ok(bad == 0, "fma correctly rounded on 200000 random cancelling and mixed cases (%d differ, worst %.2f ulp)",
	       bad, worst);
	tap_ok(pc_fma(0x1p-600, 0x1p-600, 1.0) == 1.0 && pc_fma(0x1p600, 0x1p600, 1.0) == INFINITY &&
	       pc_fma(0x1p500, 0x1p500, -INFINITY) == -INFINITY && isnan(pc_fma(INFINITY, 0, 1)),
	       "fma at the extremes and on infinities");
	tap_ok(pc_fma(1 + 0x1p-52, 1 - 0x1p-52, -1) == -0x1p-104, "fma keeps the product's low bits");
}

static void test_specials(void)
{
	int sign;
	tap_ok(pc_expm1(-0.0) == 0 && signbit(pc_expm1(-0.0)) && pc_expm1(-INFINITY) == -1 &&
	       pc_expm1(1000) == INFINITY, "expm1 special values");
	tap_ok(pc_log1p(-1) == -INFINITY && isnan(pc_log1p(-2)) && signbit(pc_log1p(-0.0)),
	       "log1p special values");
	tap_ok(pc_exp2(10) == 1024 && pc_exp2(-1074) == 0x1p-1074 && pc_log2(0x1p-1074) == -1074 &&
	       pc_log10(1e22) == 22 && pc_log10(0) == -INFINITY && isnan(pc_log2(-1)),
	       "exp2, log2 and log10 exact where the result is");
	tap_ok(pc_cbrt(27) == 3 && pc_cbrt(-8) == -2 && pc_cbrt(0x1p-1074) == cbrt(0x1p-1074),
	       "cbrt exact on cubes and right on subnormals");
	tap_ok(pc_hypot(3, 4) == 5 && pc_hypot(1e300, 1e300) == hypot(1e300, 1e300) &&
	       pc_hypot(NAN, INFINITY) == INFINITY && pc_hypot(0x1p-1074, 0x1p-1074) == hypot(0x1p-1074, 0x1p-1074),
	       "hypot without overflow or underflow, infinity beats NaN");
	tap_ok(pc_tgamma(5) == 24 && pc_tgamma(171) == tgamma(171) && pc_tgamma(172) == INFINITY &&
	       isnan(pc_tgamma(-3)) && pc_tgamma(-0.0) == -INFINITY && pc_tgamma(0.5) == tgamma(0.5),
	       "tgamma on integers, poles and 1/2");
	tap_ok(pc_lgamma(1, &sign) == 0 && pc_lgamma(2, &sign) == 0 && pc_lgamma(0, &sign) == INFINITY,
	       "lgamma is 0 at 1 and 2, infinite at the poles");
	pc_lgamma(-0.5, &sign);
	tap_ok(sign == -1, "lgamma's sign of gamma(-1/2) is negative");
	pc_lgamma(-1.5, &sign);
	tap_ok(sign == 1, "lgamma's sign of gamma(-3/2) is positive");
	tap_ok(pc_erf(INFINITY) == 1 && pc_erfc(-INFINITY) == 2 && pc_erfc(30) == 0 &&
	       signbit(pc_erf(-0.0)), "erf and erfc special values");
	tap_ok(pc_jn(0, 0) == 1 && pc_jn(3, 0) == 0 && pc_yn(0, 0) == -INFINITY &&
	       isnan(pc_yn(1, -1)) && pc_jn(-1, 2.0) == -pc_jn(1, 2.0),
	       "Bessel functions at 0, of negative x and negative order");
	tap_ok(pc_atanh(1) == INFINITY && isnan(pc_atanh(2)) && pc_acosh(1) == 0 && isnan(pc_acosh(0.5)),
	       "atanh and acosh at and past their domain's ends");
}

int main(void)
{
	check1("expm1", pc_expm1, expm1l, 1e-300, 700, 1, 1);
	check1("log1p", pc_log1p, log1pl, 1e-300, 0.999, 1, 1);
	check1("log1p", pc_log1p, log1pl, 1, 1e300, 2, 1);
	check1("exp2", pc_exp2, exp2l, -1070, 1023, 0, 1);
	check1("log2", pc_log2, log2l, 1e-300, 1e300, 2, 1);
	check1("log10", pc_log10, log10l, 1e-300, 1e300, 2, 1);
	check1("sinh", pc_sinh, sinhl, 1e-300, 710, 1, 1);
	check1("cosh", pc_cosh, coshl, 1e-300, 710, 1, 1);
	check1("tanh", pc_tanh, tanhl, 1e-300, 30, 1, 1);
	check1("asinh", pc_asinh, asinhl, 1e-300, 1e300, 1, 1);
	check1("acosh", pc_acosh, acoshl, 1, 1e300, 2, 1);
	check1("acosh", pc_acosh, acoshl, 1, 2, 0, 1);
	check1("atanh", pc_atanh, atanhl, 1e-300, 0.9999999, 1, 1);
	check1("cbrt", pc_cbrt, cbrtl, 1e-300, 1e300, 1, 1);
	check1("erf", pc_erf, erfl, 1e-300, 6, 1, 1);
	check1("erfc", pc_erfc, erfcl, -6, 2.5, 0, 1);
	check1("erfc", pc_erfc, erfcl, 2.5, 27, 0, 1);
	check1("tgamma", pc_tgamma, tgammal, 0.01, 171, 2, 1);
	check1("tgamma", pc_tgamma, tgammal, -170, -0.01, 0, 1);
	check1("lgamma", lgamma_ours, lgamma_ref, 2.5, 1e300, 2, 1);
	check_lgamma_near_zeros();
	test_fma();
	for (int n = 0; n <= 2; n++) {
		check_bessel("jn", jn_ours, jn_ref, n, 0.01, 100, 1e-14);
		check_bessel("yn", yn_ours, yn_ref, n, 0.01, 100, 1e-14);
	}
	check_bessel("jn", jn_ours, jn_ref, 10, 0.5, 60, 1e-14);
	check_bessel("yn", yn_ours, yn_ref, 10, 1, 60, 1e-14);
	test_specials();
	return tap_done();
}
