/*
 * num_int.c - exact integers (fixnums and bignums) and exact rationals.
 */
#include <string.h>
#include <math.h>
#include "num_int.h"

uint64_t *num_scratch(P *p, size_t limbs)
{
	return P_RAW(p_alloc(p, T_BYTES, (limbs ? limbs : 1) * sizeof(uint64_t)));
}

val num_big_alloc(P *p, size_t cap)
{
	return p_alloc(p, T_BIGNUM, sizeof(intptr_t) + (cap ? cap : 1) * sizeof(uint64_t));
}

val num_big_done(val b, int neg, size_t n)
{
	const uint64_t *d = NUM_BIG_LIMBS(b);

	n = big_norm(d, n);
	if (n == 0)
		return P_FIX(0);
	if (n == 1) {
		if (!neg && d[0] <= (uint64_t)P_FIX_MAX)
			return P_FIX((intptr_t)d[0]);
		if (neg && d[0] <= (uint64_t)P_FIX_MAX + 1)
			return P_FIX(-(intptr_t)(d[0] - 1) - 1);
	}
	NUM_BIG_COUNT(b) = neg ? -(intptr_t)n : (intptr_t)n;
	return b;
}

val num_int_make(P *p, int neg, const uint64_t *d, size_t n)
{
	n = big_norm(d, n);
	val b = num_big_alloc(p, n);
	memcpy(NUM_BIG_LIMBS(b), d, n * sizeof *d);
	return num_big_done(b, neg, n);
}

val p_from_int64(P *p, int64_t n)
{
	if (n >= P_FIX_MIN && n <= P_FIX_MAX)
		return P_FIX(n);
	uint64_t m = n < 0 ? -(uint64_t)n : (uint64_t)n;
	return num_int_make(p, n < 0, &m, 1);
}

int p_to_int64(val v, int64_t *out)
{
	if (P_IS_FIX(v)) {
		*out = P_FIXVAL(v);
		return 1;
	}
	if (!NUM_IS_BIG(v))
		return 0;
	intptr_t c = NUM_BIG_COUNT(v);
	uint64_t m = NUM_BIG_LIMBS(v)[0];
	if (c == 1 && m <= (uint64_t)INT64_MAX) {
		*out = (int64_t)m;
		return 1;
	}
	if (c == -1 && m <= (uint64_t)INT64_MAX + 1) {
		*out = (int64_t)(0 - m);
		return 1;
	}
	return 0;
}

int num_int_sign(val a)
{
	if (P_IS_FIX(a))
		return P_FIXVAL(a) < 0 ? -1 : P_FIXVAL(a) > 0;
	return NUM_BIG_COUNT(a) < 0 ? -1 : 1;
}

int num_int_is_odd(val a)
{
	if (P_IS_FIX(a))
		return (int)(P_FIXVAL(a) & 1);
	return (int)(NUM_BIG_LIMBS(a)[0] & 1);
}

int num_int_cmp(val a, val b)
{
	if (P_IS_FIX(a) && P_IS_FIX(b))
		return P_FIXVAL(a) < P_FIXVAL(b) ? -1 : P_FIXVAL(a) > P_FIXVAL(b);
	struct ibig x, y;
	ib_of(&x, a);
	ib_of(&y, b);
	if (x.neg != y.neg)
		return x.neg ? -1 : 1;
	int c = big_cmp(x.d, x.n, y.d, y.n);
	return x.neg ? -c : c;
}

/* Sign-magnitude sum of x and y, y's sign flipped when negate_y. */
static val add_views(P *p, const struct ibig *x, const struct ibig *y, int ny)
{
	val r;

	if (x->neg == ny) {
		size_t cap = (x->n > y->n ? x->n : y->n) + 1;
		r = num_big_alloc(p, cap);
		return num_big_done(r, ny, big_add(NUM_BIG_LIMBS(r), x->d, x->n, y->d, y->n));
	}
	if (big_cmp(x->d, x->n, y->d, y->n) >= 0) {
		r = num_big_alloc(p, x->n);
		return num_big_done(r, x->neg, big_sub(NUM_BIG_LIMBS(r), x->d, x->n, y->d, y->n));
	}
	r = num_big_alloc(p, y->n);
	return num_big_done(r, ny, big_sub(NUM_BIG_LIMBS(r), y->d, y->n, x->d, x->n));
}

val num_int_add(P *p, val a, val b)
{
	if (P_IS_FIX(a) && P_IS_FIX(b))
		return p_from_int64(p, (int64_t)P_FIXVAL(a) + P_FIXVAL(b));
	struct ibig x, y;
	ib_of(&x, a);
	ib_of(&y, b);
	return add_views(p, &x, &y, y.neg);
}

val num_int_sub(P *p, val a, val b)
{
	if (P_IS_FIX(a) && P_IS_FIX(b))
		return p_from_int64(p, (int64_t)P_FIXVAL(a) - P_FIXVAL(b));
	struct ibig x, y;
	ib_of(&x, a);
	ib_of(&y, b);
	return add_views(p, &x, &y, !y.neg && y.n);
}

val num_int_neg(P *p, val a)
{
	if (P_IS_FIX(a))
		return p_from_int64(p, -(int64_t)P_FIXVAL(a));
	struct ibig x;
	ib_of(&x, a);
	return num_int_make(p, !x.neg, x.d, x.n);
}

val num_int_mul(P *p, val a, val b)
{
	if (P_IS_FIX(a) && P_IS_FIX(b)) {
		int64_t r;
		if (!__builtin_mul_overflow((int64_t)P_FIXVAL(a), (int64_t)P_FIXVAL(b), &r))
			return p_from_int64(p, r);
	}
	struct ibig x, y;
	ib_of(&x, a);
	ib_of(&y, b);
	if (x.n == 0 || y.n == 0)
		return P_FIX(0);
	val r = num_big_alloc(p, x.n + y.n);
	uint64_t *s = NULL;
	if (x.n >= 32 && y.n >= 32)
		s = num_scratch(p, big_mul_scratch(x.n, y.n));
	size_t n = big_mul(NUM_BIG_LIMBS(r), x.d, x.n, y.d, y.n, s);
	return num_big_done(r, x.neg != y.neg, n);
}

void num_int_divmod(P *p, val a, val b, val *q, val *r)
{
	if (P_IS_FIX(a) && P_IS_FIX(b)) {
		int64_t x = P_FIXVAL(a), y = P_FIXVAL(b);
		if (q)
			*q = p_from_int64(p, x / y);
		if (r)
			*r = P_FIX(x % y);
		return;
	}
	struct ibig x, y;
	ib_of(&x, a);
	ib_of(&y, b);
	if (big_cmp(x.d, x.n, y.d, y.n) < 0) {
		if (q)
			*q = P_FIX(0);
		if (r)
			*r = a;
		return;
	}
	if (y.n == 1) {
		val qo = num_big_alloc(p, x.n);
		uint64_t rem = big_divmod_1(NUM_BIG_LIMBS(qo), x.d, x.n, y.d[0]);
		if (q)
			*q = num_big_done(qo, x.neg != y.neg, x.n);
		if (r)
			*r = num_int_make(p, x.neg, &rem, 1);
		return;
	}
	val qo = num_big_alloc(p, x.n - y.n + 1);
	val ro = num_big_alloc(p, y.n);
	uint64_t *s = num_scratch(p, big_div_scratch(x.n, y.n));
	big_divmod(NUM_BIG_LIMBS(qo), NUM_BIG_LIMBS(ro), x.d, x.n, y.d, y.n, s);
	if (q)
		*q = num_big_done(qo, x.neg != y.neg, x.n - y.n + 1);
	if (r)
		*r = num_big_done(ro, x.neg, y.n);
}

val num_int_gcd(P *p, val a, val b)
{
	struct ibig x, y;
	ib_of(&x, a);
	ib_of(&y, b);
	if (x.n <= 1 && y.n <= 1) {
		uint64_t g = big_gcd_1(x.n ? x.d[0] : 0, y.n ? y.d[0] : 0);
		return num_int_make(p, 0, &g, 1);
	}
	size_t cap = x.n > y.n ? x.n : y.n;
	val r = num_big_alloc(p, cap);
	uint64_t *s = num_scratch(p, big_gcd_scratch(x.n, y.n));
	return num_big_done(r, 0, big_gcd(NUM_BIG_LIMBS(r), x.d, x.n, y.d, y.n, s));
}

val num_int_shl(P *p, val a, size_t bits)
{
	struct ibig x;
	ib_of(&x, a);
	if (x.n == 0)
		return P_FIX(0);
	val r = num_big_alloc(p, x.n + bits / 64 + 1);
	return num_big_done(r, x.neg, big_shl(NUM_BIG_LIMBS(r), x.d, x.n, bits));
}

size_t num_int_bitlen(val a)
{
	struct ibig x;
	ib_of(&x, a);
	return big_bitlen(x.d, x.n);
}

/* Rounds q * 2^e to a double, q below 2^55 with `sticky` telling whether
 * anything nonzero lies below q's last bit (to nearest, ties to even). */
static double round_to_double(uint64_t q, int e, int sticky)
{
	while (q >= 1ull << 54) {
		sticky |= (int)(q & 1);
		q >>= 1;
		e++;
	}
	/* Keep 53 bits plus a rounding bit, or fewer in the subnormal range. */
	int lsb = e + 1;	/* weight of the 53-bit mantissa's unit */
	uint64_t mant = q >> 1;
	int half = (int)(q & 1);
	while (lsb < -1074) {
		sticky |= half;
		half = (int)(mant & 1);
		mant >>= 1;
		lsb++;
	}
	if (half && (sticky || (mant & 1)))
		mant++;
	return ldexp((double)mant, lsb);
}

double num_int_to_double(val a)
{
	if (P_IS_FIX(a))
		return (double)P_FIXVAL(a);
	struct ibig x;
	ib_of(&x, a);
	size_t bl = big_bitlen(x.d, x.n);
	if (bl > 1100)
		return x.neg ? -__builtin_inf() : __builtin_inf();
	/* The top 55 bits and whether anything below them is set. */
	size_t shift = bl - 55;
	uint64_t top = 0;
	for (int i = 0; i < 55; i++) {
		size_t bit = shift + (size_t)i;
		if ((x.d[bit / 64] >> (bit % 64)) & 1)
			top |= 1ull << i;
	}
	int sticky = big_low_bits_nonzero(x.d, x.n, shift);
	double d = round_to_double(top, (int)shift, sticky);
	return x.neg ? -d : d;
}

double num_ratio_to_double(P *p, val n, val d)
{
	/* Both exact in a double: one IEEE division rounds correctly. */
	if (P_IS_FIX(n) && P_IS_FIX(d) && P_FIXVAL(n) < (1LL << 53) &&
	    P_FIXVAL(n) > -(1LL << 53) && P_FIXVAL(d) < (1LL << 53))
		return (double)P_FIXVAL(n) / (double)P_FIXVAL(d);
	int neg = num_int_sign(n) < 0;
	if (neg)
		n = num_int_neg(p, n);
	long nl = (long)num_int_bitlen(n), dl = (long)num_int_bitlen(d);
	if (nl == 0)
		return 0;
	if (nl - dl > 1026)
		return neg ? -__builtin_inf() : __builtin_inf();
	if (nl - dl < -1200)
		return neg ? -0.0 : 0.0;
	/* Scale by 2^-b so that the quotient has 54 or 55 bits. */
	long b = nl - dl - 54;
	if (b < -1076)
		b = -1076;
	if (b >= 0)
		d = num_int_shl(p, d, (size_t)b);
	else
		n = num_int_shl(p, n, (size_t)-b);
	val q, r;
	num_int_divmod(p, n, d, &q, &r);
	int64_t qv = 0;
	p_to_int64(q, &qv);
	double v = round_to_double((uint64_t)qv, (int)b, num_int_sign(r) != 0);
	return neg ? -v : v;
}

val num_make_ratio(P *p, val n, val d)
{
	if (num_int_sign(d) < 0) {
		n = num_int_neg(p, n);
		d = num_int_neg(p, d);
	}
	if (d == P_FIX(1))
		return n;
	val g = num_int_gcd(p, n, d);
	if (g != P_FIX(1)) {
		num_int_divmod(p, n, g, &n, NULL);
		num_int_divmod(p, d, g, &d, NULL);
	}
	if (d == P_FIX(1))
		return n;
	val r = p_alloc(p, T_RATNUM, 2 * sizeof(val));
	NUM_RAT_NUM(r) = n;
	NUM_RAT_DEN(r) = d;
	return r;
}

val num_exact_numer(val x)
{
	return NUM_IS_RAT(x) ? NUM_RAT_NUM(x) : x;
}

val num_exact_denom(val x)
{
	return NUM_IS_RAT(x) ? NUM_RAT_DEN(x) : P_FIX(1);
}

val num_from_double_exact(P *p, double d)
{
	uint64_t bits;
	memcpy(&bits, &d, sizeof bits);
	int be = (int)((bits >> 52) & 0x7ff);
	uint64_t m = bits & ((1ull << 52) - 1);
	int e = be ? be - 1075 : -1074;
	if (be)
		m |= 1ull << 52;
	if (m == 0)
		return P_FIX(0);
	int neg = (int)(bits >> 63);
	if (e < 0) {
		int tz = __builtin_ctzll(m);
		int s = tz < -e ? tz : -e;
		m >>= s;
		e += s;
	}
	val mv = num_int_make(p, neg, &m, 1);
	if (e >= 0)
		return num_int_shl(p, mv, (size_t)e);
	/* m is odd here, so m / 2^-e is already in lowest terms. */
	val r = p_alloc(p, T_RATNUM, 2 * sizeof(val));
	NUM_RAT_NUM(r) = mv;
	NUM_RAT_DEN(r) = num_int_shl(p, P_FIX(1), (size_t)-e);
	return r;
}
