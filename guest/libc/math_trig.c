/*
 * math_trig.c - sin, cos, tan, asin, acos, atan, atan2.
 *
 * Arguments beyond pi/4 are reduced modulo pi/2 exactly (Payne-Hanek): the
 * needed window of the bits of 2/pi times the 53-bit significand gives the
 * quadrant and a 128-bit fraction, so even huge arguments and arguments
 * near multiples of pi/2 keep full precision.  The kernels then run in
 * extended precision.
 */
#include <pc_math.h>
#include "mathk.h"

/* The first 1280 fractional bits of 2/pi (computed from Machin's formula
 * in integer arithmetic). */
static const uint64_t two_over_pi[20] = {
	0xa2f9836e4e441529ull, 0xfc2757d1f534ddc0ull, 0xdb6295993c439041ull,
	0xfe5163abdebbc561ull, 0xb7246e3a424dd2e0ull, 0x06492eea09d1921cull,
	0xfe1deb1cb129a73eull, 0xe88235f52ebb4484ull, 0xe99c7026b45f7e41ull,
	0x3991d639835339f4ull, 0x9c845f8bbdf9283bull, 0x1ff897ffde05980full,
	0xef2f118b5a0a6d1full, 0x6d367ecf27cb09b7ull, 0x4f463f669e5fea2dull,
	0x7527bac7ebe5f17bull, 0x3d0739f78a5292eaull, 0x6bfb5fb11f8d5d08ull,
	0x56033046fc7b6babull, 0xf0cfbc209af4361dull,
};

/* 64 bits of 2/pi starting at fractional bit `first` (1-based). */
static uint64_t bits_2opi(int first)
{
	int s = first - 1, w = s / 64, b = s % 64;

	if (b == 0)
		return two_over_pi[w];
	return (two_over_pi[w] << b) | (two_over_pi[w + 1] >> (64 - b));
}

/* 64 bits of the 256-bit little-endian p starting at bit pos. */
static uint64_t bits_at(const uint64_t p[4], int pos)
{
	int w = pos / 64, b = pos % 64;
	uint64_t lo = p[w] >> b;

	if (b && w + 1 < 4)
		lo |= p[w + 1] << (64 - b);
	return lo;
}

/* Reduces finite a >= 0 to r in [-pi/4, pi/4] with a = n * pi/2 + r;
 * returns n mod 4. */
static int reduce(double a, long double *r)
{
	if (a <= 0.785398163397448309615L) {
		*r = a;
		return 0;
	}
	uint64_t b = pc_dbits(a);
	uint64_t m = (b & ((1ull << 52) - 1)) | (1ull << 52);
	int e = (int)(b >> 52) - 1075;	/* a = m * 2^e */
	/* Bits of 2/pi worth 4 * m or more only add multiples of 2 pi. */
	int i0 = e - 1 > 1 ? e - 1 : 1;
	uint64_t w[3] = { bits_2opi(i0 + 128), bits_2opi(i0 + 64), bits_2opi(i0) };
	uint64_t p[4];
	unsigned __int128 t = 0;

	for (int i = 0; i < 3; i++) {
		t += (unsigned __int128)m * w[i];
		p[i] = (uint64_t)t;
		t >>= 64;
	}
	p[3] = (uint64_t)t;

	int F = 191 + i0 - e;	/* binary point of p */
	int n = (int)(bits_at(p, F) & 3);
	uint64_t hi = bits_at(p, F - 64), lo = bits_at(p, F - 128);
	if (hi >> 63)	/* fraction >= 1/2: take the next quadrant */
		n = (n + 1) & 3;
	/* The fraction as a signed 128-bit fixed-point number. */
	long double frac = ((long double)(int64_t)hi
			    + (long double)(int64_t)(lo >> 1) * 0x1p-63L) * 0x1p-64L;
	*r = frac * PC_PIO2L;
	return n;
}

static long double sin_k(long double r)
{
	long double r2 = r * r, sum = 0;

	for (int n = 23; n >= 3; n -= 2)
		sum = -r2 / ((long double)n * (n - 1)) * (1 + sum);
	return r + r * sum;
}

static long double cos_k(long double r)
{
	long double r2 = r * r, sum = 0;

	for (int n = 24; n >= 2; n -= 2)
		sum = -r2 / ((long double)n * (n - 1)) * (1 + sum);
	return 1 + sum;
}

double pc_sin(double x)
{
	long double r, v;
	int n;

	if (!__builtin_isfinite(x))
		return x - x;
	if (x == 0)
		return x;
	n = reduce(__builtin_fabs(x), &r);
	v = (n & 1) ? cos_k(r) : sin_k(r);
	if (n & 2)
		v = -v;
	return (double)(x < 0 ? -v : v);
}

double pc_cos(double x)
{
	long double r, v;
	int n;

	if (!__builtin_isfinite(x))
		return x - x;
	n = reduce(__builtin_fabs(x), &r);
	v = (n & 1) ? sin_k(r) : cos_k(r);
	return (double)((n == 1 || n == 2) ? -v : v);
}

double pc_tan(double x)
{
	long double r, v;
	int n;

	if (!__builtin_isfinite(x))
		return x - x;
	if (x == 0)
		return x;
	n = reduce(__builtin_fabs(x), &r);
	v = (n & 1) ? -cos_k(r) / sin_k(r) : sin_k(r) / cos_k(r);
	return (double)(x < 0 ? -v : v);
}

long double pc_atanl_k(long double t)
{
	int neg = t < 0, inv = 0, halvings = 0;
	long double sum = 0, t2;

	if (neg)
		t = -t;
	if (t > 1) {
		t = 1 / t;
		inv = 1;
	}
	/* atan t = 2 atan(t / (1 + sqrt(1 + t^2))): three halvings bring t
	 * below tan(pi/32), where 11 series terms reach 2^-66. */
	for (; halvings < 3; halvings++)
		t = t / (1 + pc_sqrtl(1 + t * t));
	t2 = t * t;
	for (int n = 23; n >= 3; n -= 2)
		sum = t2 * (-1.0L / n - sum);
	t = (t + t * sum) * (1 << halvings);
	if (inv)
		t = PC_PIO2L - t;
	return neg ? -t : t;
}

double pc_atan(double x)
{
	if (x != x)
		return x;
	if (__builtin_isinf(x))
		return (double)(x < 0 ? -PC_PIO2L : PC_PIO2L);
	if (x == 0)
		return x;
	return (double)pc_atanl_k(x);
}

double pc_atan2(double y, double x)
{
	long double a;

	if (x != x || y != y)
		return x + y;
	if (y == 0) {
		/* +-0 keeps the sign of y; pi when x is negative or -0 */
		if (__builtin_signbit(x))
			return (double)(__builtin_signbit(y) ? -PC_PIL : PC_PIL);
		return y;
	}
	if (__builtin_isinf(x)) {
		if (__builtin_isinf(y))
			a = x > 0 ? PC_PIO2L / 2 : 3 * PC_PIO2L / 2;
		else
			a = x > 0 ? 0 : PC_PIL;
		return (double)(y < 0 ? -a : a);
	}
	if (x == 0 || __builtin_isinf(y))
		return (double)(y < 0 ? -PC_PIO2L : PC_PIO2L);
	a = pc_atanl_k((long double)y / x);
	if (x < 0)
		a += y < 0 ? -PC_PIL : PC_PIL;
	return (double)a;
}

double pc_asin(double x)
{
	if (x != x)
		return x;
	if (x > 1 || x < -1)
		return __builtin_nan("");
	if (x == 1 || x == -1)
		return (double)(x * PC_PIO2L);
	if (x == 0)
		return x;
	long double lx = x;
	return (double)pc_atanl_k(lx / pc_sqrtl((1 - lx) * (1 + lx)));
}

double pc_acos(double x)
{
	if (x != x)
		return x;
	if (x > 1 || x < -1)
		return __builtin_nan("");
	if (x == -1)
		return (double)PC_PIL;
	long double lx = x;
	return (double)(2 * pc_atanl_k(pc_sqrtl((1 - lx) / (1 + lx))));
}
