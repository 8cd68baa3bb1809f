/*
 * num_prim.h - what the files defining the numeric primitives share:
 * sign tests and the primitives of num_fn.c, which num_prims.c puts
 * in the num_prims table.
 */
#ifndef PXEN_NUM_PRIM_H
#define PXEN_NUM_PRIM_H

#include "num_int.h"
#include "args.h"

static inline int num_is_nan(val x)
{
	return P_IS_FLO(x) && P_FLOVAL(x) != P_FLOVAL(x);
}

/* Type-checks argv[first..argc) as real numbers for who. */
static inline void num_arg_reals(P *p, const char *who, int argc, val *argv, int first)
{
	for (int i = first; i < argc; i++)
		p_arg_expect(p, who, argv, i, num_is_real(argv[i]), "real number");
}

/* Sign of a real: -1, 0, 1; 2 for NaN. */
static inline int num_sign(val x)
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

/* num_fn.c */
val num_pr_exp(P *p, int argc, val *argv);
val num_pr_log(P *p, int argc, val *argv);
val num_pr_sin(P *p, int argc, val *argv);
val num_pr_cos(P *p, int argc, val *argv);
val num_pr_tan(P *p, int argc, val *argv);
val num_pr_asin(P *p, int argc, val *argv);
val num_pr_acos(P *p, int argc, val *argv);
val num_pr_atan(P *p, int argc, val *argv);
val num_pr_square(P *p, int argc, val *argv);
val num_pr_sqrt(P *p, int argc, val *argv);
val num_pr_exact_integer_sqrt(P *p, int argc, val *argv);
val num_pr_expt(P *p, int argc, val *argv);
val num_pr_exact_conv(P *p, int argc, val *argv);
val num_pr_inexact_conv(P *p, int argc, val *argv);
val num_pr_number_to_string(P *p, int argc, val *argv);
val num_pr_string_to_number(P *p, int argc, val *argv);
val num_pr_real_part(P *p, int argc, val *argv);
val num_pr_imag_part(P *p, int argc, val *argv);
val num_pr_magnitude(P *p, int argc, val *argv);
val num_pr_angle(P *p, int argc, val *argv);
val num_pr_make_rectangular(P *p, int argc, val *argv);
val num_pr_make_polar(P *p, int argc, val *argv);

#endif
