/*
 * num_int.h - internals shared by the numbers module's files (num*.c):
 * kinds of numbers, views of exact integers as limb arrays, and the exact
 * integer and rational operations the generic arithmetic is built from.
 */
#ifndef PXEN_NUM_INT_H
#define PXEN_NUM_INT_H

#include "num.h"
#include "bigint.h"

enum num_kind { NK_NONE = -1, NK_FIX, NK_BIG, NK_RAT, NK_FLO, NK_CPX };

static inline int num_kind(val x)
{
	if (P_IS_FIX(x))
		return NK_FIX;
	if (!P_IS_PTR(x))
		return NK_NONE;
	switch (P_TYPE_OF_HDR(P_HDR(x))) {
	case T_BIGNUM:
		return NK_BIG;
	case T_RATNUM:
		return NK_RAT;
	case T_FLONUM:
		return NK_FLO;
	case T_COMPNUM:
		return NK_CPX;
	default:
		return NK_NONE;
	}
}

/* An exact integer seen as sign and magnitude limbs.  For a fixnum the
 * single limb lives in the struct itself: never copy a view. */
struct ibig {
	const uint64_t *d;
	size_t n;
	int neg;
	uint64_t one;
};

static inline void ib_of(struct ibig *v, val x)
{
	if (P_IS_FIX(x)) {
		intptr_t i = P_FIXVAL(x);
		v->neg = i < 0;
		v->one = i < 0 ? -(uint64_t)i : (uint64_t)i;
		v->d = &v->one;
		v->n = v->one != 0;
	} else {
		intptr_t c = NUM_BIG_COUNT(x);
		v->neg = c < 0;
		v->n = (size_t)(c < 0 ? -c : c);
		v->d = NUM_BIG_LIMBS(x);
	}
}

/* Scratch limbs in a raw heap object (garbage once the primitive returns). */
uint64_t *num_scratch(P *p, size_t limbs);
/* A bignum object with room for cap limbs, to compute into; num_big_done
 * normalizes it (to a fixnum when it fits) after n limbs were written. */
val num_big_alloc(P *p, size_t cap);
val num_big_done(val b, int neg, size_t n);
/* The integer with the given sign and magnitude (copied). */
val num_int_make(P *p, int neg, const uint64_t *d, size_t n);

/* Exact integers. */
int num_int_sign(val a);
int num_int_cmp(val a, val b);
int num_int_is_odd(val a);
val num_int_add(P *p, val a, val b);
val num_int_sub(P *p, val a, val b);
val num_int_mul(P *p, val a, val b);
val num_int_neg(P *p, val a);
/* Truncating division; b nonzero.  q or r may be NULL. */
void num_int_divmod(P *p, val a, val b, val *q, val *r);
val num_int_gcd(P *p, val a, val b);	/* nonnegative */
val num_int_shl(P *p, val a, size_t bits);
size_t num_int_bitlen(val a);		/* of the magnitude */
double num_int_to_double(val a);

/* Exact rationals (integers included). */
val num_make_ratio(P *p, val n, val d);	/* normalizes; d nonzero */
val num_exact_numer(val x);
val num_exact_denom(val x);
double num_ratio_to_double(P *p, val n, val d);

/* Integer division of integers (exact or integral flonums) for the
 * procedure who: kind 't' truncates, 'f' floors; q or r may be NULL. */
void num_intdiv(P *p, const char *who, val x, val y, int kind, val *q, val *r);

/* The exact value of a finite double. */
val num_from_double_exact(P *p, double d);

#endif
