/*
 * num_cmath.c - elementary functions of complex doubles (see
 * num_cmath.h).
 */
#include <math.h>
#include "num_cmath.h"

#define PI_2 1.5707963267948966

static struct cplx mk(double re, double im)
{
	struct cplx z = { re, im };
	return z;
}

struct cplx cm_mul(struct cplx a, struct cplx b)
{
	return mk(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
}

static struct cplx sub(struct cplx a, struct cplx b)
{
	return mk(a.re - b.re, a.im - b.im);
}

static struct cplx add(struct cplx a, struct cplx b)
{
	return mk(a.re + b.re, a.im + b.im);
}

struct cplx cm_exp(struct cplx z)
{
	double m = exp(z.re);
	/* A real exponent stays real, with its zero's sign. */
	if (z.im == 0)
		return mk(m, z.im);
	return mk(m * cos(z.im), m * sin(z.im));
}

/* ln(1 + t) for t near 0, where ln(1 + t) would lose t's low digits:
 * u = 1 + t rounded, and ln u / (u - 1) varies slowly enough that
 * t times it is accurate (Goldberg's method). */
static double log1p_(double t)
{
	double u = 1 + t;
	if (u == 1)
		return t;
	return log(u) * t / (u - 1);
}

/* ln |z|; near |z| = 1 as ln(1 + (a-1)(a+1) + b^2) / 2, where a - 1 is
 * exact, so that log(1+1e-10i) keeps its real part of 5e-21. */
static double log_abs(double x, double y)
{
	double a = fabs(x), b = fabs(y);
	if (a < b) {
		double t = a;
		a = b;
		b = t;
	}
	if (a > 0.5 && a < 2 && b < 1)
		return log1p_((a - 1) * (a + 1) + b * b) / 2;
	return log(hypot(x, y));
}

struct cplx cm_log(struct cplx z)
{
	return mk(log_abs(z.re, z.im), atan2(z.im, z.re));
}

struct cplx cm_sqrt(struct cplx z)
{
	double x = z.re, y = z.im;
	if (isinf(y))
		return mk(__builtin_inf(), y);
	if (x != x || y != y)
		return mk(x + y, x + y);
	if (isinf(x))
		return x > 0 ? mk(x, copysign(0.0, y)) : mk(0.0, copysign(-x, y));
	if (x == 0 && y == 0)
		return mk(0.0, y);
	/* Tiny parts lose their low bits when halved: scale by 4^300 first,
	 * exactly, and the root back by 2^-300. */
	if (fabs(x) < 0x1p-1000 && fabs(y) < 0x1p-1000) {
		struct cplx r = cm_sqrt(mk(x * 0x1p600, y * 0x1p600));
		return mk(r.re * 0x1p-300, r.im * 0x1p-300);
	}
	/* t = sqrt((|x| + |z|) / 2), in halves so huge parts do not overflow. */
	double t = sqrt(fabs(x) / 2 + hypot(x, y) / 2);
	if (x >= 0)
		return mk(t, y / (2 * t));
	return mk(fabs(y) / (2 * t), copysign(t, y));
}

struct cplx cm_sin(struct cplx z)
{
	return mk(sin(z.re) * cosh(z.im), cos(z.re) * sinh(z.im));
}

struct cplx cm_cos(struct cplx z)
{
	return mk(cos(z.re) * cosh(z.im), -(sin(z.re) * sinh(z.im)));
}

/* tan(a+bi) = (sin 2a + i sinh 2b) / (cos 2a + cosh 2b).  Past |b| = 20
 * the imaginary part is +-1 to double precision, and cosh would
 * overflow long before the real part, 2 sin 2a e^-2|b|, underflows. */
struct cplx cm_tan(struct cplx z)
{
	double a2 = 2 * z.re, b2 = 2 * z.im;
	if (fabs(z.im) > 20)
		return mk(2 * sin(a2) * exp(-fabs(b2)), copysign(1.0, z.im));
	double d = cos(a2) + cosh(b2);
	return mk(sin(a2) / d, sinh(b2) / d);
}

/* Below this modulus asin and atan use their series: the logarithm in
 * their formulas sees 1 + iz and loses iz's low digits, a relative error
 * growing as 1e-16 / |z|^2. */
#define SERIES_MAX 0.1
/* Terms z^1 to z^23: the next is below 1e-24 of z for |z| < 0.1. */
#define SERIES_TERMS 12

/* The sum of c[k] z^(2k+1). */
static struct cplx odd_series(struct cplx z, const double c[SERIES_TERMS])
{
	struct cplx z2 = cm_mul(z, z), r = mk(c[SERIES_TERMS - 1], 0);
	for (int k = SERIES_TERMS - 2; k >= 0; k--) {
		r = cm_mul(r, z2);
		r.re += c[k];
	}
	return cm_mul(r, z);
}

/* asin: (2k)! / (4^k k!^2 (2k + 1)); atan: (-1)^k / (2k + 1). */
static const double asin_terms[SERIES_TERMS] = {
	1.0, 1.0 / 6, 3.0 / 40, 5.0 / 112, 35.0 / 1152, 63.0 / 2816,
	231.0 / 13312, 143.0 / 10240, 6435.0 / 557056, 12155.0 / 1245184,
	46189.0 / 5505024, 88179.0 / 12058624,
};
static const double atan_terms[SERIES_TERMS] = {
	1.0, -1.0 / 3, 1.0 / 5, -1.0 / 7, 1.0 / 9, -1.0 / 11,
	1.0 / 13, -1.0 / 15, 1.0 / 17, -1.0 / 19, 1.0 / 21, -1.0 / 23,
};

/* asin z = -i log(iz + w), w = sqrt(1 - z^2).  Where iz and w nearly
 * cancel, (iz + w)(w - iz) = 1 gives the same logarithm as -log(w - iz)
 * without the cancellation. */
struct cplx cm_asin(struct cplx z)
{
	if (hypot(z.re, z.im) < SERIES_MAX)
		return odd_series(z, asin_terms);
	struct cplx iz = mk(-z.im, z.re);
	/* 1 - z^2 negating the imaginary part, not subtracting it from 0,
	 * so that its zero keeps the side of the cut z came from. */
	struct cplx z2 = cm_mul(z, z);
	struct cplx w = cm_sqrt(mk(1 - z2.re, -z2.im));
	struct cplx s = add(iz, w), d = sub(w, iz), l;
	if (hypot(s.re, s.im) >= hypot(d.re, d.im)) {
		l = cm_log(s);
	} else {
		l = cm_log(d);
		l = mk(-l.re, -l.im);
	}
	return mk(l.im, -l.re);
}

/* acos z = pi/2 - asin z */
struct cplx cm_acos(struct cplx z)
{
	struct cplx a = cm_asin(z);
	return mk(PI_2 - a.re, -a.im);
}

/* atan z = (log(1 + iz) - log(1 - iz)) / 2i */
struct cplx cm_atan(struct cplx z)
{
	if (hypot(z.re, z.im) < SERIES_MAX)
		return odd_series(z, atan_terms);
	struct cplx d = sub(cm_log(mk(1 - z.im, z.re)), cm_log(mk(1 + z.im, -z.re)));
	return mk(d.im / 2, -d.re / 2);
}

struct cplx cm_pow(struct cplx a, struct cplx b)
{
	if (a.re == 0 && a.im == 0) {
		if (b.re == 0 && b.im == 0)
			return mk(1, 0);
		if (b.re > 0)
			return mk(0, 0);
		return mk(__builtin_nan(""), __builtin_nan(""));
	}
	return cm_exp(cm_mul(b, cm_log(a)));
}
