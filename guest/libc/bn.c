/*
 * bn.c - the fixed-capacity big integers of bn.h.
 */
#include <string.h>
#include "bn.h"

static void trim(struct bn *a)
{
	while (a->n > 0 && a->d[a->n - 1] == 0)
		a->n--;
}

void bn_set_u64(struct bn *a, uint64_t v)
{
	a->d[0] = (uint32_t)v;
	a->d[1] = (uint32_t)(v >> 32);
	a->n = 2;
	trim(a);
}

void bn_mul_small(struct bn *a, uint32_t m)
{
	uint64_t carry = 0;

	for (int i = 0; i < a->n; i++) {
		uint64_t t = (uint64_t)a->d[i] * m + carry;
		a->d[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry)
		a->d[a->n++] = (uint32_t)carry;
}

void bn_add_small(struct bn *a, uint32_t v)
{
	uint64_t carry = v;

	for (int i = 0; carry && i < a->n; i++) {
		uint64_t t = (uint64_t)a->d[i] + carry;
		a->d[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry)
		a->d[a->n++] = (uint32_t)carry;
}

void bn_mul_pow10(struct bn *a, int e)
{
	for (; e >= 9; e -= 9)
		bn_mul_small(a, 1000000000u);
	static const uint32_t small[9] = { 1, 10, 100, 1000, 10000, 100000,
		1000000, 10000000, 100000000 };
	if (e > 0)
		bn_mul_small(a, small[e]);
}

void bn_shl(struct bn *a, int bits)
{
	int w = bits / 32, b = bits % 32;

	if (a->n == 0)
		return;
	if (b) {
		uint32_t carry = 0;
		for (int i = 0; i < a->n; i++) {
			uint32_t t = a->d[i];
			a->d[i] = (t << b) | carry;
			carry = t >> (32 - b);
		}
		if (carry)
			a->d[a->n++] = carry;
	}
	if (w) {
		memmove(a->d + w, a->d, (size_t)a->n * sizeof a->d[0]);
		memset(a->d, 0, (size_t)w * sizeof a->d[0]);
		a->n += w;
	}
}

void bn_shr1(struct bn *a)
{
	for (int i = 0; i < a->n; i++)
		a->d[i] = (a->d[i] >> 1) | (i + 1 < a->n ? a->d[i + 1] << 31 : 0);
	trim(a);
}

void bn_add(struct bn *a, const struct bn *b)
{
	uint64_t carry = 0;
	int n = a->n > b->n ? a->n : b->n;

	for (int i = 0; i < n; i++) {
		uint64_t t = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
		a->d[i] = (uint32_t)t;
		carry = t >> 32;
	}
	a->n = n;
	if (carry)
		a->d[a->n++] = (uint32_t)carry;
}

void bn_sub(struct bn *a, const struct bn *b)
{
	int64_t borrow = 0;

	for (int i = 0; i < a->n; i++) {
		int64_t t = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
		borrow = t < 0;
		a->d[i] = (uint32_t)t;
	}
	trim(a);
}

int bn_cmp(const struct bn *a, const struct bn *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->d[i] != b->d[i])
			return a->d[i] < b->d[i] ? -1 : 1;
	return 0;
}

int bn_cmp_sum(const struct bn *a, const struct bn *b, const struct bn *c)
{
	struct bn t = *a;

	bn_add(&t, b);
	return bn_cmp(&t, c);
}

int bn_bitlen(const struct bn *a)
{
	if (a->n == 0)
		return 0;
	return a->n * 32 - __builtin_clz(a->d[a->n - 1]);
}
