/*
 * num.c - generic arithmetic and comparison across the numeric tower, and
 * the conversions between exact and inexact numbers.
 *
 * Every operation first tries the fixnum and flonum cases inline; the
 * others go through exact integer/rational code (num_int.c), convert
 * both operands to doubles (inexact contagion), or work on the parts of
 * complex numbers with the real operations.
 */
#include <string.h>
#include <math.h>
#include <pfmt.h>
#include "num_int.h"

int p_is_number(val v)
{
	return num_kind(v) != NK_NONE;
}

int num_is_exact(val x)
{
	int k = num_kind(x);
	return k == NK_FIX || k == NK_BIG || k == NK_RAT;
}

int num_is_exact_number(val x)
{
	return num_is_exact(x) || (NUM_IS_CPX(x) && num_is_exact(NUM_CPX_RE(x)));
}

int num_is_real(val x)
{
	int k = num_kind(x);
	return k != NK_NONE && k != NK_CPX;
}

val num_real_part(val x)
{
	return NUM_IS_CPX(x) ? NUM_CPX_RE(x) : x;
}

val num_imag_part(val x)
{
	return NUM_IS_CPX(x) ? NUM_CPX_IM(x) : P_FIX(0);
}

val num_make_rect(P *p, val re, val im)
{
	if (im == P_FIX(0))
		return re;
	if (!num_is_exact(im) || !num_is_exact(re)) {
		re = num_inexact(p, re);
		im = num_inexact(p, im);
	}
	val z = p_alloc(p, T_COMPNUM, 2 * sizeof(val));
	NUM_CPX_RE(z) = re;
	NUM_CPX_IM(z) = im;
	return z;
}

val num_make_polar(P *p, val mag, val angle)
{
	if (angle == P_FIX(0))
		return mag;
	double m = num_to_double(p, mag), a = num_to_double(p, angle);
	return num_make_rect(p, p_flonum(p, m * cos(a)), p_flonum(p, m * sin(a)));
}

int num_is_exact_integer(val x)
{
	return P_IS_FIX(x) || NUM_IS_BIG(x);
}

int num_is_integer(val x)
{
	if (num_is_exact_integer(x))
		return 1;
	if (!P_IS_FLO(x))
		return 0;
	double d = P_FLOVAL(x);
	return isfinite(d) && trunc(d) == d;
}

int num_is_rational(val x)
{
	return num_is_exact(x) || (P_IS_FLO(x) && isfinite(P_FLOVAL(x)));
}

double num_to_double(P *p, val x)
{
	switch (num_kind(x)) {
	case NK_FIX:
		return (double)P_FIXVAL(x);
	case NK_FLO:
		return P_FLOVAL(x);
	case NK_BIG:
		return num_int_to_double(x);
	case NK_RAT:
		return num_ratio_to_double(p, NUM_RAT_NUM(x), NUM_RAT_DEN(x));
	default:
		return 0;
	}
}

static void check2(P *p, const char *who, val x, val y)
{
	if (num_kind(x) == NK_NONE)
		p_type_error(p, who, 1, "number", x);
	if (num_kind(y) == NK_NONE)
		p_type_error(p, who, 2, "number", y);
}

/* z1 * z2 with at least one compnum.  A real factor scales each part
 * alone, so (* 2 +inf.0+1.0i) has no NaN from inf * 0. */
static val cpx_mul(P *p, val x, val y)
{
	val a = num_real_part(x), b = num_imag_part(x);
	val c = num_real_part(y), d = num_imag_part(y);
	if (!NUM_IS_CPX(x))
		return num_make_rect(p, num_mul(p, a, c), num_mul(p, a, d));
	if (!NUM_IS_CPX(y))
		return num_make_rect(p, num_mul(p, a, c), num_mul(p, b, c));
	return num_make_rect(p, num_sub(p, num_mul(p, a, c), num_mul(p, b, d)),
			     num_add(p, num_mul(p, a, d), num_mul(p, b, c)));
}

/* z1 / z2 with at least one compnum: exactly for exact parts, else in
 * doubles by Smith's method, which scales by the larger part of the
 * divisor so that c*c + d*d cannot overflow. */
static val cpx_div(P *p, val x, val y)
{
	val a = num_real_part(x), b = num_imag_part(x);
	val c = num_real_part(y), d = num_imag_part(y);
	if (!NUM_IS_CPX(y))
		return num_make_rect(p, num_div(p, a, c), num_div(p, b, c));
	if (num_is_exact_number(x) && num_is_exact_number(y)) {
		val den = num_add(p, num_mul(p, c, c), num_mul(p, d, d));
		val re = num_add(p, num_mul(p, a, c), num_mul(p, b, d));
		val im = num_sub(p, num_mul(p, b, c), num_mul(p, a, d));
		return num_make_rect(p, num_div(p, re, den), num_div(p, im, den));
	}
	double ar = num_to_double(p, a), ai = num_to_double(p, b);
	double br = num_to_double(p, c), bi = num_to_double(p, d), re, im;
	if (fabs(br) >= fabs(bi)) {
		double r = bi / br, t = br + bi * r;
		re = (ar + ai * r) / t;
		im = (ai - ar * r) / t;
	} else {
		double r = br / bi, t = br * r + bi;
		re = (ar * r + ai) / t;
		im = (ai * r - ar) / t;
	}
	return num_make_rect(p, p_flonum(p, re), p_flonum(p, im));
}

static val rat_add(P *p, val x, val y, int subtract)
{
	val a = num_exact_numer(x), b = num_exact_denom(x);
	val c = num_exact_numer(y), d = num_exact_denom(y);
	val ad = num_int_mul(p, a, d), cb = num_int_mul(p, c, b);
	val n = subtract ? num_int_sub(p, ad, cb) : num_int_add(p, ad, cb);
	return num_make_ratio(p, n, num_int_mul(p, b, d));
}

val num_add(P *p, val x, val y)
{
	if (P_IS_FIX(x) && P_IS_FIX(y))
		return p_from_int64(p, (int64_t)P_FIXVAL(x) + P_FIXVAL(y));
	if (P_IS_FLO(x) && P_IS_FLO(y))
		return p_flonum(p, P_FLOVAL(x) + P_FLOVAL(y));
	check2(p, "+", x, y);
	if (NUM_IS_CPX(x) || NUM_IS_CPX(y))
		return num_make_rect(p, num_add(p, num_real_part(x), num_real_part(y)),
				     num_add(p, num_imag_part(x), num_imag_part(y)));
	if (P_IS_FLO(x) || P_IS_FLO(y))
		return p_flonum(p, num_to_double(p, x) + num_to_double(p, y));
	if (num_is_exact_integer(x) && num_is_exact_integer(y))
		return num_int_add(p, x, y);
	return rat_add(p, x, y, 0);
}

val num_sub(P *p, val x, val y)
{
	if (P_IS_FIX(x) && P_IS_FIX(y))
		return p_from_int64(p, (int64_t)P_FIXVAL(x) - P_FIXVAL(y));
	if (P_IS_FLO(x) && P_IS_FLO(y))
		return p_flonum(p, P_FLOVAL(x) - P_FLOVAL(y));
	check2(p, "-", x, y);
	if (NUM_IS_CPX(x) || NUM_IS_CPX(y))
		return num_make_rect(p, num_sub(p, num_real_part(x), num_real_part(y)),
				     num_sub(p, num_imag_part(x), num_imag_part(y)));
	if (P_IS_FLO(x) || P_IS_FLO(y))
		return p_flonum(p, num_to_double(p, x) - num_to_double(p, y));
	if (num_is_exact_integer(x) && num_is_exact_integer(y))
		return num_int_sub(p, x, y);
	return rat_add(p, x, y, 1);
}

val num_neg(P *p, val x)
{
	switch (num_kind(x)) {
	case NK_FIX:
	case NK_BIG:
		return num_int_neg(p, x);
	case NK_FLO:
		return p_flonum(p, -P_FLOVAL(x));
	case NK_RAT: {
		val n = num_int_neg(p, NUM_RAT_NUM(x));
		val r = p_alloc(p, T_RATNUM, 2 * sizeof(val));
		NUM_RAT_NUM(r) = n;
		NUM_RAT_DEN(r) = NUM_RAT_DEN(x);
		return r;
	}
	case NK_CPX:
		return num_make_rect(p, num_neg(p, NUM_CPX_RE(x)), num_neg(p, NUM_CPX_IM(x)));
	default:
		p_type_error(p, "-", 1, "number", x);
	}
}

val num_mul(P *p, val x, val y)
{
	if (P_IS_FIX(x) && P_IS_FIX(y))
		return num_int_mul(p, x, y);
	if (P_IS_FLO(x) && P_IS_FLO(y))
		return p_flonum(p, P_FLOVAL(x) * P_FLOVAL(y));
	check2(p, "*", x, y);
	if (NUM_IS_CPX(x) || NUM_IS_CPX(y))
		return cpx_mul(p, x, y);
	if (P_IS_FLO(x) || P_IS_FLO(y))
		return p_flonum(p, num_to_double(p, x) * num_to_double(p, y));
	if (num_is_exact_integer(x) && num_is_exact_integer(y))
		return num_int_mul(p, x, y);
	val a = num_exact_numer(x), b = num_exact_denom(x);
	val c = num_exact_numer(y), d = num_exact_denom(y);
	return num_make_ratio(p, num_int_mul(p, a, c), num_int_mul(p, b, d));
}

val num_div(P *p, val x, val y)
{
	if (P_IS_FLO(x) && P_IS_FLO(y))
		return p_flonum(p, P_FLOVAL(x) / P_FLOVAL(y));
	check2(p, "/", x, y);
	if (NUM_IS_CPX(x) || NUM_IS_CPX(y)) {
		if (y == P_FIX(0) && num_is_exact_number(x))
			p_raise_error(p, PE_ERROR, "/: division by zero", 1, x);
		return cpx_div(p, x, y);
	}
	if (P_IS_FLO(x) || P_IS_FLO(y))
		return p_flonum(p, num_to_double(p, x) / num_to_double(p, y));
	if (y == P_FIX(0))
		p_raise_error(p, PE_ERROR, "/: division by zero", 1, x);
	if (P_IS_FIX(x) && P_IS_FIX(y) && P_FIXVAL(x) % P_FIXVAL(y) == 0)
		return p_from_int64(p, P_FIXVAL(x) / P_FIXVAL(y));
	val a = num_exact_numer(x), b = num_exact_denom(x);
	val c = num_exact_numer(y), d = num_exact_denom(y);
	return num_make_ratio(p, num_int_mul(p, a, d), num_int_mul(p, b, c));
}

/* Integer division on integers (exact, or integral flonums).  kind: 't'
 * truncate, 'f' floor.  A zero divisor, exact or not, raises. */
void num_intdiv(P *p, const char *who, val x, val y, int kind, val *q, val *r)
{
	if (!num_is_integer(x))
		p_type_error(p, who, 1, "integer", x);
	if (!num_is_integer(y))
		p_type_error(p, who, 2, "integer", y);
	if (y == P_FIX(0) || (P_IS_FLO(y) && P_FLOVAL(y) == 0)) {
		char msg[80];
		pc_snprintf(msg, sizeof msg, "%s: division by zero", who);
		p_raise_error(p, PE_ERROR, msg, 1, x);
	}
	if (P_IS_FLO(x) || P_IS_FLO(y)) {
		double a = num_to_double(p, x), b = num_to_double(p, y);
		double rem = fmod(a, b);
		if (kind == 'f' && rem != 0 && (rem < 0) != (b < 0))
			rem += b;
		if (q)
			*q = p_flonum(p, round((a - rem) / b));
		if (r)
			*r = p_flonum(p, rem);
		return;
	}
	if (P_IS_FIX(x) && P_IS_FIX(y)) {
		int64_t a = P_FIXVAL(x), b = P_FIXVAL(y);
		int64_t qq = a / b, rr = a % b;
		if (kind == 'f' && rr != 0 && (rr < 0) != (b < 0)) {
			qq--;
			rr += b;
		}
		if (q)
			*q = p_from_int64(p, qq);
		if (r)
			*r = P_FIX(rr);
		return;
	}
	val qq, rr;
	num_int_divmod(p, x, y, &qq, &rr);
	if (kind == 'f' && num_int_sign(rr) != 0 &&
	    (num_int_sign(rr) < 0) != (num_int_sign(y) < 0)) {
		qq = num_int_sub(p, qq, P_FIX(1));
		rr = num_int_add(p, rr, y);
	}
	if (q)
		*q = qq;
	if (r)
		*r = rr;
}

val num_quotient(P *p, val x, val y)
{
	val q;
	num_intdiv(p, "quotient", x, y, 't', &q, NULL);
	return q;
}

val num_remainder(P *p, val x, val y)
{
	val r;
	num_intdiv(p, "remainder", x, y, 't', NULL, &r);
	return r;
}

val num_modulo(P *p, val x, val y)
{
	val r;
	num_intdiv(p, "modulo", x, y, 'f', NULL, &r);
	return r;
}

static int cmp_exact(P *p, val x, val y)
{
	if (num_is_exact_integer(x) && num_is_exact_integer(y))
		return num_int_cmp(x, y);
	/* a/b vs c/d with b, d > 0: compare ad with cb. */
	val ad = num_int_mul(p, num_exact_numer(x), num_exact_denom(y));
	val cb = num_int_mul(p, num_exact_numer(y), num_exact_denom(x));
	return num_int_cmp(ad, cb);
}

/* Compares exact x with double d (not NaN). */
static int cmp_exact_double(P *p, val x, double d)
{
	if (isinf(d))
		return d > 0 ? -1 : 1;
	if (P_IS_FIX(x) && P_FIXVAL(x) <= (1LL << 53) && P_FIXVAL(x) >= -(1LL << 53)) {
		double a = (double)P_FIXVAL(x);
		return a < d ? -1 : a > d;
	}
	return cmp_exact(p, x, num_from_double_exact(p, d));
}

int num_cmp(P *p, val x, val y)
{
	return num_order(p, "<", x, y);
}

int num_order(P *p, const char *who, val x, val y)
{
	if (P_IS_FIX(x) && P_IS_FIX(y))
		return P_FIXVAL(x) < P_FIXVAL(y) ? -1 : P_FIXVAL(x) > P_FIXVAL(y);
	int kx = num_kind(x), ky = num_kind(y);
	if (kx == NK_FLO && ky == NK_FLO) {
		double a = P_FLOVAL(x), b = P_FLOVAL(y);
		if (a != a || b != b)
			return 2;
		return a < b ? -1 : a > b;
	}
	if (kx == NK_NONE || kx == NK_CPX)
		p_type_error(p, who, 1, "real number", x);
	if (ky == NK_NONE || ky == NK_CPX)
		p_type_error(p, who, 2, "real number", y);
	if (kx == NK_FLO) {
		if (P_FLOVAL(x) != P_FLOVAL(x))
			return 2;
		return -cmp_exact_double(p, y, P_FLOVAL(x));
	}
	if (ky == NK_FLO) {
		if (P_FLOVAL(y) != P_FLOVAL(y))
			return 2;
		return cmp_exact_double(p, x, P_FLOVAL(y));
	}
	return cmp_exact(p, x, y);
}

int num_eq(P *p, val x, val y)
{
	if (P_IS_FIX(x) && P_IS_FIX(y))
		return x == y;
	if (NUM_IS_CPX(x) || NUM_IS_CPX(y)) {
		check2(p, "=", x, y);
		return num_order(p, "=", num_real_part(x), num_real_part(y)) == 0 &&
			num_order(p, "=", num_imag_part(x), num_imag_part(y)) == 0;
	}
	return num_order(p, "=", x, y) == 0;
}

int num_lt(P *p, val x, val y)
{
	if (P_IS_FIX(x) && P_IS_FIX(y))
		return P_FIXVAL(x) < P_FIXVAL(y);
	return num_cmp(p, x, y) == -1;
}

int num_eqv(val x, val y)
{
	if (x == y)
		return 1;
	int kx = num_kind(x);
	if (kx != num_kind(y))
		return 0;
	switch (kx) {
	case NK_FLO: {
		double a = P_FLOVAL(x), b = P_FLOVAL(y);
		return memcmp(&a, &b, sizeof a) == 0;
	}
	case NK_BIG: {
		intptr_t c = NUM_BIG_COUNT(x);
		size_t n = (size_t)(c < 0 ? -c : c);
		return c == NUM_BIG_COUNT(y) &&
			memcmp(NUM_BIG_LIMBS(x), NUM_BIG_LIMBS(y), n * sizeof(uint64_t)) == 0;
	}
	case NK_RAT:
	case NK_CPX:
		/* The slots of a ratnum and a compnum alike. */
		return num_eqv(P_SLOTS(x)[0], P_SLOTS(y)[0]) &&
			num_eqv(P_SLOTS(x)[1], P_SLOTS(y)[1]);
	default:
		return 0;
	}
}

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

uint64_t num_hash(val x)
{
	switch (num_kind(x)) {
	case NK_FLO: {
		double d = P_FLOVAL(x);
		uint64_t b;
		memcpy(&b, &d, sizeof b);
		return mix(b ^ 0x5555);
	}
	case NK_BIG: {
		intptr_t c = NUM_BIG_COUNT(x);
		size_t n = (size_t)(c < 0 ? -c : c);
		uint64_t h = (uint64_t)c;
		for (size_t i = 0; i < n; i++)
			h = mix(h ^ NUM_BIG_LIMBS(x)[i]);
		return h;
	}
	case NK_RAT:
	case NK_CPX:
		return mix(num_hash(P_SLOTS(x)[0]) * 31 + num_hash(P_SLOTS(x)[1]));
	default:
		return mix((uint64_t)x);
	}
}

val num_exact(P *p, val x, const char *who)
{
	switch (num_kind(x)) {
	case NK_FLO: {
		double d = P_FLOVAL(x);
		if (!isfinite(d)) {
			char msg[96];
			pc_snprintf(msg, sizeof msg, "%s: %s has no exact representation",
				    who, d != d ? "+nan.0" : d > 0 ? "+inf.0" : "-inf.0");
			p_raise_error(p, PE_ERROR, msg, 1, x);
		}
		if (d == trunc(d) && fabs(d) < 4e18)
			return p_from_int64(p, (int64_t)d);
		return num_from_double_exact(p, d);
	}
	case NK_CPX:
		return num_make_rect(p, num_exact(p, NUM_CPX_RE(x), who),
				     num_exact(p, NUM_CPX_IM(x), who));
	case NK_NONE:
		p_type_error(p, who, 1, "number", x);
	default:
		return x;
	}
}

val num_inexact(P *p, val x)
{
	switch (num_kind(x)) {
	case NK_FLO:
		return x;
	case NK_CPX:
		return num_make_rect(p, num_inexact(p, NUM_CPX_RE(x)), num_inexact(p, NUM_CPX_IM(x)));
	case NK_NONE:
		p_type_error(p, "inexact", 1, "number", x);
	default:
		return p_flonum(p, num_to_double(p, x));
	}
}
