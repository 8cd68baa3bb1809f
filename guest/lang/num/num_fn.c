/*
 * num_fn.c - the numeric procedures beyond arithmetic: exponentials and
 * logarithms, trigonometry, roots and powers, exactness conversion,
 * number <-> string, and (scheme complex) for real numbers only.
 */
#include <string.h>
#include <math.h>
#include <pfmt.h>
#include "num_prim.h"

_Noreturn void num_complex_error(P *p, const char *who, val x)
{
	char msg[96];
	pc_snprintf(msg, sizeof msg, "%s: complex numbers are not supported", who);
	p_raise_error(p, PE_ERROR, msg, 1, x);
}

/* ---- transcendental functions ---- */

/* ln of a positive real, also for exact values beyond the double range. */
static double log_of(P *p, val x)
{
	if (num_is_exact(x)) {
		val n = num_exact_numer(x), d = num_exact_denom(x);
		size_t nb = num_int_bitlen(n), db = num_int_bitlen(d);
		if (nb > 1000 || db > 1000) {
			/* ln(n/d) = ln(n / 2^a) - ln(d / 2^b) + (a - b) ln 2 */
			size_t a = nb > 64 ? nb - 64 : 0, b = db > 64 ? db - 64 : 0;
			val ns = n, ds = d;
			if (a)
				num_int_divmod(p, n, num_int_shl(p, P_FIX(1), a), &ns, NULL);
			if (b)
				num_int_divmod(p, d, num_int_shl(p, P_FIX(1), b), &ds, NULL);
			return log(num_to_double(p, ns)) - log(num_to_double(p, ds)) +
				((double)a - (double)b) * 0.6931471805599453;
		}
	}
	return log(num_to_double(p, x));
}

static double real_arg(P *p, const char *who, val *argv, int i)
{
	p_arg_expect(p, who, argv, i, p_is_number(argv[i]), "number");
	return num_to_double(p, argv[i]);
}

val num_pr_exp(P *p, int argc, val *argv)
{
	(void)argc;
	return p_flonum(p, exp(real_arg(p, "exp", argv, 0)));
}

val num_pr_log(P *p, int argc, val *argv)
{
	argc = p_arg_count(argc, argv);
	p_arg_numbers(p, "log", argc, argv, 0);
	for (int i = 0; i < argc; i++)
		if (num_sign(argv[i]) < 0)
			num_complex_error(p, "log", argv[i]);
	double r = num_sign(argv[0]) == 0 ? log(num_to_double(p, argv[0])) : log_of(p, argv[0]);
	if (argc == 2) {
		double b = num_sign(argv[1]) == 0 ? log(num_to_double(p, argv[1])) : log_of(p, argv[1]);
		r /= b;
	}
	return p_flonum(p, r);
}

val num_pr_sin(P *p, int argc, val *argv)
{
	(void)argc;
	return p_flonum(p, sin(real_arg(p, "sin", argv, 0)));
}

val num_pr_cos(P *p, int argc, val *argv)
{
	(void)argc;
	return p_flonum(p, cos(real_arg(p, "cos", argv, 0)));
}

val num_pr_tan(P *p, int argc, val *argv)
{
	(void)argc;
	return p_flonum(p, tan(real_arg(p, "tan", argv, 0)));
}

val num_pr_asin(P *p, int argc, val *argv)
{
	(void)argc;
	double x = real_arg(p, "asin", argv, 0);
	if (x > 1 || x < -1)
		num_complex_error(p, "asin", argv[0]);
	return p_flonum(p, asin(x));
}

val num_pr_acos(P *p, int argc, val *argv)
{
	(void)argc;
	double x = real_arg(p, "acos", argv, 0);
	if (x > 1 || x < -1)
		num_complex_error(p, "acos", argv[0]);
	return p_flonum(p, acos(x));
}

val num_pr_atan(P *p, int argc, val *argv)
{
	argc = p_arg_count(argc, argv);
	double y = real_arg(p, "atan", argv, 0);
	if (argc == 1)
		return p_flonum(p, atan(y));
	return p_flonum(p, atan2(y, real_arg(p, "atan", argv, 1)));
}

val num_pr_square(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "square", argc, argv, 0);
	return num_mul(p, argv[0], argv[0]);
}

/* floor(sqrt(n)) for an exact n >= 0, by Newton's method from above. */
static val isqrt(P *p, val n)
{
	if (P_IS_FIX(n)) {
		int64_t v = P_FIXVAL(n);
		int64_t s = (int64_t)sqrt((double)v);
		while (s * s > v)
			s--;
		while ((s + 1) * (s + 1) <= v)
			s++;
		return P_FIX(s);
	}
	val x = num_int_shl(p, P_FIX(1), (num_int_bitlen(n) + 1) / 2);
	for (;;) {
		val q, y;
		num_int_divmod(p, n, x, &q, NULL);
		num_int_divmod(p, num_int_add(p, x, q), P_FIX(2), &y, NULL);
		if (num_int_cmp(y, x) >= 0)
			return x;
		x = y;
	}
}

/* The exact square root of exact x >= 0, or P_FALSE if it is not one. */
static val exact_sqrt(P *p, val x)
{
	val n = num_exact_numer(x), d = num_exact_denom(x);
	val sn = isqrt(p, n);
	if (num_int_cmp(num_int_mul(p, sn, sn), n) != 0)
		return P_FALSE;
	if (d == P_FIX(1))
		return sn;
	val sd = isqrt(p, d);
	if (num_int_cmp(num_int_mul(p, sd, sd), d) != 0)
		return P_FALSE;
	return num_make_ratio(p, sn, sd);
}

val num_pr_sqrt(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "sqrt", argc, argv, 0);
	val x = argv[0];
	if (num_sign(x) == -1)
		num_complex_error(p, "sqrt", x);
	if (P_IS_FLO(x))
		return p_flonum(p, sqrt(P_FLOVAL(x)));
	val r = exact_sqrt(p, x);
	if (r != P_FALSE)
		return r;
	if (num_is_exact_integer(x) && num_int_bitlen(x) > 1000)
		return p_flonum(p, num_int_to_double(isqrt(p, x)));
	return p_flonum(p, sqrt(num_to_double(p, x)));
}

val num_pr_exact_integer_sqrt(P *p, int argc, val *argv)
{
	(void)argc;
	p_arg_expect(p, "exact-integer-sqrt", argv, 0, p_is_exact_integer(argv[0]),
		     "exact integer");
	if (num_int_sign(argv[0]) < 0)
		p_range_error(p, "exact-integer-sqrt", 1, argv[0]);
	val r[2];
	r[0] = isqrt(p, argv[0]);
	r[1] = num_int_sub(p, argv[0], num_int_mul(p, r[0], r[0]));
	return p_values(p, 2, r);
}

/* base^e for exact base and exact integer e >= 0, by squaring. */
static val expt_exact(P *p, val base, val e)
{
	val r = P_FIX(1);
	while (e != P_FIX(0)) {
		if (num_int_is_odd(e))
			r = num_mul(p, r, base);
		num_int_divmod(p, e, P_FIX(2), &e, NULL);
		if (e != P_FIX(0))
			base = num_mul(p, base, base);
	}
	return r;
}

val num_pr_expt(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "expt", argc, argv, 0);
	val b = argv[0], e = argv[1];
	if (num_is_exact_integer(e)) {
		if (num_is_exact(b)) {
			int neg = num_int_sign(e) < 0;
			if (neg && num_sign(b) == 0)
				p_raise_error(p, PE_ERROR, "expt: division by zero", 2, b, e);
			if (b == P_FIX(1) || b == P_FIX(0))
				return neg ? num_div(p, P_FIX(1), b) : (e == P_FIX(0) ? P_FIX(1) : b);
			if (b == P_FIX(-1))
				return num_int_is_odd(e) ? b : P_FIX(1);
			/* A result beyond 2^32 bits could not fit any heap: refuse
			 * it before spending minutes on the multiplications. */
			size_t bits = num_int_bitlen(num_exact_numer(b)) + num_int_bitlen(num_exact_denom(b));
			if (!P_IS_FIX(e) || (double)bits * fabs((double)P_FIXVAL(e)) > 4294967296.0)
				p_raise_error(p, PE_ERROR, "expt: result too large", 2, b, e);
			val m = expt_exact(p, b, neg ? num_int_neg(p, e) : e);
			return neg ? num_div(p, P_FIX(1), m) : m;
		}
		return p_flonum(p, pow(num_to_double(p, b), num_to_double(p, e)));
	}
	double x = num_to_double(p, b), y = num_to_double(p, e);
	if (x < 0 && y != trunc(y) && isfinite(y))
		num_complex_error(p, "expt", b);
	return p_flonum(p, pow(x, y));
}

/* ---- exactness ---- */

val num_pr_exact_conv(P *p, int argc, val *argv)
{
	(void)argc;
	return num_exact(p, argv[0], "exact");
}

val num_pr_inexact_conv(P *p, int argc, val *argv)
{
	(void)argc;
	return num_inexact(p, argv[0]);
}

/* ---- text ---- */

struct textbuf {
	char *buf;
	size_t len;
};

static void append(void *ctx, const char *s, size_t n)
{
	struct textbuf *t = ctx;
	memcpy(t->buf + t->len, s, n);
	t->len += n;
}

/* The optional radix at argv[1]: 2, 8, 10 or 16 (max_radix 16), or 2 to 36
 * (max_radix 36). */
static int radix_arg(P *p, const char *who, int argc, val *argv, int max_radix)
{
	if (p_arg_count(argc, argv) < 2)
		return 10;
	size_t r = p_arg_size(p, who, argv, 1, (size_t)max_radix);
	if (r < 2 || (max_radix == 16 && r != 2 && r != 8 && r != 10 && r != 16))
		p_range_error(p, who, 2, argv[1]);
	return (int)r;
}

static size_t limbs_of(val x)
{
	if (NUM_IS_BIG(x)) {
		intptr_t c = NUM_BIG_COUNT(x);
		return (size_t)(c < 0 ? -c : c);
	}
	return 1;
}

val num_pr_number_to_string(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "number->string", 1, argv, 0);
	int radix = radix_arg(p, "number->string", argc, argv, 36);
	val x = argv[0];
	size_t limbs = NUM_IS_RAT(x) ? limbs_of(NUM_RAT_NUM(x)) + limbs_of(NUM_RAT_DEN(x))
		: limbs_of(x);
	/* A flonum in radix 2 has up to 1024 integer and 1074 fraction digits. */
	size_t words = P_IS_FLO(x) ? 2200 / 8 : limbs * 9 + 8;
	struct textbuf t = { (char *)num_scratch(p, words), 0 };
	if (num_format(p, x, radix, append, &t) != 0)
		p_raise_error(p, PE_ERROR,
			      "number->string: inexact numbers are written only in radix 2, 8, 10 or 16",
			      2, x, P_FIX(radix));
	return p_string_from_utf8(p, t.buf, t.len);
}

val num_pr_string_to_number(P *p, int argc, val *argv)
{
	p_arg_string(p, "string->number", argv, 0);
	int radix = radix_arg(p, "string->number", argc, argv, 16);
	char small[128];
	size_t n = p_string_utf8(argv[0], small, sizeof small);
	if (n < sizeof small)
		return num_parse(p, small, n, radix);
	char *big = (char *)num_scratch(p, n / 8 + 1);
	p_string_utf8(argv[0], big, n + 1);
	return num_parse(p, big, n, radix);
}

/* ---- (scheme complex), real-only ---- */

val num_pr_real_part(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "real-part", argc, argv, 0);
	return argv[0];
}

val num_pr_imag_part(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "imag-part", argc, argv, 0);
	return P_FIX(0);
}

val num_pr_magnitude(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "magnitude", argc, argv, 0);
	val x = argv[0];
	if (P_IS_FLO(x))
		return p_flonum(p, fabs(P_FLOVAL(x)));
	return num_sign(x) < 0 ? num_neg(p, x) : x;
}

val num_pr_angle(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "angle", argc, argv, 0);
	val x = argv[0];
	if (num_is_nan(x))
		return x;
	if (num_sign(x) < 0 || (P_IS_FLO(x) && signbit(P_FLOVAL(x))))
		return p_flonum(p, 3.141592653589793);
	return P_IS_FLO(x) ? p_flonum(p, 0.0) : P_FIX(0);
}

val num_pr_make_rectangular(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "make-rectangular", argc, argv, 0);
	if (num_sign(argv[1]) != 0)
		num_complex_error(p, "make-rectangular", argv[1]);
	return argv[0];
}

val num_pr_make_polar(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "make-polar", argc, argv, 0);
	if (num_sign(argv[1]) != 0)
		num_complex_error(p, "make-polar", argv[1]);
	return argv[0];
}
