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

struct cplx cm_log(struct cplx z)
{
	return mk(log(hypot(z.re, z.im)), atan2(z.im, z.re));
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

/* asin z = -i log(iz + sqrt(1 - z^2)) */
struct cplx cm_asin(struct cplx z)
{
	struct cplx iz = mk(-z.im, z.re);
	struct cplx l = cm_log(add(iz, cm_sqrt(sub(mk(1, 0), cm_mul(z, z)))));
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
