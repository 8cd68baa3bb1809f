/*
 * math_bessel.c - Bessel functions of integer order, jn and yn, in
 * extended precision.
 *
 * Below ASYMPTOTIC_MIN (or when the order exceeds x) Miller's algorithm
 * runs the recurrence J(k-1) = (2k/x) J(k) - J(k+1) downwards from far
 * above the wanted order, where it is stable, and normalises with
 * J0 + 2 (J2 + J4 + ...) = 1.  The same pass sums Neumann's series for Y0
 * and Y1:
 *   Y0 = (2/pi) ((ln(x/2) + gamma) J0 - 2 sum (-1)^k J(2k) / k)
 *   Y1 = -(2/pi) (J0 / x - (ln(x/2) + gamma) J1
 *                 - sum (-1)^k (J(2k-1) - J(2k+1)) / k)
 * (the second is the derivative of the first).  Above, Hankel's
 * asymptotic expansion gives J0, J1, Y0 and Y1.  Higher orders of Y, and
 * of J when x exceeds the order, come from the upward recurrence, which
 * is stable in those directions.
 */
#include <pc_math.h>
#include "mathk.h"

#define ASYMPTOTIC_MIN 25
#define EULER_GAMMA 0.577215664901532860606512090082402431L
#define HUGE_SCALE 1e1000L

struct miller { long double jn, j0, j1, y0, y1; };

/* J(n)(x), J0, J1 and (when want_y) Y0, Y1, for 0 < x. */
static void miller(int n, long double x, int want_y, struct miller *out)
{
	int top = (n > (int)x ? n : (int)x) + 40;
	top += (int)pc_sqrtl(40.0L * top);
	top += top & 1;				/* start on an even order */
	long double next = 0, cur = 1e-30L, norm = 0, s0 = 0, s1 = 0;
	long double jn = 0, j1 = 0;
	for (int k = top; k >= 1; k--) {
		/* cur is J(k), next is J(k+1) (unnormalised) */
		long double prev = 2.0L * k / x * cur - next;	/* J(k-1) */
		if (k == n)
			jn = cur;
		if (k == 1)
			j1 = cur;
		if (k % 2 == 0) {
			norm += 2 * cur;
			int m = k / 2;
			long double sign = (m % 2) ? -1 : 1;
			s0 += sign * cur / m;
			/* (J(2m-1) - J(2m+1)) / m: J(2m-1) is prev, J(2m+1) next */
			s1 += sign * (prev - next) / m;
		}
		next = cur;
		cur = prev;
		if (cur > HUGE_SCALE || cur < -HUGE_SCALE) {
			long double d = 1 / HUGE_SCALE;
			cur *= d, next *= d, norm *= d, s0 *= d, s1 *= d;
			jn *= d, j1 *= d;
		}
	}
	norm += cur;				/* cur is J0 */
	out->j0 = cur / norm;
	out->j1 = j1 / norm;
	out->jn = n == 0 ? out->j0 : jn / norm;
	if (!want_y)
		return;
	long double l = pc_logl_ld(x / 2) + EULER_GAMMA;
	out->y0 = 2 / PC_PIL * (l * out->j0 - 2 * s0 / norm);
	out->y1 = -2 / PC_PIL * (out->j0 / x - l * out->j1 - s1 / norm);
}

/* Hankel's expansion for order 0 or 1 and x >= ASYMPTOTIC_MIN:
 * J = sqrt(2/(pi x)) (P cos w - Q sin w), Y = ... (P sin w + Q cos w),
 * w = x - (2n + 1) pi / 4; the series are cut at their smallest term. */
static void hankel(int n, double x, long double *j, long double *y)
{
	long double mu = 4.0L * n * n, p = 1, q = 0, term = 1, last = 2;
	long double x8 = 8.0L * x;
	for (int k = 1; k < 200; k++) {
		term *= (mu - (2 * k - 1) * (2 * k - 1)) / (k * x8);
		long double mag = term < 0 ? -term : term;
		if (mag >= last || mag < 1e-22L)
			break;
		last = mag;
		if (k % 2)
			q += (k % 4 == 1) ? term : -term;
		else
			p += (k % 4 == 2) ? -term : term;
	}
	/* cos w and sin w from sin x and cos x, reduced exactly by libpc. */
	long double s = pc_sin(x), c = pc_cos(x);
	long double r = 0.70710678118654752440084436210484904L;
	long double cw, sw;	/* w = x - pi/4 (n = 0) or x - 3pi/4 (n = 1) */
	if (n == 0) {
		cw = r * (c + s);
		sw = r * (s - c);
	} else {
		cw = r * (s - c);
		sw = -r * (c + s);
	}
	long double amp = pc_sqrtl(2 / (PC_PIL * x));
	*j = amp * (p * cw - q * sw);
	*y = amp * (p * sw + q * cw);
}

double pc_jn(int n, double x)
{
	if (x != x)
		return x;
	long double sign = 1;
	if (n < 0) {
		n = -n;
		if (n % 2)
			sign = -sign;
	}
	if (x < 0) {
		x = -x;
		if (n % 2)
			sign = -sign;
	}
	if (__builtin_isinf(x))
		return 0;
	if (x == 0)
		return n == 0 ? 1 : 0;
	if (x < ASYMPTOTIC_MIN || n > x) {
		struct miller m;
		miller(n, x, 0, &m);
		return (double)(sign * m.jn);
	}
	long double j0, j1, y;
	hankel(0, x, &j0, &y);
	hankel(1, x, &j1, &y);
	for (int k = 1; k < n; k++) {
		long double j2 = 2.0L * k / x * j1 - j0;
		j0 = j1;
		j1 = j2;
	}
	return (double)(sign * (n == 0 ? j0 : j1));
}

double pc_yn(int n, double x)
{
	if (x != x)
		return x;
	long double sign = 1;
	if (n < 0) {
		n = -n;
		if (n % 2)
			sign = -sign;
	}
	if (x < 0)
		return __builtin_nan("");
	if (x == 0)
		return -__builtin_inf();
	if (__builtin_isinf(x))
		return 0;
	long double y0, y1, j;
	if (x < ASYMPTOTIC_MIN) {
		struct miller m;
		miller(1, x, 1, &m);
		y0 = m.y0;
		y1 = m.y1;
	} else {
		hankel(0, x, &j, &y0);
		hankel(1, x, &j, &y1);
	}
	for (int k = 1; k < n; k++) {
		long double y2 = 2.0L * k / x * y1 - y0;
		y0 = y1;
		y1 = y2;
		if (y1 < -1e4000L)
			return (double)(sign * -__builtin_inf());
	}
	return (double)(sign * (n == 0 ? y0 : y1));
}
