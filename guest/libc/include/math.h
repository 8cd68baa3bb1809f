/*
 * math.h - the double-precision functions the interpreter needs, for
 * freestanding code.  They are defined in libpc.a as pc_* (so they never
 * clash with glibc's libm when libpc.a is linked into the hosted `p`), and
 * the standard names map onto them here.  Results are within about one ulp
 * of the exact value; special values (inf, nan, -0.0) follow C99 Annex F.
 * No errno: domain errors return NaN, overflow returns +-inf.
 */
#ifndef PXEN_LIBC_MATH_H
#define PXEN_LIBC_MATH_H

#include "pc_math.h"

#define HUGE_VAL __builtin_huge_val()
#define INFINITY __builtin_inff()
#define NAN __builtin_nanf("")

#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf(x)
#define isfinite(x) __builtin_isfinite(x)
#define signbit(x) __builtin_signbit(x)
#define fabs(x) __builtin_fabs(x)
#define copysign(x, y) __builtin_copysign((x), (y))

#define sqrt(x) pc_sqrt(x)
#define floor(x) pc_floor(x)
#define ceil(x) pc_ceil(x)
#define trunc(x) pc_trunc(x)
#define round(x) pc_round(x)
#define exp(x) pc_exp(x)
#define log(x) pc_log(x)
#define sin(x) pc_sin(x)
#define cos(x) pc_cos(x)
#define tan(x) pc_tan(x)
#define asin(x) pc_asin(x)
#define acos(x) pc_acos(x)
#define atan(x) pc_atan(x)
#define atan2(y, x) pc_atan2((y), (x))
#define sinh(x) pc_sinh(x)
#define cosh(x) pc_cosh(x)
#define hypot(x, y) pc_hypot((x), (y))
#define pow(x, y) pc_pow((x), (y))
#define fmod(x, y) pc_fmod((x), (y))
#define frexp(x, e) pc_frexp((x), (e))
#define ldexp(x, e) pc_ldexp((x), (e))
#define modf(x, ip) pc_modf((x), (ip))

#endif
