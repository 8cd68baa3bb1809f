/*
 * bigint.c - limb-array arithmetic for bignums (see bigint.h).
 */
#include <string.h>
#include "bigint.h"

typedef unsigned __int128 u128;

#define KARATSUBA_MIN 32	/* below this many limbs, schoolbook wins */

size_t big_norm(const uint64_t *a, size_t n)
{
	while (n > 0 && a[n - 1] == 0)
		n--;
	return n;
}

size_t big_bitlen(const uint64_t *a, size_t n)
{
	n = big_norm(a, n);
	return n == 0 ? 0 : n * 64 - (size_t)__builtin_clzll(a[n - 1]);
}

int big_cmp(const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
	an = big_norm(a, an);
	bn = big_norm(b, bn);
	if (an != bn)
		return an < bn ? -1 : 1;
	while (an-- > 0)
		if (a[an] != b[an])
			return a[an] < b[an] ? -1 : 1;
	return 0;
}

/* r[0..n) = a[0..n) + b[0..n) + carry; returns the carry out. */
static uint64_t add_n(uint64_t *r, const uint64_t *a, const uint64_t *b,
		      size_t n, uint64_t carry)
{
	for (size_t i = 0; i < n; i++) {
		u128 t = (u128)a[i] + b[i] + carry;
		r[i] = (uint64_t)t;
		carry = (uint64_t)(t >> 64);
	}
	return carry;
}

/* r[0..n) = a[0..n) + carry; returns the carry out. */
static uint64_t add_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t carry)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t t = a[i] + carry;
		carry = t < carry;
		r[i] = t;
	}
	return carry;
}

/* r[0..n) = a[0..n) - b[0..n) - borrow; returns the borrow out. */
static uint64_t sub_n(uint64_t *r, const uint64_t *a, const uint64_t *b,
		      size_t n, uint64_t borrow)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t x = a[i], y = b[i];
		uint64_t d = x - y - borrow;
		borrow = (x < y) || (x - y < borrow);
		r[i] = d;
	}
	return borrow;
}

static uint64_t sub_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t borrow)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t x = a[i];
		r[i] = x - borrow;
		borrow = x < borrow;
	}
	return borrow;
}

size_t big_add(uint64_t *r, const uint64_t *a, size_t an,
	       const uint64_t *b, size_t bn)
{
	if (an < bn) {
		const uint64_t *t = a;
		size_t tn = an;
		a = b, an = bn, b = t, bn = tn;
	}
	uint64_t c = add_n(r, a, b, bn, 0);
	c = add_1(r + bn, a + bn, an - bn, c);
	r[an] = c;
	return big_norm(r, an + 1);
}

size_t big_sub(uint64_t *r, const uint64_t *a, size_t an,
	       const uint64_t *b, size_t bn)
{
	bn = big_norm(b, bn);
	uint64_t c = sub_n(r, a, b, bn, 0);
	sub_1(r + bn, a + bn, an - bn, c);
	return big_norm(r, an);
}

size_t big_mul_1_add(uint64_t *a, size_t n, uint64_t m, uint64_t add)
{
	uint64_t carry = add;

	for (size_t i = 0; i < n; i++) {
		u128 t = (u128)a[i] * m + carry;
		a[i] = (uint64_t)t;
		carry = (uint64_t)(t >> 64);
	}
	a[n] = carry;
	return big_norm(a, n + 1);
}

static void mul_school(uint64_t *r, const uint64_t *a, size_t an,
		       const uint64_t *b, size_t bn)
{
	memset(r, 0, (an + bn) * sizeof *r);
	for (size_t j = 0; j < bn; j++) {
		uint64_t carry = 0, bj = b[j];
		if (bj == 0)
			continue;
		for (size_t i = 0; i < an; i++) {
			u128 t = (u128)a[i] * bj + r[i + j] + carry;
			r[i + j] = (uint64_t)t;
			carry = (uint64_t)(t >> 64);
		}
		r[an + j] = carry;
	}
}

size_t big_mul_scratch(size_t an, size_t bn)
{
	return 6 * (an + bn) + 256;
}

/* r[0..an+bn) = a * b with an >= bn >= 1, every limb of r written. */
static void kmul(uint64_t *r, const uint64_t *a, size_t an,
		 const uint64_t *b, size_t bn, uint64_t *s)
{
	if (bn < KARATSUBA_MIN) {
		mul_school(r, a, an, b, bn);
		return;
	}
	if (an >= 2 * bn) {
		/* Unbalanced: multiply b by bn-limb slices of a. */
		uint64_t *t = s;
		memset(r, 0, (an + bn) * sizeof *r);
		for (size_t off = 0; off < an; off += bn) {
			size_t cn = an - off < bn ? an - off : bn;
			if (cn >= bn)
				kmul(t, a + off, cn, b, bn, s + 2 * bn);
			else
				kmul(t, b, bn, a + off, cn, s + 2 * bn);
			uint64_t c = add_n(r + off, r + off, t, cn + bn, 0);
			add_1(r + off + cn + bn, r + off + cn + bn, an + bn - off - cn - bn, c);
		}
		return;
	}
	/* a = a1 B^h + a0, b = b1 B^h + b0 with h < bn:
	 * ab = z2 B^2h + ((a0 + a1)(b0 + b1) - z0 - z2) B^h + z0. */
	size_t h = an / 2;
	size_t a1n = an - h, b1n = bn - h;
	size_t san = a1n + 1, sbn = (h > b1n ? h : b1n) + 1;
	uint64_t *sa = s, *sb = sa + san, *z1 = sb + sbn;
	uint64_t *rest = z1 + san + sbn;

	kmul(r, a, h, b, h, rest);
	kmul(r + 2 * h, a + h, a1n, b + h, b1n, rest);
	uint64_t c = add_n(sa, a, a + h, h, 0);
	if (a1n > h)
		c = add_1(sa + h, a + 2 * h, a1n - h, c);
	sa[a1n] = c;
	if (h >= b1n) {
		c = add_n(sb, b, b + h, b1n, 0);
		sb[h] = add_1(sb + b1n, b + b1n, h - b1n, c);
	} else {
		c = add_n(sb, b, b + h, h, 0);
		sb[b1n] = add_1(sb + h, b + 2 * h, b1n - h, c);
	}
	if (san >= sbn)
		kmul(z1, sa, san, sb, sbn, rest);
	else
		kmul(z1, sb, sbn, sa, san, rest);
	size_t zn = san + sbn;
	uint64_t bw = sub_n(z1, z1, r, 2 * h, 0);
	sub_1(z1 + 2 * h, z1 + 2 * h, zn - 2 * h, bw);
	size_t z2n = a1n + b1n;
	bw = sub_n(z1, z1, r + 2 * h, z2n, 0);
	sub_1(z1 + z2n, z1 + z2n, zn - z2n, bw);
	/* z1 fits in an + bn - h limbs; add it at offset h. */
	size_t room = an + bn - h;
	size_t use = big_norm(z1, zn);
	c = add_n(r + h, r + h, z1, use, 0);
	add_1(r + h + use, r + h + use, room - use, c);
}

size_t big_mul(uint64_t *r, const uint64_t *a, size_t an,
	       const uint64_t *b, size_t bn, uint64_t *scratch)
{
	an = big_norm(a, an);
	bn = big_norm(b, bn);
	if (an == 0 || bn == 0)
		return 0;
	if (an >= bn)
		kmul(r, a, an, b, bn, scratch);
	else
		kmul(r, b, bn, a, an, scratch);
	return big_norm(r, an + bn);
}

/* (hi:lo) / d for hi < d: one divq. */
static inline uint64_t div_2by1(uint64_t hi, uint64_t lo, uint64_t d,
				uint64_t *rem)
{
	uint64_t q, r;

	__asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d));
	*rem = r;
	return q;
}

uint64_t big_divmod_1(uint64_t *q, const uint64_t *a, size_t n, uint64_t d)
{
	uint64_t r = 0;

	while (n-- > 0)
		q[n] = div_2by1(r, a[n], d, &r);
	return r;
}

size_t big_div_scratch(size_t an, size_t bn)
{
	return an + 1 + bn;
}

void big_divmod(uint64_t *q, uint64_t *r, const uint64_t *a, size_t an,
		const uint64_t *b, size_t bn, uint64_t *scratch)
{
	uint64_t *u = scratch, *v = scratch + an + 1;
	unsigned s = (unsigned)__builtin_clzll(b[bn - 1]);

	/* Normalize so the divisor's top bit is set (Knuth D1). */
	if (s) {
		for (size_t i = bn - 1; i > 0; i--)
			v[i] = (b[i] << s) | (b[i - 1] >> (64 - s));
		v[0] = b[0] << s;
		u[an] = a[an - 1] >> (64 - s);
		for (size_t i = an - 1; i > 0; i--)
			u[i] = (a[i] << s) | (a[i - 1] >> (64 - s));
		u[0] = a[0] << s;
	} else {
		memcpy(v, b, bn * sizeof *v);
		memcpy(u, a, an * sizeof *u);
		u[an] = 0;
	}
	uint64_t v1 = v[bn - 1], v2 = v[bn - 2];
	for (size_t j = an - bn + 1; j-- > 0;) {
		uint64_t ut = u[j + bn], qhat, rh;
		u128 rhat;

		/* D3: estimate the quotient limb from the top two limbs. */
		if (ut >= v1) {
			qhat = UINT64_MAX;
			rhat = ((u128)ut << 64 | u[j + bn - 1]) - (u128)qhat * v1;
		} else {
			qhat = div_2by1(ut, u[j + bn - 1], v1, &rh);
			rhat = rh;
		}
		while (rhat >> 64 == 0 &&
		       (u128)qhat * v2 > (rhat << 64 | u[j + bn - 2])) {
			qhat--;
			rhat += v1;
		}
		/* D4: multiply and subtract. */
		uint64_t borrow = 0, carry = 0;
		for (size_t i = 0; i < bn; i++) {
			u128 p = (u128)qhat * v[i] + carry;
			carry = (uint64_t)(p >> 64);
			uint64_t pl = (uint64_t)p, x = u[i + j];
			u[i + j] = x - pl - borrow;
			borrow = (x < pl) || (x - pl < borrow);
		}
		uint64_t x = u[j + bn];
		u[j + bn] = x - carry - borrow;
		borrow = (x < carry) || (x - carry < borrow);
		/* D6: the estimate was one too large; add back. */
		if (borrow) {
			qhat--;
			u[j + bn] += add_n(u + j, u + j, v, bn, 0);
		}
		if (q)
			q[j] = qhat;
	}
	if (r) {
		if (s) {
			for (size_t i = 0; i < bn; i++)
				r[i] = (u[i] >> s) | (u[i + 1] << (64 - s));
		} else {
			memcpy(r, u, bn * sizeof *r);
		}
	}
}

uint64_t big_gcd_1(uint64_t a, uint64_t b)
{
	if (a == 0)
		return b;
	if (b == 0)
		return a;
	int shift = __builtin_ctzll(a | b);
	a >>= __builtin_ctzll(a);
	do {
		b >>= __builtin_ctzll(b);
		if (a > b) {
			uint64_t t = a;
			a = b;
			b = t;
		}
		b -= a;
	} while (b);
	return a << shift;
}

size_t big_gcd_scratch(size_t an, size_t bn)
{
	size_t m = (an > bn ? an : bn) + 1;
	return 7 * m;
}

/* 62 bits of a starting at bit sh (a's top bit is below sh + 62). */
static int64_t bits62(const uint64_t *a, size_t an, size_t sh)
{
	size_t w = sh / 64;
	unsigned s = (unsigned)(sh % 64);
	uint64_t v = w < an ? a[w] >> s : 0;

	if (s && w + 1 < an)
		v |= a[w + 1] << (64 - s);
	return (int64_t)(v & ((1ull << 62) - 1));
}

/* r = A x + B y, known to be nonnegative and to fit xn limbs (y no longer
 * than x). */
static size_t lincomb(uint64_t *r, int64_t A, const uint64_t *x, size_t xn,
		      int64_t B, const uint64_t *y, size_t yn)
{
	__int128 carry = 0;

	for (size_t i = 0; i < xn; i++) {
		__int128 t = (__int128)A * (__int128)x[i] + carry;
		if (i < yn)
			t += (__int128)B * (__int128)y[i];
		r[i] = (uint64_t)t;
		carry = t >> 64;
	}
	return big_norm(r, xn);
}

size_t big_gcd(uint64_t *r, const uint64_t *a, size_t an,
	       const uint64_t *b, size_t bn, uint64_t *scratch)
{
	size_t m = (an > bn ? an : bn) + 1;
	uint64_t *x = scratch, *y = x + m, *t = y + m, *u = t + m, *dv = u + m;
	size_t xn = big_norm(a, an), yn = big_norm(b, bn);

	memcpy(x, a, xn * sizeof *x);
	memcpy(y, b, yn * sizeof *y);
	for (;;) {
		if (big_cmp(x, xn, y, yn) < 0) {
			uint64_t *p = x;
			size_t pn = xn;
			x = y, xn = yn, y = p, yn = pn;
		}
		if (yn <= 1)
			break;
		/* Knuth's algorithm L: run Euclid on the leading 62 bits while
		 * the quotients are sure to be the true ones, then apply the
		 * accumulated cofactors to the full numbers at once. */
		size_t sh = big_bitlen(x, xn) - 62;
		int64_t xh = bits62(x, xn, sh), yh = bits62(y, yn, sh);
		int64_t A = 1, B = 0, C = 0, D = 1;
		while (yh + C != 0 && yh + D != 0) {
			int64_t q = (xh + A) / (yh + C);
			if (q != (xh + B) / (yh + D))
				break;
			int64_t T = A - q * C;
			A = C, C = T;
			T = B - q * D;
			B = D, D = T;
			T = xh - q * yh;
			xh = yh, yh = T;
		}
		if (B == 0) {
			/* No progress from the leading bits: one full step. */
			big_divmod(NULL, t, x, xn, y, yn, dv);
			size_t tn = big_norm(t, yn);
			uint64_t *p = x;
			x = y, xn = yn, y = t, yn = tn, t = p;
		} else {
			size_t tn = lincomb(t, A, x, xn, B, y, yn);
			size_t un = lincomb(u, C, x, xn, D, y, yn);
			uint64_t *p = x, *q = y;
			x = t, xn = tn, y = u, yn = un, t = p, u = q;
		}
	}
	if (yn == 0) {
		memcpy(r, x, xn * sizeof *r);
		return xn;
	}
	r[0] = big_gcd_1(y[0], big_divmod_1(t, x, xn, y[0]));
	return 1;
}

size_t big_shl(uint64_t *r, const uint64_t *a, size_t an, size_t bits)
{
	size_t w = bits / 64;
	unsigned s = (unsigned)(bits % 64);

	memset(r, 0, w * sizeof *r);
	if (s == 0) {
		memmove(r + w, a, an * sizeof *r);
		r[w + an] = 0;
	} else {
		r[w + an] = an ? a[an - 1] >> (64 - s) : 0;
		for (size_t i = an; i-- > 1;)
			r[w + i] = (a[i] << s) | (a[i - 1] >> (64 - s));
		if (an)
			r[w] = a[0] << s;
	}
	return big_norm(r, an + w + 1);
}

int big_low_bits_nonzero(const uint64_t *a, size_t an, size_t bits)
{
	size_t w = bits / 64;
	unsigned s = (unsigned)(bits % 64);

	for (size_t i = 0; i < w && i < an; i++)
		if (a[i])
			return 1;
	return s && w < an && (a[w] & ((1ull << s) - 1));
}

/* Largest power of radix in a limb, and its exponent. */
static uint64_t chunk_base(int radix, int *digits)
{
	uint64_t b = (uint64_t)radix;
	int k = 1;

	while (b <= UINT64_MAX / (uint64_t)radix) {
		b *= (uint64_t)radix;
		k++;
	}
	*digits = k;
	return b;
}

size_t big_text_len(size_t an, int radix)
{
	int per;

	chunk_base(radix, &per);
	/* digits per limb is at most 64 / log2(radix) < per + 1 */
	return an * (size_t)(per + 1) + 1;
}

size_t big_to_text(char *out, uint64_t *a, size_t an, int radix)
{
	static const char digit[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	int per;
	uint64_t base = chunk_base(radix, &per);
	size_t n = 0;

	an = big_norm(a, an);
	if (an == 0) {
		out[0] = '0';
		return 1;
	}
	if ((radix & (radix - 1)) == 0) {
		/* A power of two: read the digits straight off the bits. */
		unsigned bits = (unsigned)__builtin_ctz((unsigned)radix);
		size_t total = big_bitlen(a, an);
		size_t nd = (total + bits - 1) / bits;
		for (size_t i = 0; i < nd; i++) {
			size_t pos = (nd - 1 - i) * bits;
			uint64_t v = a[pos / 64] >> (pos % 64);
			if (pos % 64 + bits > 64 && pos / 64 + 1 < an)
				v |= a[pos / 64 + 1] << (64 - pos % 64);
			out[i] = digit[v & ((1u << bits) - 1)];
		}
		return nd;
	}
	/* Peel off one limb's worth of digits at a time, least significant
	 * first, then reverse. */
	while (an > 0) {
		uint64_t r = big_divmod_1(a, a, an, base);
		an = big_norm(a, an);
		for (int i = 0; i < per && (an > 0 || r); i++) {
			out[n++] = digit[r % (uint64_t)radix];
			r /= (uint64_t)radix;
		}
	}
	for (size_t i = 0; i < n / 2; i++) {
		char t = out[i];
		out[i] = out[n - 1 - i];
		out[n - 1 - i] = t;
	}
	return n;
}

size_t big_from_text_limbs(size_t ndigits, int radix)
{
	int per;

	chunk_base(radix, &per);
	return ndigits / (size_t)per + 2;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return c - 'A' + 10;
}

size_t big_from_text(uint64_t *r, const char *s, size_t n, int radix)
{
	int per;
	size_t rn = 0;

	chunk_base(radix, &per);
	for (size_t i = 0; i < n;) {
		uint64_t chunk = 0, scale = 1;
		for (int k = 0; k < per && i < n; k++, i++) {
			chunk = chunk * (uint64_t)radix + (uint64_t)digit_value(s[i]);
			scale *= (uint64_t)radix;
		}
		rn = big_mul_1_add(r, rn, scale, chunk);
	}
	return rn;
}
