/*
 * num_prims.c - the numeric procedures of (scheme base): predicates,
 * comparison, arithmetic, integer division, gcd/lcm, rounding; and the
 * num_prims table of every numeric primitive (the rest are in num_fn.c).
 */
#include <string.h>
#include <math.h>
#include <pfmt.h>
#include "num_prim.h"

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
	p_arg_numbers(p, "exact?", argc, argv, 0);
	return P_BOOL(num_is_exact(argv[0]));
}

static val pr_inexact(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "inexact?", argc, argv, 0);
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
	p_arg_numbers(p, "nan?", argc, argv, 0);
	return P_BOOL(num_is_nan(argv[0]));
}

static val pr_infinite(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "infinite?", argc, argv, 0);
	return P_BOOL(P_IS_FLO(argv[0]) && isinf(P_FLOVAL(argv[0])));
}

static val pr_finite(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "finite?", argc, argv, 0);
	return P_BOOL(!P_IS_FLO(argv[0]) || isfinite(P_FLOVAL(argv[0])));
}

/* ---- comparison ---- */

/* Whether every adjacent pair compares as one of the allowed outcomes
 * (bit 0: less, bit 1: equal, bit 2: greater); NaN never does. */
static val compare_chain(P *p, const char *who, int argc, val *argv, int ok)
{
	p_arg_numbers(p, who, argc, argv, 0);
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
	p_arg_numbers(p, "zero?", argc, argv, 0);
	return P_BOOL(num_sign(argv[0]) == 0);
}

static val pr_positive(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "positive?", argc, argv, 0);
	return P_BOOL(num_sign(argv[0]) == 1);
}

static val pr_negative(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "negative?", argc, argv, 0);
	return P_BOOL(num_sign(argv[0]) == -1);
}

static int is_odd(P *p, const char *who, val *argv)
{
	val x = argv[0];

	p_arg_expect(p, who, argv, 0, num_is_integer(x), "integer");
	if (P_IS_FLO(x))
		return fmod(P_FLOVAL(x), 2) != 0;
	return num_int_is_odd(x);
}

static val pr_odd(P *p, int argc, val *argv)
{
	(void)argc;
	return P_BOOL(is_odd(p, "odd?", argv));
}

static val pr_even(P *p, int argc, val *argv)
{
	(void)argc;
	return P_BOOL(!is_odd(p, "even?", argv));
}

static val extremum(P *p, const char *who, int argc, val *argv, int want)
{
	p_arg_numbers(p, who, argc, argv, 0);
	val best = argv[0];
	int inexact = P_IS_FLO(best);
	for (int i = 1; i < argc; i++) {
		inexact |= P_IS_FLO(argv[i]);
		if (num_is_nan(best))
			continue;
		if (num_is_nan(argv[i]) || num_cmp(p, argv[i], best) == want)
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
	p_arg_numbers(p, "+", argc, argv, 0);
	val r = P_FIX(0);
	for (int i = 0; i < argc; i++)
		r = num_add(p, r, argv[i]);
	return r;
}

static val pr_mul(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "*", argc, argv, 0);
	val r = P_FIX(1);
	for (int i = 0; i < argc; i++)
		r = num_mul(p, r, argv[i]);
	return r;
}

static val pr_sub(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "-", argc, argv, 0);
	if (argc == 1)
		return num_neg(p, argv[0]);
	val r = argv[0];
	for (int i = 1; i < argc; i++)
		r = num_sub(p, r, argv[i]);
	return r;
}

static val pr_div(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "/", argc, argv, 0);
	if (argc == 1)
		return num_div(p, P_FIX(1), argv[0]);
	val r = argv[0];
	for (int i = 1; i < argc; i++)
		r = num_div(p, r, argv[i]);
	return r;
}

static val pr_abs(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "abs", argc, argv, 0);
	val x = argv[0];
	if (P_IS_FLO(x))
		return p_flonum(p, fabs(P_FLOVAL(x)));
	return num_sign(x) < 0 ? num_neg(p, x) : x;
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
		p_arg_expect(p, who, argv, i, num_is_integer(argv[i]), "integer");
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
	p_arg_numbers(p, "rationalize", 2, argv, 0);
	int inexact = P_IS_FLO(x) || P_IS_FLO(y);
	if (num_is_nan(x) || num_is_nan(y))
		return p_flonum(p, __builtin_nan(""));
	if (P_IS_FLO(y) && isinf(P_FLOVAL(y)))
		return p_flonum(p, P_IS_FLO(x) && isinf(P_FLOVAL(x)) ? __builtin_nan("") : 0.0);
	if (P_IS_FLO(x) && isinf(P_FLOVAL(x)))
		return x;
	x = num_exact(p, x, "rationalize");
	y = num_exact(p, y, "rationalize");
	if (num_sign(y) < 0)
		y = num_neg(p, y);
	val lo = num_sub(p, x, y), hi = num_add(p, x, y), r;
	if (num_sign(lo) > 0)
		r = simplest_pos(p, lo, hi);
	else if (num_sign(hi) < 0)
		r = num_neg(p, simplest_pos(p, num_neg(p, hi), num_neg(p, lo)));
	else
		r = P_FIX(0);
	return inexact ? num_inexact(p, r) : r;
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
	{ "inexact", "exp", num_pr_exp, 1, 1 },
	{ "inexact", "log", num_pr_log, 1, 2 },
	{ "inexact", "sin", num_pr_sin, 1, 1 },
	{ "inexact", "cos", num_pr_cos, 1, 1 },
	{ "inexact", "tan", num_pr_tan, 1, 1 },
	{ "inexact", "asin", num_pr_asin, 1, 1 },
	{ "inexact", "acos", num_pr_acos, 1, 1 },
	{ "inexact", "atan", num_pr_atan, 1, 2 },
	{ "inexact", "sqrt", num_pr_sqrt, 1, 1 },
	{ "base", "square", num_pr_square, 1, 1 },
	{ "base", "exact-integer-sqrt", num_pr_exact_integer_sqrt, 1, 1 },
	{ "base", "expt", num_pr_expt, 2, 2 },
	{ "base", "exact", num_pr_exact_conv, 1, 1 },
	{ "base", "inexact", num_pr_inexact_conv, 1, 1 },
	{ "base", "exact->inexact", num_pr_inexact_conv, 1, 1 },
	{ "base", "inexact->exact", num_pr_exact_conv, 1, 1 },
	{ "base", "number->string", num_pr_number_to_string, 1, 2 },
	{ "base", "string->number", num_pr_string_to_number, 1, 2 },
	{ "complex", "real-part", num_pr_real_part, 1, 1 },
	{ "complex", "imag-part", num_pr_imag_part, 1, 1 },
	{ "complex", "magnitude", num_pr_magnitude, 1, 1 },
	{ "complex", "angle", num_pr_angle, 1, 1 },
	{ "complex", "make-rectangular", num_pr_make_rectangular, 2, 2 },
	{ "complex", "make-polar", num_pr_make_polar, 2, 2 },
	{ NULL, NULL, NULL, 0, 0 },
};
