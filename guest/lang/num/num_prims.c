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

static val pr_real(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(num_is_real(argv[0]));
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
	return P_BOOL(num_is_exact_number(argv[0]));
}

static val pr_inexact(P *p, int argc, val *argv)
{
	p_arg_numbers(p, "inexact?", argc, argv, 0);
	return P_BOOL(!num_is_exact_number(argv[0]));
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

static int float_class(val x, intptr_t class)
{
	if (!P_IS_FLO(x))
		return class == 'f';
	double d = P_FLOVAL(x);
	return class == 'n' ? d != d : class == 'i' ? isinf(d) : isfinite(d);
}

/* nan?, infinite? and finite?: data is 'n', 'i' or 'f'.  A complex
 * number is finite when both parts are, else NaN or infinite when either
 * part is. */
static val pr_float_class(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);
	val x = argv[0];

	p_arg_numbers(p, d->name, argc, argv, 0);
	if (!NUM_IS_CPX(x))
		return P_BOOL(float_class(x, d->data));
	if (d->data == 'f')
		return P_BOOL(float_class(NUM_CPX_RE(x), 'f') && float_class(NUM_CPX_IM(x), 'f'));
	return P_BOOL(float_class(NUM_CPX_RE(x), d->data) || float_class(NUM_CPX_IM(x), d->data));
}

/* ---- comparison ---- */

/* = < > <= >=: whether every adjacent pair compares as one of the outcomes
 * allowed by data (bit 0: less, bit 1: equal, bit 2: greater); NaN never
 * does.  Only = takes complex numbers. */
static val pr_compare(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);
	int result = 1;

	p_arg_numbers(p, d->name, argc, argv, 0);
	if (d->data == 2) {
		for (int i = 0; i + 1 < argc; i++)
			result &= num_eq(p, argv[i], argv[i + 1]);
		return P_BOOL(result);
	}
	num_arg_reals(p, d->name, argc, argv, 0);
	for (int i = 0; i + 1 < argc; i++) {
		int c = num_order(p, d->name, argv[i], argv[i + 1]);
		if (c == 2 || !(d->data & (1 << (c + 1))))
			result = 0;
	}
	return P_BOOL(result);
}

/* zero?, positive? and negative?: data is the sign that answers #t.  Only
 * zero? takes complex numbers: 0.0+0.0i is zero. */
static val pr_sign_is(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);
	val x = argv[0];

	p_arg_numbers(p, d->name, argc, argv, 0);
	if (d->data == 0 && NUM_IS_CPX(x))
		return P_BOOL(num_sign(NUM_CPX_RE(x)) == 0 && num_sign(NUM_CPX_IM(x)) == 0);
	num_arg_reals(p, d->name, argc, argv, 0);
	return P_BOOL(num_sign(x) == d->data);
}

/* odd? and even?: data is 1 for odd?. */
static val pr_parity(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);
	val x = argv[0];
	int odd;

	(void)argc;
	p_arg_expect(p, d->name, argv, 0, num_is_integer(x), "integer");
	odd = P_IS_FLO(x) ? fmod(P_FLOVAL(x), 2) != 0 : num_int_is_odd(x);
	return P_BOOL(odd == d->data);
}

/* max and min: data is the comparison result that replaces the best so
 * far (1 for max, -1 for min). */
static val pr_extremum(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);

	num_arg_reals(p, d->name, argc, argv, 0);
	val best = argv[0];
	int inexact = P_IS_FLO(best);
	for (int i = 1; i < argc; i++) {
		inexact |= P_IS_FLO(argv[i]);
		if (num_is_nan(best))
			continue;
		if (num_is_nan(argv[i]) || num_cmp(p, argv[i], best) == d->data)
			best = argv[i];
	}
	return inexact ? num_inexact(p, best) : best;
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
	num_arg_reals(p, "abs", argc, argv, 0);
	val x = argv[0];
	if (P_IS_FLO(x))
		return p_flonum(p, fabs(P_FLOVAL(x)));
	return num_sign(x) < 0 ? num_neg(p, x) : x;
}

/* The integer divisions: data is the rounding ('t' truncate, 'f' floor)
 * plus INTDIV_Q and/or INTDIV_R, the results wanted (both: two values). */
enum { INTDIV_Q = 0x100, INTDIV_R = 0x200 };

static val pr_intdiv(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);
	val qr[2];

	(void)argc;
	num_intdiv(p, d->name, argv[0], argv[1], (int)(d->data & 0xff),
		   d->data & INTDIV_Q ? &qr[0] : NULL,
		   d->data & INTDIV_R ? &qr[1] : NULL);
	if (!(d->data & INTDIV_R))
		return qr[0];
	if (!(d->data & INTDIV_Q))
		return qr[1];
	return p_values(p, 2, qr);
}

/* gcd and lcm (data 1) work on the exact values; any inexact argument makes the
 * result inexact. */
static val pr_gcd_lcm(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);
	const char *who = d->name;
	int lcm = d->data == 1;
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

/* numerator and denominator (data 1). */
static val pr_numer_denom(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);
	val x = argv[0];

	(void)argc;
	p_arg_expect(p, d->name, argv, 0, num_is_rational(x), "rational number");
	val e = num_exact(p, x, d->name);
	val r = d->data ? num_exact_denom(e) : num_exact_numer(e);
	return P_IS_FLO(x) ? num_inexact(p, r) : r;
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

/* floor, ceiling, truncate and round: data is the mode, 'f', 'c', 't' or
 * 'r'. */
static val pr_rounding(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);

	(void)argc;
	return rounding(p, d->name, argv[0], (int)d->data);
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
	num_arg_reals(p, "rationalize", 2, argv, 0);
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
	{ "base", "number?", pr_number, 1, 1, 0 },
	{ "base", "complex?", pr_number, 1, 1, 0 },
	{ "base", "real?", pr_real, 1, 1, 0 },
	{ "base", "rational?", pr_rational, 1, 1, 0 },
	{ "base", "integer?", pr_integer, 1, 1, 0 },
	{ "base", "exact?", pr_exact, 1, 1, 0 },
	{ "base", "inexact?", pr_inexact, 1, 1, 0 },
	{ "base", "exact-integer?", pr_exact_integer, 1, 1, 0 },
	{ "base", "exact-rational?", pr_exact_rational, 1, 1, 0 },
	{ "inexact", "nan?", pr_float_class, 1, 1, 'n' },
	{ "inexact", "infinite?", pr_float_class, 1, 1, 'i' },
	{ "inexact", "finite?", pr_float_class, 1, 1, 'f' },
	{ "base", "=", pr_compare, 1, -1, 2 },
	{ "base", "<", pr_compare, 1, -1, 1 },
	{ "base", ">", pr_compare, 1, -1, 4 },
	{ "base", "<=", pr_compare, 1, -1, 3 },
	{ "base", ">=", pr_compare, 1, -1, 6 },
	{ "base", "zero?", pr_sign_is, 1, 1, 0 },
	{ "base", "positive?", pr_sign_is, 1, 1, 1 },
	{ "base", "negative?", pr_sign_is, 1, 1, -1 },
	{ "base", "odd?", pr_parity, 1, 1, 1 },
	{ "base", "even?", pr_parity, 1, 1, 0 },
	{ "base", "max", pr_extremum, 1, -1, 1 },
	{ "base", "min", pr_extremum, 1, -1, -1 },
	{ "base", "+", pr_add, 0, -1, 0 },
	{ "base", "*", pr_mul, 0, -1, 0 },
	{ "base", "-", pr_sub, 1, -1, 0 },
	{ "base", "/", pr_div, 1, -1, 0 },
	{ "base", "abs", pr_abs, 1, 1, 0 },
	{ "base", "quotient", pr_intdiv, 2, 2, 't' | INTDIV_Q },
	{ "base", "remainder", pr_intdiv, 2, 2, 't' | INTDIV_R },
	{ "base", "modulo", pr_intdiv, 2, 2, 'f' | INTDIV_R },
	{ "base", "floor/", pr_intdiv, 2, 2, 'f' | INTDIV_Q | INTDIV_R },
	{ "base", "floor-quotient", pr_intdiv, 2, 2, 'f' | INTDIV_Q },
	{ "base", "floor-remainder", pr_intdiv, 2, 2, 'f' | INTDIV_R },
	{ "base", "truncate/", pr_intdiv, 2, 2, 't' | INTDIV_Q | INTDIV_R },
	{ "base", "truncate-quotient", pr_intdiv, 2, 2, 't' | INTDIV_Q },
	{ "base", "truncate-remainder", pr_intdiv, 2, 2, 't' | INTDIV_R },
	{ "base", "gcd", pr_gcd_lcm, 0, -1, 0 },
	{ "base", "lcm", pr_gcd_lcm, 0, -1, 1 },
	{ "base", "numerator", pr_numer_denom, 1, 1, 0 },
	{ "base", "denominator", pr_numer_denom, 1, 1, 1 },
	{ "base", "floor", pr_rounding, 1, 1, 'f' },
	{ "base", "ceiling", pr_rounding, 1, 1, 'c' },
	{ "base", "truncate", pr_rounding, 1, 1, 't' },
	{ "base", "round", pr_rounding, 1, 1, 'r' },
	{ "base", "rationalize", pr_rationalize, 2, 2, 0 },
	{ "inexact", "exp", num_pr_exp, 1, 1, 0 },
	{ "inexact", "log", num_pr_log, 1, 2, 0 },
	{ "inexact", "sin", num_pr_sin, 1, 1, 0 },
	{ "inexact", "cos", num_pr_cos, 1, 1, 0 },
	{ "inexact", "tan", num_pr_tan, 1, 1, 0 },
	{ "inexact", "asin", num_pr_asin, 1, 1, 0 },
	{ "inexact", "acos", num_pr_acos, 1, 1, 0 },
	{ "inexact", "atan", num_pr_atan, 1, 2, 0 },
	{ "inexact", "sqrt", num_pr_sqrt, 1, 1, 0 },
	{ "base", "square", num_pr_square, 1, 1, 0 },
	{ "base", "exact-integer-sqrt", num_pr_exact_integer_sqrt, 1, 1, 0 },
	{ "base", "expt", num_pr_expt, 2, 2, 0 },
	{ "base", "exact", num_pr_exact_conv, 1, 1, 0 },
	{ "base", "inexact", num_pr_inexact_conv, 1, 1, 0 },
	{ "base", "exact->inexact", num_pr_inexact_conv, 1, 1, 0 },
	{ "base", "inexact->exact", num_pr_exact_conv, 1, 1, 0 },
	{ "base", "number->string", num_pr_number_to_string, 1, 2, 0 },
	{ "base", "string->number", num_pr_string_to_number, 1, 2, 0 },
	{ "complex", "real-part", num_pr_real_part, 1, 1, 0 },
	{ "complex", "imag-part", num_pr_imag_part, 1, 1, 0 },
	{ "complex", "magnitude", num_pr_magnitude, 1, 1, 0 },
	{ "complex", "angle", num_pr_angle, 1, 1, 0 },
	{ "complex", "make-rectangular", num_pr_make_rectangular, 2, 2, 0 },
	{ "complex", "make-polar", num_pr_make_polar, 2, 2, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
