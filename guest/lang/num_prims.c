/*
 * num_prims.c - the numeric procedures of (scheme base), (scheme inexact)
 * and (scheme complex), over the generic operations of num.c.
 */
#include <string.h>
#include <math.h>
#include <pfmt.h>
#include "num_int.h"

static const char NOT_COMPLEX[] = "complex numbers are not supported";

static _Noreturn void complex_error(P *p, const char *who, val x)
{
	char msg[96];
	pc_snprintf(msg, sizeof msg, "%s: %s", who, NOT_COMPLEX);
	p_raise_error(p, PE_ERROR, msg, 1, x);
}

static void need_num(P *p, const char *who, int argc, val *argv)
{
	for (int i = 0; i < argc; i++)
		if (!p_is_number(argv[i]))
			p_type_error(p, who, i + 1, "number", argv[i]);
}

static void need_int(P *p, const char *who, int argno, val x)
{
	if (!num_is_integer(x))
		p_type_error(p, who, argno, "integer", x);
}

static void need_exact_int(P *p, const char *who, int argno, val x)
{
	if (!num_is_exact_integer(x))
		p_type_error(p, who, argno, "exact integer", x);
}

/* Optional arguments the caller left out may arrive as P_DEFAULT. */
static int given(int argc, val *argv)
{
	while (argc > 0 && argv[argc - 1] == P_DEFAULT)
		argc--;
	return argc;
}

static int is_nan(val x)
{
	return P_IS_FLO(x) && P_FLOVAL(x) != P_FLOVAL(x);
}

/* Sign of a real: -1, 0, 1; 2 for NaN. */
static int sign_of(val x)
{
	switch (num_kind(x)) {
	case NK_FIX:
	case NK_BIG:
		return num_int_sign(x);
	case NK_RAT:
		return num_int_sign(NUM_RAT_NUM(x));
	default: {
		double d = P_FLOVAL(x);
		return d != d ? 2 : d < 0 ? -1 : d > 0;
	}
	}
}

/* ---- predicates ---- */

static val pr_number(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(p_is_number(argv[0]));
}

static val pr_rational(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(num_is_rational(argv[0]));
}

static val pr_integer(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(num_is_integer(argv[0]));
}

static val pr_exact(P *p, int argc, val *argv)
{
	need_num(p, "exact?", argc, argv);
	return P_BOOL(num_is_exact(argv[0]));
}

static val pr_inexact(P *p, int argc, val *argv)
{
	need_num(p, "inexact?", argc, argv);
	return P_BOOL(P_IS_FLO(argv[0]));
}

static val pr_exact_integer(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(num_is_exact_integer(argv[0]));
}

static val pr_exact_rational(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(num_is_exact(argv[0]));
}

static val pr_nan(P *p, int argc, val *argv)
{
	need_num(p, "nan?", argc, argv);
	return P_BOOL(is_nan(argv[0]));
}

static val pr_infinite(P *p, int argc, val *argv)
{
	need_num(p, "infinite?", argc, argv);
	return P_BOOL(P_IS_FLO(argv[0]) && isinf(P_FLOVAL(argv[0])));
}

static val pr_finite(P *p, int argc, val *argv)
{
	need_num(p, "finite?", argc, argv);
	return P_BOOL(!P_IS_FLO(argv[0]) || isfinite(P_FLOVAL(argv[0])));
}

/* ---- comparison ---- */

/* Whether every adjacent pair compares as one of the allowed outcomes
 * (bit 0: less, bit 1: equal, bit 2: greater); NaN never does. */
static val compare_chain(P *p, const char *who, int argc, val *argv, int ok)
{
	need_num(p, who, argc, argv);
	int result = 1;
	for (int i = 0; i + 1 < argc; i++) {
		int c = num_cmp(p, argv[i], argv[i + 1]);
		if (c == 2 || !(ok & (1 << (c + 1))))
			result = 0;
	}
	return P_BOOL(result);
}

static val pr_eq(P *p, int argc, val *argv)
{
	return compare_chain(p, "=", argc, argv, 2);
}

static val pr_lt(P *p, int argc, val *argv)
{
	return compare_chain(p, "<", argc, argv, 1);
}

static val pr_gt(P *p, int argc, val *argv)
{
	return compare_chain(p, ">", argc, argv, 4);
}

static val pr_le(P *p, int argc, val *argv)
{
	return compare_chain(p, "<=", argc, argv, 3);
}

static val pr_ge(P *p, int argc, val *argv)
{
	return compare_chain(p, ">=", argc, argv, 6);
}

static val pr_zero(P *p, int argc, val *argv)
{
	need_num(p, "zero?", argc, argv);
	return P_BOOL(sign_of(argv[0]) == 0);
}

static val pr_positive(P *p, int argc, val *argv)
{
	need_num(p, "positive?", argc, argv);
	return P_BOOL(sign_of(argv[0]) == 1);
}

static val pr_negative(P *p, int argc, val *argv)
{
	need_num(p, "negative?", argc, argv);
	return P_BOOL(sign_of(argv[0]) == -1);
}

static int is_odd(P *p, const char *who, val x)
{
	need_int(p, who, 1, x);
	if (P_IS_FLO(x))
		return fmod(P_FLOVAL(x), 2) != 0;
	return num_int_is_odd(x);
}

static val pr_odd(P *p, int argc, val *argv)
{
	(void)argc;
	return P_BOOL(is_odd(p, "odd?", argv[0]));
}

static val pr_even(P *p, int argc, val *argv)
{
	(void)argc;
	return P_BOOL(!is_odd(p, "even?", argv[0]));
}

static val extremum(P *p, const char *who, int argc, val *argv, int want)
{
	need_num(p, who, argc, argv);
	val best = argv[0];
	int inexact = P_IS_FLO(best);
	for (int i = 1; i < argc; i++) {
		inexact |= P_IS_FLO(argv[i]);
		if (is_nan(best))
			continue;
		if (is_nan(argv[i]) || num_cmp(p, argv[i], best) == want)
			best = argv[i];
	}
	return inexact ? num_inexact(p, best) : best;
}

static val pr_max(P *p, int argc, val *argv)
{
	return extremum(p, "max", argc, argv, 1);
}

static val pr_min(P *p, int argc, val *argv)
{
	return extremum(p, "min", argc, argv, -1);
}

/* ---- arithmetic ---- */

static val pr_add(P *p, int argc, val *argv)
{
	need_num(p, "+", argc, argv);
	val r = P_FIX(0);
	for (int i = 0; i < argc; i++)
		r = num_add(p, r, argv[i]);
	return r;
}

static val pr_mul(P *p, int argc, val *argv)
{
	need_num(p, "*", argc, argv);
	val r = P_FIX(1);
	for (int i = 0; i < argc; i++)
		r = num_mul(p, r, argv[i]);
	return r;
}

static val pr_sub(P *p, int argc, val *argv)
{
	need_num(p, "-", argc, argv);
	if (argc == 1)
		return num_neg(p, argv[0]);
	val r = argv[0];
	for (int i = 1; i < argc; i++)
		r = num_sub(p, r, argv[i]);
	return r;
}

static val pr_div(P *p, int argc, val *argv)
{
	need_num(p, "/", argc, argv);
	if (argc == 1)
		return num_div(p, P_FIX(1), argv[0]);
	val r = argv[0];
	for (int i = 1; i < argc; i++)
		r = num_div(p, r, argv[i]);
	return r;
}

static val pr_abs(P *p, int argc, val *argv)
{
	need_num(p, "abs", argc, argv);
	val x = argv[0];
	if (P_IS_FLO(x))
		return p_flonum(p, fabs(P_FLOVAL(x)));
	return sign_of(x) < 0 ? num_neg(p, x) : x;
}

static val pr_quotient(P *p, int argc, val *argv)
{
	val q;
	(void)argc;
	num_intdiv(p, "quotient", argv[0], argv[1], 't', &q, NULL);
	return q;
}

static val pr_remainder(P *p, int argc, val *argv)
{
	val r;
	(void)argc;
	num_intdiv(p, "remainder", argv[0], argv[1], 't', NULL, &r);
	return r;
}

static val pr_modulo(P *p, int argc, val *argv)
{
	val r;
	(void)argc;
	num_intdiv(p, "modulo", argv[0], argv[1], 'f', NULL, &r);
	return r;
}

static val pr_floor_div(P *p, int argc, val *argv)
{
	val qr[2];
	(void)argc;
	num_intdiv(p, "floor/", argv[0], argv[1], 'f', &qr[0], &qr[1]);
	return p_values(p, 2, qr);
}

static val pr_floor_quotient(P *p, int argc, val *argv)
{
	val q;
	(void)argc;
	num_intdiv(p, "floor-quotient", argv[0], argv[1], 'f', &q, NULL);
	return q;
}

static val pr_floor_remainder(P *p, int argc, val *argv)
{
	val r;
	(void)argc;
	num_intdiv(p, "floor-remainder", argv[0], argv[1], 'f', NULL, &r);
	return r;
}

static val pr_truncate_div(P *p, int argc, val *argv)
{
	val qr[2];
	(void)argc;
	num_intdiv(p, "truncate/", argv[0], argv[1], 't', &qr[0], &qr[1]);
	return p_values(p, 2, qr);
}

static val pr_truncate_quotient(P *p, int argc, val *argv)
{
	val q;
	(void)argc;
	num_intdiv(p, "truncate-quotient", argv[0], argv[1], 't', &q, NULL);
	return q;
}

static val pr_truncate_remainder(P *p, int argc, val *argv)
{
	val r;
	(void)argc;
	num_intdiv(p, "truncate-remainder", argv[0], argv[1], 't', NULL, &r);
	return r;
}

/* gcd and lcm work on the exact values; any inexact argument makes the
 * result inexact. */
static val gcd_lcm(P *p, const char *who, int argc, val *argv, int lcm)
{
	int inexact = 0;
	val r = P_FIX(lcm ? 1 : 0);

	for (int i = 0; i < argc; i++) {
		need_int(p, who, i + 1, argv[i]);
		inexact |= P_IS_FLO(argv[i]);
		val x = num_exact(p, argv[i], who);
		if (num_int_sign(x) < 0)
			x = num_int_neg(p, x);
		if (!lcm) {
			r = num_int_gcd(p, r, x);
		} else if (x == P_FIX(0) || r == P_FIX(0)) {
			r = P_FIX(0);
		} else {
			val g = num_int_gcd(p, r, x), q;
			num_int_divmod(p, x, g, &q, NULL);
			r = num_int_mul(p, r, q);
		}
	}
	return inexact ? num_inexact(p, r) : r;
}

static val pr_gcd(P *p, int argc, val *argv)
{
	return gcd_lcm(p, "gcd", argc, argv, 0);
}

static val pr_lcm(P *p, int argc, val *argv)
{
	return gcd_lcm(p, "lcm", argc, argv, 1);
}

static val numer_denom(P *p, const char *who, val x, int denom)
{
	if (!num_is_rational(x))
		p_type_error(p, who, 1, "rational number", x);
	val e = num_exact(p, x, who);
	val r = denom ? num_exact_denom(e) : num_exact_numer(e);
	return P_IS_FLO(x) ? num_inexact(p, r) : r;
}

static val pr_numerator(P *p, int argc, val *argv)
{
	(void)argc;
	return numer_denom(p, "numerator", argv[0], 0);
}

static val pr_denominator(P *p, int argc, val *argv)
{
	(void)argc;
	return numer_denom(p, "denominator", argv[0], 1);
}

/* ---- rounding ---- */

/* mode: 'f' floor, 'c' ceiling, 't' truncate, 'r' round to even. */
static val round_exact_ratio(P *p, val x, int mode)
{
	val n = NUM_RAT_NUM(x), d = NUM_RAT_DEN(x), fl, rem;
	num_intdiv(p, "round", n, d, 'f', &fl, &rem);
	switch (mode) {
	case 'f':
		return fl;
	case 'c':
		return num_int_add(p, fl, P_FIX(1));
	case 't':
		return num_int_sign(n) < 0 ? num_int_add(p, fl, P_FIX(1)) : fl;
	default: {
		int c = num_int_cmp(num_int_add(p, rem, rem), d);
		if (c > 0 || (c == 0 && num_int_is_odd(fl)))
			return num_int_add(p, fl, P_FIX(1));
		return fl;
	}
	}
}

static val rounding(P *p, const char *who, val x, int mode)
{
	switch (num_kind(x)) {
	case NK_FIX:
	case NK_BIG:
		return x;
	case NK_RAT:
		return round_exact_ratio(p, x, mode);
	case NK_FLO: {
		double d = P_FLOVAL(x);
		d = mode == 'f' ? floor(d) : mode == 'c' ? ceil(d)
			: mode == 't' ? trunc(d) : pc_round_even(d);
		return p_flonum(p, d);
	}
	default:
		p_type_error(p, who, 1, "real number", x);
	}
}

static val pr_floor(P *p, int argc, val *argv)
{
	(void)argc;
	return rounding(p, "floor", argv[0], 'f');
}

static val pr_ceiling(P *p, int argc, val *argv)
{
	(void)argc;
	return rounding(p, "ceiling", argv[0], 'c');
}

static val pr_truncate(P *p, int argc, val *argv)
{
	(void)argc;
	return rounding(p, "truncate", argv[0], 't');
}

static val pr_round(P *p, int argc, val *argv)
{
	(void)argc;
	return rounding(p, "round", argv[0], 'r');
}

/* The simplest rational in [lo, hi], 0 < lo <= hi, exact: expand both
 * ends as continued fractions while their integer parts agree, then fold
 * the shared terms back up.  A loop, not recursion: the expansion of a
 * big rational can be tens of thousands of terms long. */
static val simplest_pos(P *p, val lo, val hi)
{
	val terms = P_NIL, r;

	for (;;) {
		val fl = rounding(p, "rationalize", lo, 'f');
		if (num_cmp(p, fl, lo) == 0) {
			r = fl;
			break;
		}
		if (num_cmp(p, fl, rounding(p, "rationalize", hi, 'f')) < 0) {
			r = num_add(p, fl, P_FIX(1));
			break;
		}
		terms = p_cons(p, fl, terms);
		val nlo = num_div(p, P_FIX(1), num_sub(p, hi, fl));
		hi = num_div(p, P_FIX(1), num_sub(p, lo, fl));
		lo = nlo;
	}
	for (; terms != P_NIL; terms = P_CDR(terms))
		r = num_add(p, P_CAR(terms), num_div(p, P_FIX(1), r));
	return r;
}

static val pr_rationalize(P *p, int argc, val *argv)
{
	val x = argv[0], y = argv[1];
	(void)argc;
	need_num(p, "rationalize", 2, argv);
	int inexact = P_IS_FLO(x) || P_IS_FLO(y);
	if (is_nan(x) || is_nan(y))
		return p_flonum(p, __builtin_nan(""));
	if (P_IS_FLO(y) && isinf(P_FLOVAL(y)))
		return p_flonum(p, P_IS_FLO(x) && isinf(P_FLOVAL(x)) ? __builtin_nan("") : 0.0);
	if (P_IS_FLO(x) && isinf(P_FLOVAL(x)))
		return x;
	x = num_exact(p, x, "rationalize");
	y = num_exact(p, y, "rationalize");
	if (sign_of(y) < 0)
		y = num_neg(p, y);
	val lo = num_sub(p, x, y), hi = num_add(p, x, y), r;
	if (sign_of(lo) > 0)
		r = simplest_pos(p, lo, hi);
	else if (sign_of(hi) < 0)
		r = num_neg(p, simplest_pos(p, num_neg(p, hi), num_neg(p, lo)));
	else
		r = P_FIX(0);
	return inexact ? num_inexact(p, r) : r;
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

static double real_arg(P *p, const char *who, int argno, val x)
{
	if (!p_is_number(x))
		p_type_error(p, who, argno, "number", x);
	return num_to_double(p, x);
}

static val pr_exp(P *p, int argc, val *argv)
{
	(void)argc;
	return p_flonum(p, exp(real_arg(p, "exp", 1, argv[0])));
}

static val pr_log(P *p, int argc, val *argv)
{
	argc = given(argc, argv);
	need_num(p, "log", argc, argv);
	for (int i = 0; i < argc; i++)
		if (sign_of(argv[i]) < 0)
			complex_error(p, "log", argv[i]);
	double r = sign_of(argv[0]) == 0 ? log(num_to_double(p, argv[0])) : log_of(p, argv[0]);
	if (argc == 2) {
		double b = sign_of(argv[1]) == 0 ? log(num_to_double(p, argv[1])) : log_of(p, argv[1]);
		r /= b;
	}
	return p_flonum(p, r);
}

static val pr_sin(P *p, int argc, val *argv)
{
	(void)argc;
	return p_flonum(p, sin(real_arg(p, "sin", 1, argv[0])));
}

static val pr_cos(P *p, int argc, val *argv)
{
	(void)argc;
	return p_flonum(p, cos(real_arg(p, "cos", 1, argv[0])));
}

static val pr_tan(P *p, int argc, val *argv)
{
	(void)argc;
	return p_flonum(p, tan(real_arg(p, "tan", 1, argv[0])));
}

static val pr_asin(P *p, int argc, val *argv)
{
	(void)argc;
	double x = real_arg(p, "asin", 1, argv[0]);
	if (x > 1 || x < -1)
		complex_error(p, "asin", argv[0]);
	return p_flonum(p, asin(x));
}

static val pr_acos(P *p, int argc, val *argv)
{
	(void)argc;
	double x = real_arg(p, "acos", 1, argv[0]);
	if (x > 1 || x < -1)
		complex_error(p, "acos", argv[0]);
	return p_flonum(p, acos(x));
}

static val pr_atan(P *p, int argc, val *argv)
{
	argc = given(argc, argv);
	double y = real_arg(p, "atan", 1, argv[0]);
	if (argc == 1)
		return p_flonum(p, atan(y));
	return p_flonum(p, atan2(y, real_arg(p, "atan", 2, argv[1])));
}

static val pr_square(P *p, int argc, val *argv)
{
	need_num(p, "square", argc, argv);
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

static val pr_sqrt(P *p, int argc, val *argv)
{
	need_num(p, "sqrt", argc, argv);
	val x = argv[0];
	if (sign_of(x) == -1)
		complex_error(p, "sqrt", x);
	if (P_IS_FLO(x))
		return p_flonum(p, sqrt(P_FLOVAL(x)));
	val r = exact_sqrt(p, x);
	if (r != P_FALSE)
		return r;
	if (num_is_exact_integer(x) && num_int_bitlen(x) > 1000)
		return p_flonum(p, num_int_to_double(isqrt(p, x)));
	return p_flonum(p, sqrt(num_to_double(p, x)));
}

static val pr_exact_integer_sqrt(P *p, int argc, val *argv)
{
	(void)argc;
	need_exact_int(p, "exact-integer-sqrt", 1, argv[0]);
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

static val pr_expt(P *p, int argc, val *argv)
{
	need_num(p, "expt", argc, argv);
	val b = argv[0], e = argv[1];
	if (num_is_exact_integer(e)) {
		if (num_is_exact(b)) {
			int neg = num_int_sign(e) < 0;
			if (neg && sign_of(b) == 0)
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
		complex_error(p, "expt", b);
	return p_flonum(p, pow(x, y));
}

/* ---- exactness ---- */

static val pr_exact_conv(P *p, int argc, val *argv)
{
	(void)argc;
	return num_exact(p, argv[0], "exact");
}

static val pr_inexact_conv(P *p, int argc, val *argv)
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

static int radix_arg(P *p, const char *who, int argc, val *argv)
{
	if (given(argc, argv) < 2)
		return 10;
	val r = argv[1];
	if (r != P_FIX(2) && r != P_FIX(8) && r != P_FIX(10) && r != P_FIX(16))
		p_type_error(p, who, 2, "radix 2, 8, 10 or 16", r);
	return (int)P_FIXVAL(r);
}

static size_t limbs_of(val x)
{
	if (NUM_IS_BIG(x)) {
		intptr_t c = NUM_BIG_COUNT(x);
		return (size_t)(c < 0 ? -c : c);
	}
	return 1;
}

static val pr_number_to_string(P *p, int argc, val *argv)
{
	need_num(p, "number->string", 1, argv);
	int radix = radix_arg(p, "number->string", argc, argv);
	val x = argv[0];
	size_t limbs = NUM_IS_RAT(x) ? limbs_of(NUM_RAT_NUM(x)) + limbs_of(NUM_RAT_DEN(x))
		: limbs_of(x);
	struct textbuf t = { (char *)num_scratch(p, limbs * 9 + 8), 0 };
	if (num_format(p, x, radix, append, &t) != 0)
		p_raise_error(p, PE_ERROR,
			      "number->string: inexact numbers are written only in radix 10",
			      2, x, P_FIX(radix));
	return p_string_from_utf8(p, t.buf, t.len);
}

static val pr_string_to_number(P *p, int argc, val *argv)
{
	if (!P_IS_STRING(argv[0]))
		p_type_error(p, "string->number", 1, "string", argv[0]);
	int radix = radix_arg(p, "string->number", argc, argv);
	char small[128];
	size_t n = p_string_utf8(argv[0], small, sizeof small);
	if (n < sizeof small)
		return num_parse(p, small, n, radix);
	char *big = (char *)num_scratch(p, n / 8 + 1);
	p_string_utf8(argv[0], big, n + 1);
	return num_parse(p, big, n, radix);
}

/* ---- (scheme complex), real-only ---- */

static val pr_real_part(P *p, int argc, val *argv)
{
	need_num(p, "real-part", argc, argv);
	return argv[0];
}

static val pr_imag_part(P *p, int argc, val *argv)
{
	need_num(p, "imag-part", argc, argv);
	return P_FIX(0);
}

static val pr_magnitude(P *p, int argc, val *argv)
{
	need_num(p, "magnitude", argc, argv);
	return pr_abs(p, argc, argv);
}

static val pr_angle(P *p, int argc, val *argv)
{
	need_num(p, "angle", argc, argv);
	val x = argv[0];
	if (is_nan(x))
		return x;
	if (sign_of(x) < 0 || (P_IS_FLO(x) && signbit(P_FLOVAL(x))))
		return p_flonum(p, 3.141592653589793);
	return P_IS_FLO(x) ? p_flonum(p, 0.0) : P_FIX(0);
}

static val pr_make_rectangular(P *p, int argc, val *argv)
{
	need_num(p, "make-rectangular", argc, argv);
	if (sign_of(argv[1]) != 0)
		complex_error(p, "make-rectangular", argv[1]);
	return argv[0];
}

static val pr_make_polar(P *p, int argc, val *argv)
{
	need_num(p, "make-polar", argc, argv);
	if (sign_of(argv[1]) != 0)
		complex_error(p, "make-polar", argv[1]);
	return argv[0];
}

const struct p_prim num_prims[] = {
	{ "base", "number?", pr_number, 1, 1 },
	{ "base", "complex?", pr_number, 1, 1 },
	{ "base", "real?", pr_number, 1, 1 },
	{ "base", "rational?", pr_rational, 1, 1 },
	{ "base", "integer?", pr_integer, 1, 1 },
	{ "base", "exact?", pr_exact, 1, 1 },
	{ "base", "inexact?", pr_inexact, 1, 1 },
	{ "base", "exact-integer?", pr_exact_integer, 1, 1 },
	{ "base", "exact-rational?", pr_exact_rational, 1, 1 },
	{ "inexact", "nan?", pr_nan, 1, 1 },
	{ "inexact", "infinite?", pr_infinite, 1, 1 },
	{ "inexact", "finite?", pr_finite, 1, 1 },
	{ "base", "=", pr_eq, 1, -1 },
	{ "base", "<", pr_lt, 1, -1 },
	{ "base", ">", pr_gt, 1, -1 },
	{ "base", "<=", pr_le, 1, -1 },
	{ "base", ">=", pr_ge, 1, -1 },
	{ "base", "zero?", pr_zero, 1, 1 },
	{ "base", "positive?", pr_positive, 1, 1 },
	{ "base", "negative?", pr_negative, 1, 1 },
	{ "base", "odd?", pr_odd, 1, 1 },
	{ "base", "even?", pr_even, 1, 1 },
	{ "base", "max", pr_max, 1, -1 },
	{ "base", "min", pr_min, 1, -1 },
	{ "base", "+", pr_add, 0, -1 },
	{ "base", "*", pr_mul, 0, -1 },
	{ "base", "-", pr_sub, 1, -1 },
	{ "base", "/", pr_div, 1, -1 },
	{ "base", "abs", pr_abs, 1, 1 },
	{ "base", "quotient", pr_quotient, 2, 2 },
	{ "base", "remainder", pr_remainder, 2, 2 },
	{ "base", "modulo", pr_modulo, 2, 2 },
	{ "base", "floor/", pr_floor_div, 2, 2 },
	{ "base", "floor-quotient", pr_floor_quotient, 2, 2 },
	{ "base", "floor-remainder", pr_floor_remainder, 2, 2 },
	{ "base", "truncate/", pr_truncate_div, 2, 2 },
	{ "base", "truncate-quotient", pr_truncate_quotient, 2, 2 },
	{ "base", "truncate-remainder", pr_truncate_remainder, 2, 2 },
	{ "base", "gcd", pr_gcd, 0, -1 },
	{ "base", "lcm", pr_lcm, 0, -1 },
	{ "base", "numerator", pr_numerator, 1, 1 },
	{ "base", "denominator", pr_denominator, 1, 1 },
	{ "base", "floor", pr_floor, 1, 1 },
	{ "base", "ceiling", pr_ceiling, 1, 1 },
	{ "base", "truncate", pr_truncate, 1, 1 },
	{ "base", "round", pr_round, 1, 1 },
	{ "base", "rationalize", pr_rationalize, 2, 2 },
	{ "inexact", "exp", pr_exp, 1, 1 },
	{ "inexact", "log", pr_log, 1, 2 },
	{ "inexact", "sin", pr_sin, 1, 1 },
	{ "inexact", "cos", pr_cos, 1, 1 },
	{ "inexact", "tan", pr_tan, 1, 1 },
	{ "inexact", "asin", pr_asin, 1, 1 },
	{ "inexact", "acos", pr_acos, 1, 1 },
	{ "inexact", "atan", pr_atan, 1, 2 },
	{ "inexact", "sqrt", pr_sqrt, 1, 1 },
	{ "base", "square", pr_square, 1, 1 },
	{ "base", "exact-integer-sqrt", pr_exact_integer_sqrt, 1, 1 },
	{ "base", "expt", pr_expt, 2, 2 },
	{ "base", "exact", pr_exact_conv, 1, 1 },
	{ "base", "inexact", pr_inexact_conv, 1, 1 },
	{ "base", "exact->inexact", pr_inexact_conv, 1, 1 },
	{ "base", "inexact->exact", pr_exact_conv, 1, 1 },
	{ "base", "number->string", pr_number_to_string, 1, 2 },
	{ "base", "string->number", pr_string_to_number, 1, 2 },
	{ "complex", "real-part", pr_real_part, 1, 1 },
	{ "complex", "imag-part", pr_imag_part, 1, 1 },
	{ "complex", "magnitude", pr_magnitude, 1, 1 },
	{ "complex", "angle", pr_angle, 1, 1 },
	{ "complex", "make-rectangular", pr_make_rectangular, 2, 2 },
	{ "complex", "make-polar", pr_make_polar, 2, 2 },
	{ NULL, NULL, NULL, 0, 0 },
};
