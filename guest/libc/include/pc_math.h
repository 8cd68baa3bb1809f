/*
 * pc_math.h - libpc's math functions under their own names (math.h maps
 * the standard names onto these).  Tests include this next to glibc's
 * <math.h> to compare the two.
 */
#ifndef PXEN_LIBC_PC_MATH_H
#define PXEN_LIBC_PC_MATH_H

/* sqrtsd: correctly rounded. */
static inline double pc_sqrt(double x)
{
	double r;
	__asm__("sqrtsd %1, %0" : "=x"(r) : "x"(x));
	return r;
}

double pc_floor(double x);
double pc_ceil(double x);
double pc_trunc(double x);
double pc_round(double x);	/* halfway cases away from zero (C) */
double pc_round_even(double x);	/* halfway cases to even (Scheme) */
double pc_exp(double x);
double pc_log(double x);
double pc_sin(double x);
double pc_cos(double x);
double pc_tan(double x);
double pc_asin(double x);
double pc_acos(double x);
double pc_atan(double x);
double pc_atan2(double y, double x);
double pc_sinh(double x);
double pc_cosh(double x);
double pc_hypot(double x, double y);
double pc_pow(double x, double y);
double pc_fmod(double x, double y);
double pc_frexp(double x, int *exp);
double pc_ldexp(double x, int exp);
double pc_modf(double x, double *ipart);
/* More C99 functions, for SRFI 144 (math_explog.c, math_fma.c,
 * math_gamma.c, math_bessel.c). */
double pc_expm1(double x);
double pc_log1p(double x);
double pc_exp2(double x);
double pc_log2(double x);
double pc_log10(double x);
double pc_tanh(double x);
double pc_asinh(double x);
double pc_acosh(double x);
double pc_atanh(double x);
double pc_cbrt(double x);
double pc_fma(double x, double y, double z);
double pc_erf(double x);
double pc_erfc(double x);
double pc_tgamma(double x);
double pc_lgamma(double x, int *sign);	/* ln |gamma x|; *sign is gamma's */
double pc_jn(int n, double x);
double pc_yn(int n, double x);

#endif
