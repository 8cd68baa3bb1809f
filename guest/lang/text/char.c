/* char.c - the character procedures of (scheme base) and (scheme char). */
#include "args.h"
#include "unicode.h"

static val prim_char_p(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(P_IS_CHAR(argv[0]));
}

static val prim_char_to_integer(P *p, int argc, val *argv)
{
	(void)argc;
	return P_FIX(p_arg_char(p, "char->integer", argv, 0));
}

static val prim_integer_to_char(P *p, int argc, val *argv)
{
	int64_t n;

	(void)argc;
	p_arg_expect(p, "integer->char", argv, 0, p_is_exact_integer(argv[0]),
		     "exact integer");
	if (!p_to_int64(argv[0], &n) || n < 0 || !uni_is_scalar((uint32_t)n) || n > UNI_MAX)
		p_range_error(p, "integer->char", 1, argv[0]);
	return P_CHAR((uint32_t)n);
}

/* n-ary comparison; every argument is checked even after the answer is
 * known, so a type error is never hidden by an earlier false result. */
static val compare(P *p, const char *who, int argc, val *argv, int ci,
		   int (*ok)(uint32_t, uint32_t))
{
	int result = 1;
	uint32_t prev = 0;

	for (int i = 0; i < argc; i++) {
		uint32_t c = p_arg_char(p, who, argv, i);
		if (ci)
			c = uni_foldcase_char(c);
		if (i > 0 && !ok(prev, c))
			result = 0;
		prev = c;
	}
	return P_BOOL(result);
}

static int eq(uint32_t a, uint32_t b) { return a == b; }
static int lt(uint32_t a, uint32_t b) { return a < b; }
static int gt(uint32_t a, uint32_t b) { return a > b; }
static int le(uint32_t a, uint32_t b) { return a <= b; }
static int ge(uint32_t a, uint32_t b) { return a >= b; }

#define CMP(fname, who, ci, op) \
	static val fname(P *p, int argc, val *argv) \
	{ \
		return compare(p, who, argc, argv, ci, op); \
	}
CMP(prim_char_eq, "char=?", 0, eq)
CMP(prim_char_lt, "char<?", 0, lt)
CMP(prim_char_gt, "char>?", 0, gt)
CMP(prim_char_le, "char<=?", 0, le)
CMP(prim_char_ge, "char>=?", 0, ge)
CMP(prim_char_ci_eq, "char-ci=?", 1, eq)
CMP(prim_char_ci_lt, "char-ci<?", 1, lt)
CMP(prim_char_ci_gt, "char-ci>?", 1, gt)
CMP(prim_char_ci_le, "char-ci<=?", 1, le)
CMP(prim_char_ci_ge, "char-ci>=?", 1, ge)

#define FLAGPRED(fname, who, flag) \
	static val fname(P *p, int argc, val *argv) \
	{ \
		(void)argc; \
		return P_BOOL(uni_flags(p_arg_char(p, who, argv, 0)) & (flag)); \
	}
FLAGPRED(prim_char_alphabetic_p, "char-alphabetic?", UNI_ALPHA)
FLAGPRED(prim_char_whitespace_p, "char-whitespace?", UNI_SPACE)
FLAGPRED(prim_char_upper_case_p, "char-upper-case?", UNI_UPPER)
FLAGPRED(prim_char_lower_case_p, "char-lower-case?", UNI_LOWER)

static val prim_char_numeric_p(P *p, int argc, val *argv)
{
	(void)argc;
	return P_BOOL(uni_digit_value(p_arg_char(p, "char-numeric?", argv, 0)) >= 0);
}

static val prim_digit_value(P *p, int argc, val *argv)
{
	int d = uni_digit_value(p_arg_char(p, "digit-value", argv, 0));

	(void)argc;
	return d < 0 ? P_FALSE : P_FIX(d);
}

static val prim_char_upcase(P *p, int argc, val *argv)
{
	(void)argc;
	return P_CHAR(uni_upcase_char(p_arg_char(p, "char-upcase", argv, 0)));
}

static val prim_char_downcase(P *p, int argc, val *argv)
{
	(void)argc;
	return P_CHAR(uni_downcase_char(p_arg_char(p, "char-downcase", argv, 0)));
}

static val prim_char_foldcase(P *p, int argc, val *argv)
{
	(void)argc;
	return P_CHAR(uni_foldcase_char(p_arg_char(p, "char-foldcase", argv, 0)));
}

const struct p_prim char_prims[] = {
	{"base", "char?", prim_char_p, 1, 1, 0},
	{"base", "char->integer", prim_char_to_integer, 1, 1, 0},
	{"base", "integer->char", prim_integer_to_char, 1, 1, 0},
	{"base", "char=?", prim_char_eq, 1, -1, 0},
	{"base", "char<?", prim_char_lt, 1, -1, 0},
	{"base", "char>?", prim_char_gt, 1, -1, 0},
	{"base", "char<=?", prim_char_le, 1, -1, 0},
	{"base", "char>=?", prim_char_ge, 1, -1, 0},
	{"char", "char-ci=?", prim_char_ci_eq, 1, -1, 0},
	{"char", "char-ci<?", prim_char_ci_lt, 1, -1, 0},
	{"char", "char-ci>?", prim_char_ci_gt, 1, -1, 0},
	{"char", "char-ci<=?", prim_char_ci_le, 1, -1, 0},
	{"char", "char-ci>=?", prim_char_ci_ge, 1, -1, 0},
	{"char", "char-alphabetic?", prim_char_alphabetic_p, 1, 1, 0},
	{"char", "char-numeric?", prim_char_numeric_p, 1, 1, 0},
	{"char", "char-whitespace?", prim_char_whitespace_p, 1, 1, 0},
	{"char", "char-upper-case?", prim_char_upper_case_p, 1, 1, 0},
	{"char", "char-lower-case?", prim_char_lower_case_p, 1, 1, 0},
	{"char", "digit-value", prim_digit_value, 1, 1, 0},
	{"char", "char-upcase", prim_char_upcase, 1, 1, 0},
	{"char", "char-downcase", prim_char_downcase, 1, 1, 0},
	{"char", "char-foldcase", prim_char_foldcase, 1, 1, 0},
	{NULL, NULL, NULL, 0, 0, 0},
};
