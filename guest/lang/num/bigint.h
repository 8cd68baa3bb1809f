/*
 * bigint.h - arithmetic on arrays of 64-bit limbs (least significant
 * first), the engine under the numbers module's bignums.
 *
 * Pure functions on caller-provided storage: no allocation, no errors.
 * A number is (pointer, length); lengths may include leading zero limbs
 * unless a function says it needs a normalized operand (top limb nonzero);
 * results are returned normalized through the returned length.  Output
 * arrays must not overlap inputs unless a function says so.
 */
#ifndef PXEN_BIGINT_H
#define PXEN_BIGINT_H

#include <stddef.h>
#include <stdint.h>

size_t big_norm(const uint64_t *a, size_t n);
size_t big_bitlen(const uint64_t *a, size_t n);
int big_cmp(const uint64_t *a, size_t an, const uint64_t *b, size_t bn);

/* r = a + b; r has max(an, bn) + 1 limbs and may be a. */
size_t big_add(uint64_t *r, const uint64_t *a, size_t an,
	       const uint64_t *b, size_t bn);
/* r = a - b for a >= b; r has an limbs and may be a. */
size_t big_sub(uint64_t *r, const uint64_t *a, size_t an,
	       const uint64_t *b, size_t bn);

/* r = a * b; r has an + bn limbs.  Karatsuba above a threshold, which
 * needs big_mul_scratch(an, bn) limbs of scratch. */
size_t big_mul_scratch(size_t an, size_t bn);
size_t big_mul(uint64_t *r, const uint64_t *a, size_t an,
	       const uint64_t *b, size_t bn, uint64_t *scratch);
/* a = a * m + add in place; a has room for n + 1 limbs. */
size_t big_mul_1_add(uint64_t *a, size_t n, uint64_t m, uint64_t add);

/* q = a / d (q has n limbs, may be a); returns the remainder; d != 0. */
uint64_t big_divmod_1(uint64_t *q, const uint64_t *a, size_t n, uint64_t d);
/* Knuth's algorithm D: q = a / b (an - bn + 1 limbs), r = a mod b (bn
 * limbs), for normalized b with bn >= 2 and an >= bn.  q or r may be NULL
 * when not wanted.  Needs big_div_scratch(an, bn) limbs of scratch. */
size_t big_div_scratch(size_t an, size_t bn);
void big_divmod(uint64_t *q, uint64_t *r, const uint64_t *a, size_t an,
		const uint64_t *b, size_t bn, uint64_t *scratch);

/* r = gcd(a, b) by Lehmer's method; r has max(an, bn) limbs.  Needs
 * big_gcd_scratch(an, bn) limbs of scratch. */
size_t big_gcd_scratch(size_t an, size_t bn);
uint64_t big_gcd_1(uint64_t a, uint64_t b);
size_t big_gcd(uint64_t *r, const uint64_t *a, size_t an,
	       const uint64_t *b, size_t bn, uint64_t *scratch);

/* r = a << bits (an + bits/64 + 1 limbs). */
size_t big_shl(uint64_t *r, const uint64_t *a, size_t an, size_t bits);
/* Whether any of the low `bits` bits of a is set. */
int big_low_bits_nonzero(const uint64_t *a, size_t an, size_t bits);

/* Text in radix 2..36, digits in lower case, no sign.  big_to_text writes
 * to out (room for big_text_len) and returns the digit count; it may
 * destroy a.  big_from_text reads n valid digits into r (room for
 * big_from_text_limbs) and returns the length.  Conversion to text is
 * linear in power-of-two radices and quadratic otherwise (num_text.c
 * splits large numbers first). */
size_t big_text_len(size_t an, int radix);
size_t big_to_text(char *out, uint64_t *a, size_t an, int radix);
size_t big_from_text_limbs(size_t ndigits, int radix);
size_t big_from_text(uint64_t *r, const char *s, size_t n, int radix);

#endif
