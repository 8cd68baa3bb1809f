/*
 * num_fn.c - the numeric procedures beyond arithmetic: exponentials and
 * logarithms, trigonometry, roots and powers, exactness conversion,
 * number <-> string, and (scheme complex).  Real arguments keep the real
 * functions where their results are real; the rest goes through the
 * complex functions of num_cmath.c.
 */
#include <string.h>
#include <math.h>
#include "num_prim.h"
#include "num_cmath.h"

/* ---- transcendental functions ---- */

#define PI 3.141592653589793

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

static struct cplx cx_of(P *p, val x)
{
	struct cplx z = { num_to_double(p, num_real_part(x)),
			  num_to_double(p, num_imag_part(x)) };
	return z;
}

static val cx_val(P *p, struct cplx z)
{
	return num_make_rect(p, p_flonum(p, z.re), p_flonum(p, z.im));
}

typedef double (*real_fn)(double);
typedef struct cplx (*cplx_fn)(struct cplx);

/* f of a real argument is real, of a complex one complex. */
static val elementary(P *p, const char *who, val *argv, real_fn f, cplx_fn cf)
{
	val x = argv[0];
	p_arg_expect(p, who, argv, 0, p_is_number(x), "number");
	if (!NUM_IS_CPX(x))
		return p_flonum(p, f(num_to_double(p, x)));
	return cx_val(p, cf(cx_of(p, x)));
}

static double exp_(double x) { return exp(x); }
static double sin_(double x) { return sin(x); }
static double cos_(double x) { return cos(x); }
static double tan_(double x) { return tan(x); }
static double asin_(double x) { return asin(x); }
static double acos_(double x) { return acos(x); }
static double atan_(double x) { return atan(x); }

val num_pr_exp(P *p, int argc, val *argv)
{
	(void)argc;
	return elementary(p, "exp", argv, exp_, cm_exp);
}

/* The principal natural logarithm of x: real for x >= 0 (-inf.0 for 0),
 * ln|x| + pi i for negative reals, complex for complex x. */
static val log_num(P *p, val x)
{
	if (NUM_IS_CPX(x))
		return cx_val(p, cm_log(cx_of(p, x)));
	int sign = num_sign(x);
	if (sign == 0 || sign == 2)
		return p_flonum(p, log(num_to_double(p, x)));
	if (sign > 0)
		return p_flonum(p, log_of(p, x));
	return num_make_rect(p, p_flonum(p, log_of(p, num_neg(p, x))), p_flonum(p, PI));
}

val num_pr_log(P *p, int argc, val *argv)
{
	argc = p_arg_count(argc, argv);
	p_arg_numbers(p, "log", argc, argv, 0);
	val r = log_num(p, argv[0]);
	if (argc == 1)
		return r;
	val b = log_num(p, argv[1]);
	if (P_IS_FLO(r) && P_IS_FLO(b))
		return p_flonum(p, P_FLOVAL(r) / P_FLOVAL(b));
	return num_div(p, r, b);
}

val num_pr_sin(P *p, int argc, val *argv)
{
	(void)argc;
	return elementary(p, "sin", argv, sin_, cm_sin);
}

val num_pr_cos(P *p, int argc, val *argv)
{
	(void)argc;
	return elementary(p, "cos", argv, cos_, cm_cos);
}

val num_pr_tan(P *p, int argc, val *argv)
{
	(void)argc;
	return elementary(p, "tan", argv, tan_, cm_tan);
}

/* asin and acos: real in [-1, 1].  A real x beyond it lies on the branch
 * cuts, and takes the side R6RS and Common Lisp give: the one of quadrant
 * IV for x > 1, of quadrant II for x < -1, (asin 2) = pi/2 - 1.317i. */
static val arcsine(P *p, const char *who, val *argv, real_fn f, cplx_fn cf)
{
	val x = argv[0];
	p_arg_expect(p, who, argv, 0, p_is_number(x), "number");
	if (NUM_IS_CPX(x))
		return cx_val(p, cf(cx_of(p, x)));
	struct cplx z = { num_to_double(p, x), 0.0 };
	if (!(z.re < -1 || z.re > 1))
		return p_flonum(p, f(z.re));
	z.im = z.re > 0 ? -0.0 : 0.0;
	return cx_val(p, cf(z));
}

val num_pr_asin(P *p, int argc, val *argv)
{
	(void)argc;
	return arcsine(p, "asin", argv, asin_, cm_asin);
}

val num_pr_acos(P *p, int argc, val *argv)
{
	(void)argc;
	return arcsine(p, "acos", argv, acos_, cm_acos);
}

val num_pr_atan(P *p, int argc, val *argv)
{
	argc = p_arg_count(argc, argv);
	if (argc == 1)
		return elementary(p, "atan", argv, atan_, cm_atan);
	num_arg_reals(p, "atan", argc, argv, 0);
	return p_flonum(p, atan2(num_to_double(p, argv[0]), num_to_double(p, argv[1])));
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

/* The exact square root of an exact real x >= 0, or P_FALSE if it is not
 * one. */
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

/* The square root of a real x >= 0: exact when x is the square of an
 * exact rational. */
static val sqrt_nonneg(P *p, val x)
{
	if (P_IS_FLO(x))
		return p_flonum(p, sqrt(P_FLOVAL(x)));
	val r = exact_sqrt(p, x);
	if (r != P_FALSE)
		return r;
	if (num_is_exact_integer(x) && num_int_bitlen(x) > 1000)
		return p_flonum(p, num_int_to_double(isqrt(p, x)));
	return p_flonum(p, sqrt(num_to_double(p, x)));
}

/* The exact principal square root x + yi of an exact compnum a + bi, or
 * P_FALSE if it is not one: with m = |a + bi|, x^2 = (m + a) / 2 and
 * y^2 = (m - a) / 2, y of the sign of b. */
static val exact_cpx_sqrt(P *p, val z)
{
	val a = NUM_CPX_RE(z), b = NUM_CPX_IM(z);
	val m = exact_sqrt(p, num_add(p, num_mul(p, a, a), num_mul(p, b, b)));
	if (m == P_FALSE)
		return P_FALSE;
	val x = exact_sqrt(p, num_div(p, num_add(p, m, a), P_FIX(2)));
	val y = exact_sqrt(p, num_div(p, num_sub(p, m, a), P_FIX(2)));
	if (x == P_FALSE || y == P_FALSE)
		return P_FALSE;
	return num_make_rect(p, x, num_sign(b) < 0 ? num_neg(p, y) : y);
}

val num_pr_sqrt(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "sqrt", argc, argv, 0);
	val x = argv[0];
	if (NUM_IS_CPX(x)) {
		val r = num_is_exact_number(x) ? exact_cpx_sqrt(p, x) : P_FALSE;
		return r != P_FALSE ? r : cx_val(p, cm_sqrt(cx_of(p, x)));
	}
	if (num_sign(x) != -1)
		return sqrt_nonneg(p, x);
	/* sqrt(-x) = i sqrt(x): exactly +2i for -4. */
	val r = sqrt_nonneg(p, num_neg(p, x));
	return num_make_rect(p, num_is_exact(r) ? P_FIX(0) : p_flonum(p, 0.0), r);
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

/* base^e for an exact integer e >= 0, by squaring. */
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

/* The bits in the numerators and denominators of an exact number. */
static size_t exact_bits(val x)
{
	if (NUM_IS_CPX(x))
		return exact_bits(NUM_CPX_RE(x)) + exact_bits(NUM_CPX_IM(x));
	return num_int_bitlen(num_exact_numer(x)) + num_int_bitlen(num_exact_denom(x));
}

/* b^e for an exact number b and an exact integer e. */
static val expt_exact_int(P *p, val b, val e)
{
	int neg = num_int_sign(e) < 0;
	if (neg && b == P_FIX(0))
		p_raise_error(p, PE_ERROR, "expt: division by zero", 2, b, e);
	if (b == P_FIX(1) || b == P_FIX(0))
		return neg ? num_div(p, P_FIX(1), b) : (e == P_FIX(0) ? P_FIX(1) : b);
	if (b == P_FIX(-1))
		return num_int_is_odd(e) ? b : P_FIX(1);
	/* A result beyond 2^32 bits could not fit any heap: refuse it
	 * before spending minutes on the multiplications. */
	if (!P_IS_FIX(e) || (double)exact_bits(b) * fabs((double)P_FIXVAL(e)) > 4294967296.0)
		p_raise_error(p, PE_ERROR, "expt: result too large", 2, b, e);
	val m = expt_exact(p, b, neg ? num_int_neg(p, e) : e);
	return neg ? num_div(p, P_FIX(1), m) : m;
}

/* R7RS: 0^z is 1 for z = 0 and 0 when Re z > 0; otherwise b^e is
 * e^(e log b), for a real result the C pow when that one is real. */
val num_pr_expt(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "expt", argc, argv, 0);
	val b = argv[0], e = argv[1];
	if (num_is_exact_integer(e)) {
		if (num_is_exact_number(b))
			return expt_exact_int(p, b, e);
		if (!NUM_IS_CPX(b))
			return p_flonum(p, pow(num_to_double(p, b), num_to_double(p, e)));
		/* An integer power of an inexact compnum by squaring keeps
		 * (expt +2.0i 2) at -4.0+0.0i, without rounding noise. */
		if (P_IS_FIX(e) && P_FIXVAL(e) > -1024 && P_FIXVAL(e) < 1024) {
			val m = expt_exact(p, b, P_FIXVAL(e) < 0 ? num_int_neg(p, e) : e);
			return P_FIXVAL(e) < 0 ? num_div(p, P_FIX(1), m) : m;
		}
	}
	if (num_is_real(b) && num_is_real(e)) {
		double x = num_to_double(p, b), y = num_to_double(p, e);
		if (!(x < 0 && y != trunc(y) && isfinite(y)))
			return p_flonum(p, pow(x, y));
	}
	if (num_is_real(b) && num_sign(b) == 0) {
		val re = num_real_part(e);
		if (num_sign(re) != 1)
			p_raise_error(p, PE_ERROR, "expt: zero to a power whose real part is not positive",
				      2, b, e);
		return b;
	}
	return cx_val(p, cm_pow(cx_of(p, b), cx_of(p, e)));
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

/* The limbs of the exact integers in x (a flonum counts as none). */
static size_t limbs_of(val x)
{
	if (NUM_IS_CPX(x) || NUM_IS_RAT(x))
		return limbs_of(P_SLOTS(x)[0]) + limbs_of(P_SLOTS(x)[1]);
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
	/* A flonum in radix 2 has up to 1024 integer and 1074 fraction
	 * digits; a compnum may have two, an i and a sign. */
	size_t words = !num_is_exact_number(x) ? 4410 / 8 : limbs_of(x) * 9 + 8;
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

/* ---- (scheme complex) ---- */

val num_pr_real_part(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "real-part", argc, argv, 0);
	return num_real_part(argv[0]);
}

val num_pr_imag_part(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "imag-part", argc, argv, 0);
	return num_imag_part(argv[0]);
}

/* |a + bi|: exact when a^2 + b^2 is an exact square (5 for 3+4i). */
val num_pr_magnitude(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "magnitude", argc, argv, 0);
	val x = argv[0];
	if (NUM_IS_CPX(x)) {
		val a = NUM_CPX_RE(x), b = NUM_CPX_IM(x);
		if (num_is_exact(a))
			return sqrt_nonneg(p, num_add(p, num_mul(p, a, a), num_mul(p, b, b)));
		return p_flonum(p, hypot(P_FLOVAL(a), P_FLOVAL(b)));
	}
	if (P_IS_FLO(x))
		return p_flonum(p, fabs(P_FLOVAL(x)));
	return num_sign(x) < 0 ? num_neg(p, x) : x;
}

val num_pr_angle(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "angle", argc, argv, 0);
	val x = argv[0];
	if (NUM_IS_CPX(x))
		return p_flonum(p, atan2(num_to_double(p, NUM_CPX_IM(x)),
					 num_to_double(p, NUM_CPX_RE(x))));
	if (num_is_nan(x))
		return x;
	if (num_sign(x) < 0 || (P_IS_FLO(x) && signbit(P_FLOVAL(x))))
		return p_flonum(p, PI);
	return P_IS_FLO(x) ? p_flonum(p, 0.0) : P_FIX(0);
}

val num_pr_make_rectangular(P *p, int argc, val *argv)
{
	num_arg_reals(p, "make-rectangular", argc, argv, 0);
	return num_make_rect(p, argv[0], argv[1]);
}

val num_pr_make_polar(P *p, int argc, val *argv)
{
	num_arg_reals(p, "make-polar", argc, argv, 0);
	return num_make_polar(p, argv[0], argv[1]);
}
