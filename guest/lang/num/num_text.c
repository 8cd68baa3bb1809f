/*
 * num_text.c - R7RS number syntax: parsing (num_parse) and printing
 * (num_format).
 */
#include <string.h>
#include <math.h>
#include <pcfloat.h>
#include "num_int.h"

static int digit_of(char c, int radix)
{
	int d;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'z')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'Z')
		d = c - 'A' + 10;
	else
		return -1;
	return d < radix ? d : -1;
}

static int lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Exact unsigned integer from n valid digits. */
static val parse_uint(P *p, const char *s, size_t n, int radix)
{
	if (n <= 15 || (radix <= 10 && n <= 18)) {
		int64_t v = 0;
		for (size_t i = 0; i < n; i++)
			v = v * radix + digit_of(s[i], radix);
		return p_from_int64(p, v);
	}
	val b = num_big_alloc(p, big_from_text_limbs(n, radix));
	size_t len = big_from_text(NUM_BIG_LIMBS(b), s, n, radix);
	return num_big_done(b, 0, len);
}

static size_t span_digits(const char *s, size_t i, size_t n, int radix)
{
	while (i < n && digit_of(s[i], radix) >= 0)
		i++;
	return i;
}

/* 10^e as an exact integer. */
static val pow10_exact(P *p, long e)
{
	val r = P_FIX(1), b = P_FIX(10);
	while (e) {
		if (e & 1)
			r = num_int_mul(p, r, b);
		e >>= 1;
		if (e)
			b = num_int_mul(p, b, b);
	}
	return r;
}

/* Exponents beyond this in an exact decimal (#e1e99999999) are refused
 * rather than building an absurdly large integer. */
#define EXACT_EXP_MAX 100000

/* The unsigned real s[0..n): integer, ratio, or (radix 10) decimal.
 * exactness: 'e', 'i' or 0.  neg applies to the result.  P_FALSE if
 * malformed. */
static val parse_ureal(P *p, const char *s, size_t n, int radix, int exactness,
		       int neg)
{
	size_t i = span_digits(s, 0, n, radix);

	if (i == n && n > 0) {
		val v = parse_uint(p, s, n, radix);
		if (neg)
			v = num_int_neg(p, v);
		if (exactness == 'i') {
			if (v == P_FIX(0))
				return p_flonum(p, neg ? -0.0 : 0.0);
			return p_flonum(p, num_to_double(p, v));
		}
		return v;
	}
	if (i > 0 && i < n && s[i] == '/') {
		size_t j = span_digits(s, i + 1, n, radix);
		if (j != n || j == i + 1)
			return P_FALSE;
		val num = parse_uint(p, s, i, radix);
		val den = parse_uint(p, s + i + 1, n - i - 1, radix);
		if (den == P_FIX(0))
			return P_FALSE;
		if (neg)
			num = num_int_neg(p, num);
		val v = num_make_ratio(p, num, den);
		if (exactness == 'i') {
			if (v == P_FIX(0))
				return p_flonum(p, neg ? -0.0 : 0.0);
			return p_flonum(p, num_to_double(p, v));
		}
		return v;
	}
	if (radix != 10)
		return P_FALSE;
	/* Decimal: digits [. digits] [e [sign] digits], a digit somewhere
	 * in the mantissa. */
	size_t int_end = i, frac_start = i, frac_end = i, k = i, marker = 0;
	if (k < n && s[k] == '.') {
		frac_start = k + 1;
		frac_end = k = span_digits(s, k + 1, n, 10);
	}
	if (int_end == 0 && frac_end == frac_start)
		return P_FALSE;
	long ex = 0;
	/* e, and the s f d l of R6RS and older reports, in either case. */
	if (k < n && s[k] && strchr("eEsSfFdDlL", s[k])) {
		marker = k;
		size_t e0 = k + 1, e1;
		int eneg = 0;
		if (e0 < n && (s[e0] == '+' || s[e0] == '-'))
			eneg = s[e0++] == '-';
		e1 = span_digits(s, e0, n, 10);
		if (e1 == e0)
			return P_FALSE;
		for (size_t t = e0; t < e1; t++)
			if (ex < 100000000)
				ex = ex * 10 + (s[t] - '0');
		if (eneg)
			ex = -ex;
		k = e1;
	}
	if (k != n)
		return P_FALSE;
	if (exactness != 'e') {
		double d;
		if (marker && s[marker] != 'e' && s[marker] != 'E') {
			char *t = (char *)num_scratch(p, n / 8 + 1);
			memcpy(t, s, n);
			t[marker] = 'e';
			s = t;
		}
		if (pc_strtod(s, n, &d) != 0)
			return P_FALSE;
		return p_flonum(p, neg ? -d : d);
	}
	/* Exact decimal: all the mantissa digits over a power of ten. */
	long scale = ex - (long)(frac_end - frac_start);
	val m = parse_uint(p, s, int_end, 10);
	if (frac_end > frac_start) {
		if (frac_end - frac_start > EXACT_EXP_MAX)
			return P_FALSE;
		val f = parse_uint(p, s + frac_start, frac_end - frac_start, 10);
		m = num_int_add(p, num_int_mul(p, m, pow10_exact(p, (long)(frac_end - frac_start))), f);
	}
	if (m == P_FIX(0))
		return m;
	if (scale > EXACT_EXP_MAX || scale < -EXACT_EXP_MAX)
		return P_FALSE;
	if (neg)
		m = num_int_neg(p, m);
	if (scale >= 0)
		return num_int_mul(p, m, pow10_exact(p, scale));
	return num_make_ratio(p, m, pow10_exact(p, -scale));
}

static int match_ci(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);

	if (n != k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (lower(s[i]) != word[i])
			return 0;
	return 1;
}

/* A real: a signed or unsigned ureal, or an infinity or NaN. */
static val parse_real(P *p, const char *s, size_t n, int radix, int exactness)
{
	if (n == 6 && (s[0] == '+' || s[0] == '-')) {
		double special = 0;
		if (match_ci(s + 1, 5, "inf.0"))
			special = __builtin_inf();
		else if (match_ci(s + 1, 5, "nan.0"))
			special = __builtin_nan("");
		if (special != 0 || special != special) {
			if (exactness == 'e')
				return P_FALSE;
			return p_flonum(p, s[0] == '-' && special == special ? -special : special);
		}
	}
	int neg = 0;
	if (n > 0 && (s[0] == '+' || s[0] == '-')) {
		neg = s[0] == '-';
		s++;
		n--;
	}
	if (n == 0)
		return P_FALSE;
	return parse_ureal(p, s, n, radix, exactness, neg);
}

/* Whether the sign at s[k] belongs to an exponent (1e+5), not to the
 * imaginary part of a+bi: only decimals have exponent markers. */
static int exponent_sign(const char *s, size_t k, int radix)
{
	return radix == 10 && k >= 2 && strchr("eEsSfFdDlL", s[k - 1])
		&& ((s[k - 2] >= '0' && s[k - 2] <= '9') || s[k - 2] == '.');
}

/* The imaginary part before the i: a signed real, or a lone sign for 1. */
static val parse_imag(P *p, const char *s, size_t n, int radix, int exactness)
{
	if (n == 1) {
		val one = P_FIX(s[0] == '-' ? -1 : 1);
		return exactness == 'i' ? num_inexact(p, one) : one;
	}
	return parse_real(p, s, n, radix, exactness);
}

/* R7RS <complex R>: a real, a polar m@a, or a rectangular a+bi, +bi, +i,
 * whose imaginary part always carries its sign. */
static val parse_complex(P *p, const char *s, size_t n, int radix, int exactness)
{
	const char *at = memchr(s, '@', n);
	if (at) {
		size_t k = (size_t)(at - s);
		val m = parse_real(p, s, k, radix, exactness);
		val a = parse_real(p, at + 1, n - k - 1, radix, exactness);
		if (m == P_FALSE || a == P_FALSE)
			return P_FALSE;
		val z = num_make_polar(p, m, a);
		if (exactness != 'e' || num_is_exact_number(z))
			return z;
		/* #e1@2: exact parts of the inexact point, if they are finite. */
		double re = P_FLOVAL(num_real_part(z)), im = P_FLOVAL(num_imag_part(z));
		if (!isfinite(re) || !isfinite(im))
			return P_FALSE;
		return num_exact(p, z, "string->number");
	}
	if (n < 2 || lower(s[n - 1]) != 'i')
		return parse_real(p, s, n, radix, exactness);
	size_t k = n - 2;
	while (k > 0 && !((s[k] == '+' || s[k] == '-') && !exponent_sign(s, k, radix)))
		k--;
	if (s[k] != '+' && s[k] != '-')
		return P_FALSE;
	val re = k ? parse_real(p, s, k, radix, exactness) : P_FIX(0);
	val im = parse_imag(p, s + k, n - 1 - k, radix, exactness);
	if (re == P_FALSE || im == P_FALSE)
		return P_FALSE;
	return num_make_rect(p, re, im);
}

val num_parse(P *p, const char *s, size_t n, int radix)
{
	int exactness = 0, radix_set = 0;

	while (n >= 2 && s[0] == '#') {
		int c = lower(s[1]);
		if (c == 'e' || c == 'i') {
			if (exactness)
				return P_FALSE;
			exactness = c;
		} else if (c == 'x' || c == 'b' || c == 'o' || c == 'd') {
			if (radix_set)
				return P_FALSE;
			radix_set = 1;
			radix = c == 'x' ? 16 : c == 'b' ? 2 : c == 'o' ? 8 : 10;
		} else {
			return P_FALSE;
		}
		s += 2;
		n -= 2;
	}
	if (n == 0)
		return P_FALSE;
	return parse_complex(p, s, n, radix, exactness);
}

/* Below this many limbs one pass of single-limb divisions is fastest. */
#define SPLIT_MIN_LIMBS 40

static size_t limbs(val x)
{
	struct ibig v;
	ib_of(&v, x);
	return v.n;
}

/* Writes nonnegative x in radix 10 to out, zero-padded to `pad` digits
 * when pad > 0, and returns the digit count.  Large numbers are split by
 * pw[level] = 10^(19 * 2^level) into halves converted separately, so the
 * work goes into a few big divisions instead of many single-limb ones. */
static size_t decimal(P *p, val x, val *pw, int level, size_t pad, char *out)
{
	size_t n;

	if (level < 0 || limbs(x) <= SPLIT_MIN_LIMBS) {
		struct ibig v;
		ib_of(&v, x);
		uint64_t *copy = num_scratch(p, v.n);
		memcpy(copy, v.d, v.n * sizeof *copy);
		char *tmp = (char *)num_scratch(p, big_text_len(v.n, 10) / 8 + 1);
		size_t len = big_to_text(tmp, copy, v.n, 10);
		if (pad && len == 1 && tmp[0] == '0')
			len = 0;
		n = pad > len ? pad - len : 0;
		memset(out, '0', n);
		memcpy(out + n, tmp, len);
		return n + len;
	}
	size_t half = (size_t)19 << level;
	val q, r;
	num_int_divmod(p, x, pw[level], &q, &r);
	if (!pad && q == P_FIX(0))
		return decimal(p, r, pw, level - 1, 0, out);
	n = decimal(p, q, pw, level - 1, pad > half ? pad - half : 0, out);
	return n + decimal(p, r, pw, level - 1, half, out + n);
}

static void emit_uint(P *p, val x, int radix,
		      void (*emit)(void *, const char *, size_t), void *ctx)
{
	struct ibig v;
	ib_of(&v, x);
	if (v.neg)
		emit(ctx, "-", 1);
	if (v.n <= 1) {
		char buf[72], *e = buf + sizeof buf, *q = e;
		uint64_t m = v.n ? v.d[0] : 0;
		do {
			*--q = "0123456789abcdefghijklmnopqrstuvwxyz"[m % (uint64_t)radix];
			m /= (uint64_t)radix;
		} while (m);
		emit(ctx, q, (size_t)(e - q));
		return;
	}
	char *out = (char *)num_scratch(p, big_text_len(v.n, radix) / 8 + 1);
	size_t len;
	if (radix == 10 && v.n > SPLIT_MIN_LIMBS) {
		val pw[40];
		int top = 0;
		val mag = v.neg ? num_int_neg(p, x) : x;
		pw[0] = num_int_mul(p, P_FIX(1000000000), P_FIX(10000000000));
		while (2 * limbs(pw[top]) <= v.n + 1 && top < 39) {
			pw[top + 1] = num_int_mul(p, pw[top], pw[top]);
			top++;
		}
		len = decimal(p, mag, pw, top, 0, out);
	} else {
		uint64_t *copy = num_scratch(p, v.n);
		memcpy(copy, v.d, v.n * sizeof *copy);
		len = big_to_text(out, copy, v.n, radix);
	}
	emit(ctx, out, len);
}

/* A finite flonum in radix 2, 8 or 16, where every double has a finite
 * expansion: its exact value's integer part, a point, and the fraction's
 * digits (at least one). */
static void emit_flonum_pow2(P *p, double d, int radix,
			     void (*emit)(void *, const char *, size_t), void *ctx)
{
	val e = num_exact(p, p_flonum(p, d < 0 ? -d : d), "number->string");
	val num = NUM_IS_RAT(e) ? NUM_RAT_NUM(e) : e;
	val den = NUM_IS_RAT(e) ? NUM_RAT_DEN(e) : P_FIX(1);
	val q, r;

	if (d < 0 || (d == 0 && 1 / d < 0))
		emit(ctx, "-", 1);
	num_int_divmod(p, num, den, &q, &r);
	emit_uint(p, q, radix, emit, ctx);
	emit(ctx, ".", 1);
	do {
		char c;
		num_int_divmod(p, num_int_mul(p, r, P_FIX(radix)), den, &q, &r);
		c = "0123456789abcdef"[P_FIXVAL(q)];
		emit(ctx, &c, 1);
	} while (r != P_FIX(0));
}

/* Whether the written form of the real x starts with its sign. */
static int writes_sign(val x)
{
	if (!P_IS_FLO(x))
		return num_int_sign(num_exact_numer(x)) < 0;
	double d = P_FLOVAL(x);
	return d != d || isinf(d) || signbit(d);
}

int num_format(P *p, val x, int radix,
	       void (*emit)(void *ctx, const char *s, size_t n), void *ctx)
{
	if (radix < 2 || radix > 36)
		return -1;
	switch (num_kind(x)) {
	case NK_CPX: {
		val re = NUM_CPX_RE(x), im = NUM_CPX_IM(x);
		/* An exact zero real part is left out: +2i. */
		if (re != P_FIX(0) && num_format(p, re, radix, emit, ctx) != 0)
			return -1;
		if (!writes_sign(im))
			emit(ctx, "+", 1);
		if (im == P_FIX(-1))
			emit(ctx, "-", 1);
		else if (im != P_FIX(1) && num_format(p, im, radix, emit, ctx) != 0)
			return -1;
		emit(ctx, "i", 1);
		return 0;
	}
	case NK_FIX:
	case NK_BIG:
		emit_uint(p, x, radix, emit, ctx);
		return 0;
	case NK_RAT:
		emit_uint(p, NUM_RAT_NUM(x), radix, emit, ctx);
		emit(ctx, "/", 1);
		emit_uint(p, NUM_RAT_DEN(x), radix, emit, ctx);
		return 0;
	case NK_FLO: {
		char buf[PC_DTOA_BUFSIZE];
		double d = P_FLOVAL(x);
		if (radix != 10 && (radix & (radix - 1)) == 0 && radix <= 16
		    && d - d == 0) {
			emit_flonum_pow2(p, d, radix, emit, ctx);
			return 0;
		}
		if (radix != 10 && d - d == 0)
			return -1;
		int len = pc_dtoa_shortest(d, buf);
		emit(ctx, buf, (size_t)len);
		return 0;
	}
	default:
		return -1;
	}
}
