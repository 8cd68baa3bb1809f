/*
 * strtod.c - correctly rounded decimal to double (pc_strtod).
 *
 * Short inputs take the exact fast path (an integer below 2^53 times or
 * divided by an exactly representable power of ten: one IEEE operation,
 * hence one rounding).  Everything else is done exactly: the value
 * D * 10^E becomes a ratio of big integers N/M, scaled by 2^-b so that
 * the quotient has 54 or 55 bits; the quotient's low bit(s) and the
 * remainder decide the rounding, ties to even.
 *
 * Mantissas longer than KEEP significant digits are cut there with a
 * sticky nonzero digit appended when anything nonzero was cut: a halfway
 * point between two doubles never needs more than 767 significant digits,
 * so the cut never moves the result across one.
 */
#include <stdint.h>
#include <string.h>
#include <pcfloat.h>
#include "bn.h"

#define KEEP 780

static double from_bits(uint64_t b)
{
	double d;
	memcpy(&d, &b, sizeof d);
	return d;
}

/* floor(N / M) for a quotient known to be below 2^55; N becomes the
 * remainder. */
static uint64_t small_quotient(struct bn *n, const struct bn *m)
{
	struct bn t = *m;
	uint64_t q = 0;

	bn_shl(&t, 54);
	for (int i = 54; i >= 0; i--) {
		if (bn_cmp(n, &t) >= 0) {
			bn_sub(n, &t);
			q |= 1ull << i;
		}
		bn_shr1(&t);
	}
	return q;
}

static double slow_path(const char *dig, int nd, int e)
{
	struct bn n, m;
	int i = 0;

	n.n = 0;
	while (i < nd) {
		uint32_t chunk = 0, scale = 1;
		for (int j = 0; j < 9 && i < nd; j++, i++) {
			chunk = chunk * 10 + (uint32_t)(dig[i] - '0');
			scale *= 10;
		}
		bn_mul_small(&n, scale);
		bn_add_small(&n, chunk);
	}
	bn_set_u64(&m, 1);
	if (e >= 0)
		bn_mul_pow10(&n, e);
	else
		bn_mul_pow10(&m, -e);

	int b = bn_bitlen(&n) - bn_bitlen(&m) - 54;
	if (b < -1075)
		b = -1075;
	if (b >= 0)
		bn_shl(&m, b);
	else
		bn_shl(&n, -b);
	uint64_t q = small_quotient(&n, &m);
	int sticky = n.n != 0;
	if (q >= 1ull << 54) {
		sticky |= (int)(q & 1);
		q >>= 1;
		b++;
	}
	uint64_t mant = q >> 1;
	int lsb_exp = b + 1;	/* value of mant's unit: 2^lsb_exp */
	if ((q & 1) && (sticky || (mant & 1)))
		mant++;
	if (mant == 1ull << 53) {
		mant >>= 1;
		lsb_exp++;
	}
	if (mant < 1ull << 52)	/* subnormal (lsb_exp is -1074) or zero */
		return from_bits(mant);
	int biased = lsb_exp + 52 + 1023;
	if (biased > 2046)
		return __builtin_inf();
	return from_bits(((uint64_t)biased << 52) | (mant - (1ull << 52)));
}

int pc_strtod(const char *s, size_t len, double *out)
{
	static const double pow10[23] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
		1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
		1e18, 1e19, 1e20, 1e21, 1e22 };
	char dig[KEEP + 1];
	size_t i = 0;
	int neg = 0, nd = 0, any = 0, cut = 0, dot = 0;
	long e = 0;		/* decimal exponent of dig's last digit */
	double v;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	for (; i < len; i++) {
		char c = s[i];
		if (c == '.' && !dot) {
			dot = 1;
			continue;
		}
		if (c < '0' || c > '9')
			break;
		any = 1;
		if (nd == 0 && c == '0') {
			if (dot)
				e--;
			continue;
		}
		if (nd < KEEP) {
			dig[nd++] = c;
			if (dot)
				e--;
		} else {
			cut |= c != '0';
			if (!dot)
				e++;
		}
	}
	if (!any)
		return -1;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		int eneg = 0, edig = 0;
		long x = 0;
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			eneg = s[i++] == '-';
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, edig = 1)
			if (x < 100000000)
				x = x * 10 + (s[i] - '0');
		if (!edig)
			return -1;
		e += eneg ? -x : x;
	}
	if (i != len)
		return -1;
	if (cut) {
		dig[nd++] = '1';
		e--;
	}
	while (nd > 0 && dig[nd - 1] == '0') {
		nd--;
		e++;
	}
	if (nd == 0) {
		v = 0;
	} else if (nd + e > 310) {
		v = __builtin_inf();
	} else if (nd + e < -324) {
		v = 0;
	} else if (nd <= 15 && e >= -22 && e <= 22) {
		int64_t d = 0;
		for (int j = 0; j < nd; j++)
			d = d * 10 + (dig[j] - '0');
		v = e >= 0 ? (double)d * pow10[e] : (double)d / pow10[-e];
	} else {
		v = slow_path(dig, nd, (int)e);
	}
	*out = neg ? -v : v;
	return 0;
}
