/*
 * mathk.h - long double kernels shared by libpc's math functions.
 *
 * The double functions evaluate in x87 extended precision (64-bit
 * significand) and round once at the end, which keeps them within about
 * half an ulp plus a small fraction.  Internal to libpc.
 */
#ifndef PXEN_LIBC_MATHK_H
#define PXEN_LIBC_MATHK_H

#include <stdint.h>

#define PC_LN2L 0.693147180559945309417232121458176568L
#define PC_PIL 3.14159265358979323846264338327950288L
#define PC_PIO2L 1.57079632679489661923132169163975144L

/* e^z for |z| <= 12000 (no overflow in extended range). */
long double pc_expl_k(long double z);
/* ln x for finite x > 0. */
long double pc_logl_k(double x);
/* ln t for finite t > 0 given in extended precision. */
long double pc_logl_ld(long double t);
/* ln(1 + t) and e^z - 1, accurate near 0 (t > -1, |z| <= 12000). */
long double pc_log1pl_k(long double t);
long double pc_expm1l_k(long double z);
/* atan t for any finite t. */
long double pc_atanl_k(long double t);

static inline long double pc_sqrtl(long double x)
{
	__asm__("fsqrt" : "+t"(x));
	return x;
}

static inline uint64_t pc_dbits(double d)
{
	uint64_t b;
	__builtin_memcpy(&b, &d, sizeof b);
	return b;
}

static inline double pc_bitsd(uint64_t b)
{
	double d;
	__builtin_memcpy(&d, &b, sizeof d);
	return d;
}

#endif
