/*
 * bn.h - fixed-capacity unsigned big integers for exact float<->decimal
 * conversion (dtoa.c, strtod.c).  Internal to libpc.  The capacity covers
 * the largest intermediate either conversion builds (about 3800 bits); the
 * callers bound their inputs so it is never exceeded.
 */
#ifndef PXEN_LIBC_BN_H
#define PXEN_LIBC_BN_H

#include <stdint.h>

#define BN_LIMBS 144

struct bn {
	int n;			/* limbs in use; d[n-1] != 0 unless n == 0 */
	uint32_t d[BN_LIMBS];
};

void bn_set_u64(struct bn *a, uint64_t v);
void bn_mul_small(struct bn *a, uint32_t m);
void bn_add_small(struct bn *a, uint32_t v);
void bn_mul_pow10(struct bn *a, int e);
void bn_shl(struct bn *a, int bits);
void bn_shr1(struct bn *a);
void bn_add(struct bn *a, const struct bn *b);	/* a += b */
void bn_sub(struct bn *a, const struct bn *b);	/* a -= b, needs a >= b */
int bn_cmp(const struct bn *a, const struct bn *b);
/* Compares a + b with c without computing a + b. */
int bn_cmp_sum(const struct bn *a, const struct bn *b, const struct bn *c);
int bn_bitlen(const struct bn *a);

#endif
