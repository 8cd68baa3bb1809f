/*
 * num.h - the numeric tower: fixnums, bignums, exact rationals, flonums
 * and rectangular complex numbers.
 *
 * Representation (value.h has the fixnum encoding):
 *   fixnum  exact integer in [P_FIX_MIN, P_FIX_MAX]
 *   bignum  T_BIGNUM raw object: intptr_t signed limb count (negative for
 *           negative numbers), then |count| uint64_t limbs, least
 *           significant first, top limb nonzero.  Always normalized: an
 *           integer that fits a fixnum is never a bignum.
 *   ratnum  T_RATNUM {numerator, denominator}: exact integers, denominator
 *           > 1, gcd 1.  A ratio that is an integer is never a ratnum.
 *   flonum  T_FLONUM: IEEE double.
 *   compnum T_COMPNUM {real part, imaginary part}: both exact (integers
 *           or ratnums) or both flonums.  A compnum never has an exact
 *           zero imaginary part: that number is its real part, even for
 *           an inexact real part (-2.5+0i is -2.5).  An inexact zero
 *           imaginary part stays (-2.5+0.0i is not real?, as R7RS 6.2.6
 *           shows), so real? is "not a compnum".
 *
 * All functions taking P* may allocate and may raise errors through
 * p_type_error/p_raise_error (non-numbers, division by exact zero).  The
 * arithmetic entry points below are the ones the VM calls when its inline
 * fixnum fast path overflows or sees a non-fixnum; errors name the Scheme
 * procedure (+, -, *, /, <, ...).
 */
#ifndef PXEN_NUM_H
#define PXEN_NUM_H

#include "value.h"

#define NUM_IS_BIG(v) P_HAS_TYPE(v, T_BIGNUM)
#define NUM_IS_RAT(v) P_HAS_TYPE(v, T_RATNUM)
#define NUM_BIG_COUNT(v) (*(intptr_t *)P_RAW(v))
#define NUM_BIG_LIMBS(v) ((uint64_t *)P_RAW(v) + 1)
#define NUM_RAT_NUM(v) (P_SLOTS(v)[0])
#define NUM_RAT_DEN(v) (P_SLOTS(v)[1])
#define NUM_IS_CPX(v) P_HAS_TYPE(v, T_COMPNUM)
#define NUM_CPX_RE(v) (P_SLOTS(v)[0])
#define NUM_CPX_IM(v) (P_SLOTS(v)[1])

/* Classification (no allocation, no errors; non-numbers give 0). */
int num_is_exact(val x);		/* exact real number */
int num_is_exact_number(val x);	/* exact real or exact compnum */
int num_is_real(val x);		/* number but not a compnum */
int num_is_exact_integer(val x);	/* fixnum or bignum */
int num_is_integer(val x);		/* exact integer or integral flonum */
int num_is_rational(val x);		/* exact real, or finite flonum */

/* Complex numbers.  num_make_rect normalizes (see above): re and im must
 * be reals.  num_make_polar gives an exact result only for an exact zero
 * angle.  The parts of a real x are x and exact 0 (no allocation). */
val num_make_rect(P *p, val re, val im);
val num_make_polar(P *p, val mag, val angle);
val num_real_part(val x);
val num_imag_part(val x);

/* Arithmetic: x, y must be numbers (else a type error naming the
 * operator).  Exact in, exact out; any flonum makes the result inexact. */
val num_add(P *p, val x, val y);
val num_sub(P *p, val x, val y);
val num_mul(P *p, val x, val y);
val num_div(P *p, val x, val y);	/* exact rationals for exact args */
val num_neg(P *p, val x);
/* Integer division on integers (exact or integral flonums). */
val num_quotient(P *p, val x, val y);
val num_remainder(P *p, val x, val y);
val num_modulo(P *p, val x, val y);

/* Comparison of reals.  num_cmp gives -1, 0, 1, or 2 when either is a NaN
 * (unordered); exact and inexact values compare by their exact values.
 * A compnum is a type error naming who (num_cmp and num_lt name "<").
 * num_eq compares any numbers. */
int num_order(P *p, const char *who, val x, val y);
int num_cmp(P *p, val x, val y);
int num_eq(P *p, val x, val y);
int num_lt(P *p, val x, val y);
/* eqv? on numbers: same exactness and same value; -0.0 and 0.0 differ,
 * NaNs with the same bits are eqv.  Either may be a non-number (then 0
 * unless x == y). */
int num_eqv(val x, val y);
/* A hash consistent with num_eqv (for eqv hash tables). */
uint64_t num_hash(val x);

/* Conversions. */
double num_to_double(P *p, val x);	/* any real, correctly rounded */
val num_exact(P *p, val x, const char *who);	/* error on inf/nan parts */
val num_inexact(P *p, val x);

/* Text.  num_parse reads n bytes of R7RS number syntax (prefixes #x #b #o
 * #d #e #i in either order, rationals, decimals, +inf.0 -inf.0 +nan.0
 * -nan.0, and complex numbers a+bi, +i, a@b built from them) in default
 * radix 2, 8, 10 or 16 and returns the number or P_FALSE when the text is not a number.  It never raises, except heap
 * exhaustion.  num_format writes x through emit, exact numbers in any
 * radix 2 to 36, flonums in radix 10 (shortest round-trip digits) or in
 * radix 2, 8 or 16 (exact digits); infinities and NaNs the same in every
 * radix; a compnum as its parts, a+bi.  It returns 0, or -1 if x is not a number or the radix is
 * unsupported. */
val num_parse(P *p, const char *s, size_t n, int radix);
int num_format(P *p, val x, int radix,
	       void (*emit)(void *ctx, const char *s, size_t n), void *ctx);

#endif
