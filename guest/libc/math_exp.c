/*
 * math_exp.c - exponential and natural logarithm (pc_exp, pc_log) and their
 * extended-precision kernels.
 */
#include <pc_math.h>
#include "mathk.h"

/* ln 2 split so that k * LN2_HI is exact for |k| < 2^31. */
#define LN2_HI 0.69314718036912381649017333984375L
#define LN2_LO 1.9082149292705878161442656807550013e-10L

/* 2^k as a long double, |k| < 16000. */
static long double pow2l(int k)
{
	union {
		long double d;
		struct {
			uint64_t m;
			uint16_t se;
		} s;
	} u;

	u.d = 0;
	u.s.m = 1ull << 63;
	u.s.se = (uint16_t)(16383 + k);
	return u.d;
}

long double pc_expl_k(long double z)
{
	long double kf = z / PC_LN2L;
	int k = (int)(kf + (kf < 0 ? -0.5L : 0.5L));
	long double r = (z - k * LN2_HI) - k * LN2_LO;
	long double sum = 0;

	/* Taylor series of e^r - 1 for |r| <= ln2/2: the 18th term is below
	 * 2^-66. */
	for (int n = 18; n >= 1; n--)
		sum = r / n * (1 + sum);
	return (1 + sum) * pow2l(k);
}

long double pc_logl_k(double x)
{
	uint64_t b = pc_dbits(x);
	int k = 0;

	if ((b >> 52) == 0) {	/* subnormal: scale into the normal range */
		x *= 18446744073709551616.0;
		b = pc_dbits(x);
		k = -64;
	}
	k += (int)(b >> 52) - 1023;
	long double m = pc_bitsd((b & ((1ull << 52) - 1)) | (1023ull << 52));
	if (m > 1.41421356237309504880L) {
		m /= 2;
		k++;
	}
	/* ln m = 2 atanh s with s = (m-1)/(m+1), |s| <= 0.1716: 15 terms
	 * reach 2^-66. */
	long double f = m - 1, s = f / (2 + f), s2 = s * s, sum = 0;
	for (int n = 29; n >= 3; n -= 2)
		sum = s2 * (1.0L / n + sum);
	long double lnm = 2 * s + 2 * s * sum;
	return (k * LN2_HI + lnm) + k * LN2_LO;
}

double pc_exp(double x)
{
	if (x != x)
		return x;
	if (x > 1000)
		return __builtin_inf();
	if (x < -1000)
		return 0;
	return (double)pc_expl_k(x);
}

double pc_log(double x)
{
	if (x != x)
		return x;
	if (x < 0)
		return __builtin_nan("");
	if (x == 0)
		return -__builtin_inf();
	if (__builtin_isinf(x))
		return x;
	return (double)pc_logl_k(x);
}
