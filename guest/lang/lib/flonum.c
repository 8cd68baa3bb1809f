/*
 * flonum.c - the C side of (srfi 144): the flonum functions of C99 (libpc's
 * pc_* functions, all of them ours: the guest links no other libc) and the
 * operations on a flonum's representation, as primitives exported by
 * (pxen flonum) under their SRFI 144 names.
 *
 * Every argument must be a flonum; the results of the functions outside
 * their real domain are NaNs, as in C, never complex numbers.
 */
#include <math.h>

#include "core.h"
#include "args.h"
#include "flonum.h"

static double flo_arg(P *p, int argc, val *argv, int i)
{
	(void)argc;
	p_arg_expect(p, p_prim_desc(p)->name, argv, i, P_IS_FLO(argv[i]), "flonum");
	return P_FLOVAL(argv[i]);
}

static double fl_sqrt(double x) { return x == 0 ? x : pc_sqrt(x); }
static double fl_exp(double x) { return pc_exp(x); }
static double fl_log(double x) { return pc_log(x); }
static double fl_sin(double x) { return pc_sin(x); }
static double fl_cos(double x) { return pc_cos(x); }
static double fl_tan(double x) { return pc_tan(x); }
static double fl_asin(double x) { return pc_asin(x); }
static double fl_acos(double x) { return pc_acos(x); }

/* The one-argument functions: id, SRFI 144 name, C function. */
#define FL_FN1(X) \
	X(FN_SQRT, "flsqrt", fl_sqrt) X(FN_EXP, "flexp", fl_exp) \
	X(FN_LOG, "fllog", fl_log) X(FN_SIN, "flsin", fl_sin) \
	X(FN_COS, "flcos", fl_cos) X(FN_TAN, "fltan", fl_tan) \
	X(FN_ASIN, "flasin", fl_asin) X(FN_ACOS, "flacos", fl_acos) \
	X(FN_EXPM1, "flexp-1", pc_expm1) X(FN_LOG1P, "fllog1+", pc_log1p) \
	X(FN_EXP2, "flexp2", pc_exp2) X(FN_LOG2, "fllog2", pc_log2) \
	X(FN_LOG10, "fllog10", pc_log10) X(FN_SINH, "flsinh", pc_sinh) \
	X(FN_COSH, "flcosh", pc_cosh) X(FN_TANH, "fltanh", pc_tanh) \
	X(FN_ASINH, "flasinh", pc_asinh) X(FN_ACOSH, "flacosh", pc_acosh) \
	X(FN_ATANH, "flatanh", pc_atanh) X(FN_CBRT, "flcbrt", pc_cbrt) \
	X(FN_ERF, "flerf", pc_erf) X(FN_ERFC, "flerfc", pc_erfc) \
	X(FN_GAMMA, "flgamma", pc_tgamma)

#define FN1_ID(id, name, fn) id,
enum { FL_FN1(FN1_ID) FN1_COUNT };
#define FN1_FN(id, name, fn) [id] = fn,
static double (*const fn1[FN1_COUNT])(double) = { FL_FN1(FN1_FN) };

static val pr_fn1(P *p, int argc, val *argv)
{
	double x = flo_arg(p, argc, argv, 0);
	return p_flonum(p, fn1[p_prim_desc(p)->data](x));
}

/* (flatan x) or (flatan y x) */
static val pr_atan(P *p, int argc, val *argv)
{
	double a = flo_arg(p, argc, argv, 0);
	if (!p_arg_present(argc, argv, 1))
		return p_flonum(p, pc_atan(a));
	return p_flonum(p, pc_atan2(a, flo_arg(p, argc, argv, 1)));
}

/* x toward y by one ulp: C99 nextafter. */
static double next_after(double x, double y)
{
	if (x != x || y != y)
		return x + y;
	if (x == y)
		return y;
	if (x == 0)
		return y > 0 ? 0x1p-1074 : -0x1p-1074;
	uint64_t b;
	__builtin_memcpy(&b, &x, sizeof b);
	if ((x < y) == (x > 0))
		b++;
	else
		b--;
	__builtin_memcpy(&x, &b, sizeof x);
	return x;
}

enum { F2_HYPOT, F2_EXPT, F2_COPYSIGN, F2_ADJACENT, F2_REMAINDER,
       F2_QUOTIENT };

static val pr_fn2(P *p, int argc, val *argv)
{
	double x = flo_arg(p, argc, argv, 0), y = flo_arg(p, argc, argv, 1), r;
	switch (p_prim_desc(p)->data) {
	case F2_HYPOT:
		r = pc_hypot(x, y);
		break;
	case F2_EXPT:
		r = pc_pow(x, y);
		break;
	case F2_COPYSIGN:
		r = copysign(x, y);
		break;
	case F2_ADJACENT:
		r = next_after(x, y);
		break;
	case F2_REMAINDER:
		r = pc_fmod(x, y);
		break;
	default:	/* the remainder is exact, so x - r is a multiple of y */
		r = pc_trunc((x - pc_fmod(x, y)) / y);
		break;
	}
	return p_flonum(p, r);
}

static val pr_fma(P *p, int argc, val *argv)
{
	return p_flonum(p, pc_fma(flo_arg(p, argc, argv, 0),
				  flo_arg(p, argc, argv, 1),
				  flo_arg(p, argc, argv, 2)));
}

/* (flremquo x y): the remainder of x / y with the quotient rounded to
 * nearest (ties to even), and that quotient's low three bits, signed. */
static val pr_remquo(P *p, int argc, val *argv)
{
	double x = flo_arg(p, argc, argv, 0), y = flo_arg(p, argc, argv, 1);
	val out[2];
	if (y == 0 || x != x || y != y || isinf(x)) {
		out[0] = p_flonum(p, __builtin_nan(""));
		out[1] = P_FIX(0);
		return p_values(p, 2, out);
	}
	double ay = fabs(y);
	/* fmod is exact: |x| mod 8|y| gives the truncated quotient's low bits
	 * and the remainder. */
	double r8 = isinf(8 * ay) ? fabs(x) : pc_fmod(fabs(x), 8 * ay);
	int q = 0;
	while (r8 >= ay) {
		r8 -= ay;	/* exact: r8 and ay are within a factor of 8 */
		q++;
	}
	if (r8 > ay / 2 || (r8 == ay / 2 && (q & 1))) {
		r8 -= ay;
		q++;
	}
	q &= 7;
	int neg = (x < 0) != (y < 0);
	out[0] = p_flonum(p, x < 0 ? -r8 : r8);
	out[1] = P_FIX(neg ? -q : q);
	return p_values(p, 2, out);
}

static int order_arg(P *p, int argc, val *argv)
{
	(void)argc;
	if (!P_IS_FIX(argv[0]))
		p_type_error(p, p_prim_desc(p)->name, 1, "exact integer", argv[0]);
	intptr_t n = P_FIXVAL(argv[0]);
	if (n > 100000 || n < -100000)
		p_range_error(p, p_prim_desc(p)->name, 1, argv[0]);
	return (int)n;
}

/* (flfirst-bessel n x), (flsecond-bessel n x): data 'j' or 'y'. */
static val pr_bessel(P *p, int argc, val *argv)
{
	int n = order_arg(p, argc, argv);
	double x = flo_arg(p, argc, argv, 1);
	return p_flonum(p, p_prim_desc(p)->data == 'j' ? pc_jn(n, x) : pc_yn(n, x));
}

static val pr_loggamma(P *p, int argc, val *argv)
{
	int sign;
	double r = pc_lgamma(flo_arg(p, argc, argv, 0), &sign);
	val out[2];
	out[0] = p_flonum(p, r);
	out[1] = p_flonum(p, sign);
	return p_values(p, 2, out);
}

/* (make-flonum x n): x 2^n. */
static val pr_make_flonum(P *p, int argc, val *argv)
{
	double x = flo_arg(p, argc, argv, 0);
	p_arg_expect(p, "make-flonum", argv, 1, P_IS_FIX(argv[1]), "exact integer");
	intptr_t n = P_FIXVAL(argv[1]);
	/* Beyond +-2200 every finite x overflows or underflows. */
	if (n > 2200)
		n = 2200;
	if (n < -2200)
		n = -2200;
	return p_flonum(p, pc_ldexp(x, (int)n));
}

/* (flnormalized-fraction-exponent x): frexp's two results. */
static val pr_frexp(P *p, int argc, val *argv)
{
	int e = 0;
	double m = pc_frexp(flo_arg(p, argc, argv, 0), &e);
	val out[2] = { p_flonum(p, m), P_FIX(e) };
	return p_values(p, 2, out);
}

/* (flinteger-fraction x): modf's two results, integral part first. */
static val pr_modf(P *p, int argc, val *argv)
{
	double ip;
	double f = pc_modf(flo_arg(p, argc, argv, 0), &ip);
	val out[2];
	out[0] = p_flonum(p, ip);
	out[1] = p_flonum(p, f);
	return p_values(p, 2, out);
}

static val pr_sign_bit(P *p, int argc, val *argv)
{
	return P_FIX(signbit(flo_arg(p, argc, argv, 0)) ? 1 : 0);
}

const struct p_prim flonum_prims[] = {
#define FN1_PRIM(id, name, fn) { "pxen flonum", name, pr_fn1, 1, 1, id },
	FL_FN1(FN1_PRIM)
	{ "pxen flonum", "flatan", pr_atan, 1, 2, 0 },
	{ "pxen flonum", "flhypot", pr_fn2, 2, 2, F2_HYPOT },
	{ "pxen flonum", "flexpt", pr_fn2, 2, 2, F2_EXPT },
	{ "pxen flonum", "flcopysign", pr_fn2, 2, 2, F2_COPYSIGN },
	{ "pxen flonum", "fladjacent", pr_fn2, 2, 2, F2_ADJACENT },
	{ "pxen flonum", "flremainder", pr_fn2, 2, 2, F2_REMAINDER },
	{ "pxen flonum", "flquotient", pr_fn2, 2, 2, F2_QUOTIENT },
	{ "pxen flonum", "fl+*", pr_fma, 3, 3, 0 },
	{ "pxen flonum", "flremquo", pr_remquo, 2, 2, 0 },
	{ "pxen flonum", "flfirst-bessel", pr_bessel, 2, 2, 'j' },
	{ "pxen flonum", "flsecond-bessel", pr_bessel, 2, 2, 'y' },
	{ "pxen flonum", "flloggamma", pr_loggamma, 1, 1, 0 },
	{ "pxen flonum", "make-flonum", pr_make_flonum, 2, 2, 0 },
	{ "pxen flonum", "flnormalized-fraction-exponent", pr_frexp, 1, 1, 0 },
	{ "pxen flonum", "flinteger-fraction", pr_modf, 1, 1, 0 },
	{ "pxen flonum", "flsign-bit", pr_sign_bit, 1, 1, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
