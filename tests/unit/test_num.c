/*
 * test_num.c - unit tests of the numbers module: bignum arithmetic against
 * known values and algebraic identities on random operands (Karatsuba and
 * long-division sizes included), radix conversion, correct rounding of
 * exact->inexact, exact/inexact comparison, number syntax, and the numeric
 * primitives.  Runs on the stand-in runtime of test_num_rt.c.  TAP output.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "bigint.h"
#include "tap.h"
#include "test_num_rt.h"

#define F(n) P_FIX(n)
static P *const p = NULL;	/* the stand-in runtime needs no state */

static uint64_t rng = 0x2545f4914f6cdd1dull;
static uint64_t rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ull;
}

/* A random exact integer of up to `limbs` limbs, either sign, sometimes
 * with long runs of one bits (carry and borrow chains). */
static val rand_int(int limbs)
{
	int n = 1 + (int)(rnd() % (uint64_t)limbs);
	char hex[9000];
	int k = 0;

	if (rnd() & 1)
		hex[k++] = '-';
	int runs = rnd() % 4 == 0;
	for (int i = 0; i < n; i++) {
		uint64_t w = runs ? (rnd() % 3 ? ~0ull : 0) : rnd();
		k += snprintf(hex + k, sizeof hex - (size_t)k, "%016llx", (unsigned long long)w);
	}
	val v = num_parse(p, hex, (size_t)k, 16);
	return v == P_FALSE ? F(0) : v;
}

static int eq(val a, val b)
{
	return num_eqv(a, b);
}

static int streq(val x, const char *s)
{
	return strcmp(rt_str(p, x), s) == 0;
}

static void test_known_values(void)
{
	val f = F(1);
	for (int i = 2; i <= 100; i++)
		f = num_mul(p, f, F(i));
	tap_ok(streq(f, "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000"),
	   "100! is right");

	val g = F(1);
	for (int i = 151; i <= 300; i++)
		g = num_mul(p, g, F(i));
	tap_ok(streq(g, "5356851815834042754281860328124213202444254808984038491714498316053238213073645568652210201325901577725508340538615147852234739179287406584949038405661424740015468799971756673145857679589546314759460557804712742167524648412637021549746023238721021994556466046952915488725705152021504748593244254904819157328965140480000000000000000000000000000000000000"),
	   "300!/150! as a product is right");

	val k = F(1);
	for (int i = 2; i <= 1000; i++)
		k = num_mul(p, k, F(i));
	const char *ks = rt_str(p, k);
	int sum = 0;
	for (const char *c = ks; *c; c++)
		sum += *c - '0';
	size_t zeros = strspn(ks + 2568 - 249, "0");
	tap_ok(strlen(ks) == 2568 && sum == 10539 && zeros == 249 && ks[2568 - 250] != '0' &&
	   strncmp(ks, "402387260077093773543702433923", 30) == 0,
	   "1000! prints with 2568 digits, digit sum 10539, 249 trailing zeros");

	val big3 = rt_call(p, "expt", F(3), F(20000), 0);
	const char *bs3 = rt_str(p, big3);
	sum = 0;
	for (const char *c = bs3; *c; c++)
		sum += *c - '0';
	tap_ok(strlen(bs3) == 9543 && sum == 42426 && strncmp(bs3, "26613034272174197919", 20) == 0 &&
	   strcmp(bs3 + 9543 - 20, "08807535253104400001") == 0,
	   "3^20000 prints right (split decimal conversion)");

	val three200 = rt_call(p, "expt", F(3), F(200), 0);
	tap_ok(streq(three200, "265613988875874769338781322035779626829233452653394495974574961739092490901302182994384699044001"),
	   "3^200 is right");
	val hs = rt_call(p, "number->string", three200, F(16), 0);
	tap_ok(strcmp(p_string_cstr(p, hs), "1fd5863c3eb0469ec21a937a76f3432ffd73d97e447606b683ecf6f6e4a7ae225bfaff1eaaf8b0a1") == 0,
	   "3^200 in hex is right");

	val x = rt_num(p, "18446744073709551617");	/* 2^64 + 1 */
	val x5 = rt_call(p, "expt", x, F(5), 0);
	tap_ok(streq(x5, "2135987035920910082973982152356133091783330464753959116855152249051708594773678004301854310137857"),
	   "(2^64+1)^5 is right");

	val two1000 = rt_call(p, "expt", F(2), F(1000), 0);
	val bs = rt_call(p, "number->string", two1000, F(2), 0);
	const char *b = p_string_cstr(p, bs);
	int shape = strlen(b) == 1001 && b[0] == '1' && strspn(b + 1, "0") == 1000;
	tap_ok(shape, "2^1000 in binary is a one and 1000 zeros");

	/* fixnum boundaries */
	tap_ok(streq(num_add(p, F(P_FIX_MAX), F(1)), "4611686018427387904") &&
	   P_IS_FIX(num_sub(p, num_add(p, F(P_FIX_MAX), F(1)), F(1))) &&
	   streq(num_sub(p, F(P_FIX_MIN), F(1)), "-4611686018427387905") &&
	   streq(num_neg(p, F(P_FIX_MIN)), "4611686018427387904") &&
	   streq(num_mul(p, F(P_FIX_MIN), F(-1)), "4611686018427387904") &&
	   streq(num_quotient(p, F(P_FIX_MIN), F(-1)), "4611686018427387904"),
	   "fixnum overflow becomes bignum and normalizes back");
	int64_t v;
	tap_ok(p_to_int64(rt_num(p, "9223372036854775807"), &v) && v == INT64_MAX &&
	   p_to_int64(rt_num(p, "-9223372036854775808"), &v) && v == INT64_MIN &&
	   !p_to_int64(rt_num(p, "9223372036854775808"), &v) &&
	   eq(p_from_int64(p, INT64_MIN), rt_num(p, "-9223372036854775808")),
	   "p_to_int64 / p_from_int64 at the int64 limits");
}

/* Identities on random operands. */
static void test_identities(void)
{
	int bad_div = 0, bad_floor = 0, bad_mul = 0, bad_text = 0, bad_gcd = 0;

	for (int i = 0; i < 3000; i++) {
		rt_reset();
		int size = i % 10 == 0 ? 120 : 12;
		val n = rand_int(size), d = rand_int(size / 2 + 1);
		if (num_eq(p, d, F(0)))
			d = F(7);
		/* truncate: n = qd + r, |r| < |d|, r has n's sign */
		val q = num_quotient(p, n, d), r = num_remainder(p, n, d);
		val back = num_add(p, num_mul(p, q, d), r);
		int rs = num_cmp(p, r, F(0)), ns = num_cmp(p, n, F(0));
		val ar = rt_call(p, "abs", r, 0), ad = rt_call(p, "abs", d, 0);
		if (!eq(back, n) || !num_lt(p, ar, ad) || (rs != 0 && rs != ns))
			bad_div++;
		/* floor: r has d's sign */
		val fq = rt_call(p, "floor-quotient", n, d, 0);
		val fr = rt_call(p, "floor-remainder", n, d, 0);
		int frs = num_cmp(p, fr, F(0)), ds = num_cmp(p, d, F(0));
		if (!eq(num_add(p, num_mul(p, fq, d), fr), n) || (frs != 0 && frs != ds))
			bad_floor++;
		/* (a+b)^2 = a^2 + 2ab + b^2 and a(b+c) = ab + ac */
		val a = rand_int(size * 4), bb = rand_int(size * 3), c = rand_int(size);
		val s = num_add(p, a, bb);
		val lhs = num_mul(p, s, s);
		val rhs = num_add(p, num_add(p, num_mul(p, a, a), num_mul(p, F(2), num_mul(p, a, bb))),
				  num_mul(p, bb, bb));
		val dist = num_sub(p, num_mul(p, a, num_add(p, bb, c)),
				   num_add(p, num_mul(p, a, bb), num_mul(p, a, c)));
		if (!eq(lhs, rhs) || !eq(dist, F(0)))
			bad_mul++;
		/* exact division of a product */
		if (!num_eq(p, a, F(0)) && !eq(num_quotient(p, num_mul(p, a, bb), a), bb))
			bad_mul++;
		/* text round trips in every radix */
		static const int radices[] = { 2, 8, 10, 16 };
		int radix = radices[i % 4];
		val str = rt_call(p, "number->string", n, F(radix), 0);
		val parsed = rt_call(p, "string->number", str, F(radix), 0);
		if (!eq(parsed, n))
			bad_text++;
		/* gcd divides both, and the cofactors are coprime */
		val g = rt_call(p, "gcd", n, d, 0);
		if (!num_eq(p, g, F(0))) {
			val g2 = rt_call(p, "gcd", num_quotient(p, n, g), num_quotient(p, d, g), 0);
			if (!num_eq(p, num_remainder(p, n, g), F(0)) ||
			    !num_eq(p, num_remainder(p, d, g), F(0)) || !eq(g2, F(1)))
				bad_gcd++;
		}
	}
	tap_ok(bad_div == 0, "truncating division identity on 3000 random pairs (%d bad)", bad_div);
	tap_ok(bad_floor == 0, "floor division identity on 3000 random pairs (%d bad)", bad_floor);
	tap_ok(bad_mul == 0, "multiplication identities up to 480 limbs (Karatsuba) (%d bad)", bad_mul);
	tap_ok(bad_text == 0, "number->string / string->number round trips in radix 2, 8, 10, 16 (%d bad)", bad_text);
	tap_ok(bad_gcd == 0, "gcd divides and leaves coprime cofactors (%d bad)", bad_gcd);

	/* gcd(ag, bg) = |g| gcd(a, b), with big common factors */
	int bad_g = 0;
	for (int i = 0; i < 1000; i++) {
		rt_reset();
		val g = rand_int(i % 2 ? 30 : 3), a = rand_int(40), b = rand_int(i % 3 ? 40 : 2);
		if (num_eq(p, g, F(0)))
			continue;
		val lhs = rt_call(p, "gcd", num_mul(p, a, g), num_mul(p, b, g), 0);
		val rhs = num_mul(p, rt_call(p, "abs", g, 0), rt_call(p, "gcd", a, b, 0));
		if (!eq(lhs, rhs))
			bad_g++;
	}
	tap_ok(bad_g == 0, "gcd(ag, bg) = |g| gcd(a, b) on 1000 random triples (%d bad)", bad_g);

	/* Knuth D's rare add-back step: divisors with a top limb of all ones
	 * and dividends built to make the first estimate too large. */
	int bad = 0;
	for (int i = 0; i < 2000; i++) {
		rt_reset();
		val d = num_parse(p, "ffffffffffffffff0000000000000000ffffffffffffffff", 48, 16);
		val m = rand_int(3);
		val n = num_add(p, num_mul(p, d, m), rand_int(2));
		val q = num_quotient(p, n, d), r = num_remainder(p, n, d);
		if (!eq(num_add(p, num_mul(p, q, d), r), n))
			bad++;
	}
	tap_ok(bad == 0, "division by divisors with all-ones limbs (%d bad)", bad);
}

/* The exact value of double x. */
static val exact_of(double x)
{
	return num_exact(p, p_flonum(p, x), "test");
}

/* Is d the double nearest to exact x (ties to even)? */
static int nearest(val x, double d)
{
	if (isinf(d))
		return 1;	/* checked separately */
	double up = nextafter(d, INFINITY), down = nextafter(d, -INFINITY);
	val e = exact_of(d);
	val err = rt_call(p, "abs", num_sub(p, x, e), 0);
	val gap_up = num_div(p, num_sub(p, exact_of(up), e), F(2));
	val gap_down = num_div(p, num_sub(p, e, exact_of(down)), F(2));
	int above = num_cmp(p, x, e) > 0;
	val half = above ? gap_up : gap_down;
	int c = num_cmp(p, err, half);
	if (c < 0)
		return 1;
	if (c > 0)
		return 0;
	uint64_t bits;
	memcpy(&bits, &d, sizeof bits);
	return (bits & 1) == 0;
}

static void test_rounding_to_double(void)
{
	int bad = 0;
	char buf[4200];

	for (int i = 0; i < 3000; i++) {
		rt_reset();
		val n = rand_int(i % 5 == 0 ? 17 : 3);
		double d = num_to_double(p, n);
		/* glibc's strtod is correctly rounded: an independent check */
		snprintf(buf, sizeof buf, "%s", rt_str(p, n));
		if (d != strtod(buf, NULL))
			bad++;
	}
	tap_ok(bad == 0, "exact->inexact of random integers matches strtod (%d bad)", bad);

	bad = 0;
	for (int i = 0; i < 3000; i++) {
		rt_reset();
		val a = rand_int(i % 3 == 0 ? 20 : 2), b = rand_int(i % 7 == 0 ? 20 : 2);
		if (num_eq(p, b, F(0)))
			continue;
		val x = num_div(p, a, b);
		double d = num_to_double(p, x);
		if (!nearest(x, d))
			bad++;
	}
	tap_ok(bad == 0, "exact->inexact of random rationals is the nearest double (%d bad)", bad);

	bad = 0;
	for (int i = 0; i < 2000; i++) {
		rt_reset();
		/* halfway between two adjacent doubles, exactly */
		uint64_t bits = rnd() & 0x7fefffffffffffffull;
		if (i % 4 == 0)
			bits &= (1ull << 52) - 1;
		double lo;
		memcpy(&lo, &bits, sizeof lo);
		double hi = nextafter(lo, INFINITY);
		val mid = num_div(p, num_add(p, exact_of(lo), exact_of(hi)), F(2));
		double d = num_to_double(p, mid);
		uint64_t lb;
		memcpy(&lb, &lo, sizeof lb);
		double want = (lb & 1) ? hi : lo;
		if (d != want)
			bad++;
		/* and exact of a double reads back as itself */
		if (num_to_double(p, exact_of(lo)) != lo)
			bad++;
	}
	tap_ok(bad == 0, "halfway rationals round to even; exact of doubles round-trip (%d bad)", bad);

	tap_ok(num_to_double(p, rt_call(p, "expt", F(10), F(309), 0)) == INFINITY &&
	   num_to_double(p, num_div(p, F(1), rt_call(p, "expt", F(10), F(400), 0))) == 0 &&
	   num_to_double(p, num_div(p, F(1), rt_call(p, "expt", F(2), F(1074), 0))) == 0x1p-1074 &&
	   num_to_double(p, num_div(p, F(1), rt_call(p, "expt", F(2), F(1075), 0))) == 0 &&
	   num_to_double(p, num_div(p, F(3), rt_call(p, "expt", F(2), F(1076), 0))) == 0x1p-1074,
	   "overflow, underflow and the subnormal boundary");
}

static void test_compare(void)
{
	val big = rt_num(p, "9007199254740993");
	val fl = p_flonum(p, 9007199254740992.0);
	tap_ok(!num_eq(p, big, fl) && num_lt(p, fl, big) && num_cmp(p, big, fl) == 1,
	   "exact/inexact comparison is exact (2^53 + 1 vs 2^53)");
	tap_ok(num_cmp(p, p_flonum(p, NAN), F(1)) == 2 && !num_eq(p, p_flonum(p, NAN), p_flonum(p, NAN)),
	   "NaN compares unordered");
	tap_ok(num_lt(p, rt_num(p, "1/3"), p_flonum(p, 0.3333333333333334)) &&
	   num_lt(p, p_flonum(p, 0.3333333333333333), rt_num(p, "1/3")),
	   "rationals compare exactly with nearby doubles");
	tap_ok(num_lt(p, p_flonum(p, -INFINITY), rt_call(p, "expt", F(-10), F(400), 0)) &&
	   num_lt(p, rt_call(p, "expt", F(10), F(400), 0), p_flonum(p, INFINITY)),
	   "infinities bound all exact numbers");
	tap_ok(num_eqv(p_flonum(p, 0.0), p_flonum(p, 0.0)) && !num_eqv(p_flonum(p, 0.0), p_flonum(p, -0.0)) &&
	   num_eqv(p_flonum(p, NAN), p_flonum(p, NAN)) && !num_eqv(F(2), p_flonum(p, 2.0)) &&
	   num_eqv(rt_num(p, "1/3"), num_div(p, F(2), F(6))) &&
	   num_eqv(rt_call(p, "expt", F(2), F(100), 0), rt_num(p, "1267650600228229401496703205376")),
	   "eqv? on numbers: exactness, -0.0, NaN, bignums, ratnums");
	tap_ok(num_hash(rt_call(p, "expt", F(2), F(100), 0)) == num_hash(rt_num(p, "1267650600228229401496703205376")) &&
	   num_hash(rt_num(p, "1/3")) == num_hash(num_div(p, F(2), F(6))),
	   "num_hash agrees with eqv?");
}

static void test_syntax(void)
{
	static const struct {
		const char *in;
		int radix;
		const char *out;	/* NULL: not a number */
	} cases[] = {
		{ "42", 10, "42" }, { "-17", 10, "-17" }, { "+5", 10, "5" },
		{ "#x-FF", 10, "-255" }, { "#b1010", 10, "10" }, { "#o777", 10, "511" },
		{ "ff", 16, "255" }, { "#d99", 16, "99" }, { "#e1.5", 10, "3/2" },
		{ "#x#e10", 10, "16" }, { "#e#x10", 10, "16" }, { "#i#x10", 10, "16.0" },
		{ "#i3/4", 10, "0.75" }, { "6/4", 10, "3/2" }, { "-2/4", 10, "-1/2" },
		{ "4/2", 10, "2" }, { "1e2", 10, "100.0" }, { ".5", 10, "0.5" },
		{ "5.", 10, "5.0" }, { "-0.0", 10, "-0.0" }, { "#i-0", 10, "-0.0" },
		{ "1.5e-7", 10, "1.5e-7" }, { "1e21", 10, "1e21" }, { "1e400", 10, "+inf.0" },
		{ "+inf.0", 10, "+inf.0" }, { "-inf.0", 10, "-inf.0" }, { "+nan.0", 10, "+nan.0" },
		{ "-nan.0", 10, "+nan.0" }, { "+INF.0", 10, "+inf.0" },
		{ "#e1e25", 10, "10000000000000000000000000" }, { "#e1.25e-2", 10, "1/80" },
		{ "#e-0.5", 10, "-1/2" }, { "#e0e999999999", 10, "0" }, { "#e1e999999999", 10, NULL },
		{ "1e999999999", 10, "+inf.0" }, { "-1e-999999999", 10, "-0.0" },
		{ "123456789012345678901234567890", 10, "123456789012345678901234567890" },
		{ "0.1", 10, "0.1" }, { "100", 10, "100" }, { "1/3", 10, "1/3" },
		{ "", 10, NULL }, { "+", 10, NULL }, { "-", 10, NULL }, { "...", 10, NULL },
		{ "1/0", 10, NULL }, { "1/", 10, NULL }, { "/2", 10, NULL }, { "1e", 10, NULL },
		{ "1e+", 10, NULL }, { "abc", 10, NULL }, { "#x1.5", 10, NULL }, { "12a", 10, NULL },
		{ "#e+inf.0", 10, NULL }, { "#x#x1", 10, NULL }, { "#e#i1", 10, NULL }, { "#q1", 10, NULL },
		{ "1+2i", 10, "1+2i" }, { "+i", 10, "+i" }, { "-2.5+0i", 10, "-2.5" },
		{ "-2.5+0.0i", 10, "-2.5+0.0i" }, { "#x1+ai", 10, "1+10i" }, { "#e1.5-2i", 10, "3/2-2i" },
		{ "1e+2i", 10, NULL }, { "1e2-1e2i", 10, "100.0-100.0i" }, { "+inf.0-inf.0i", 10, "+inf.0-inf.0i" },
		{ "1@0", 10, "1" }, { "#e1@0.0", 10, "1" }, { "1+", 10, NULL }, { "+-i", 10, NULL },
		{ "1+2", 10, NULL }, { "1@", 10, NULL }, { "1+2ii", 10, NULL }, { "i", 10, NULL },
		{ "#e+inf.0i", 10, NULL }, { "10+11i", 2, "2+3i" },
		{ "1..2", 10, NULL }, { "--1", 10, NULL },
		{ "1.5/2", 10, NULL }, { "inf.0", 10, NULL }, { "#", 10, NULL }, { "#e", 10, NULL },
		{ "1 ", 10, NULL }, { "2", 2, NULL }, { "#b2", 10, NULL },
	};
	int bad = 0;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		val v = num_parse(p, cases[i].in, strlen(cases[i].in), cases[i].radix);
		const char *got = v == P_FALSE ? NULL : rt_str(p, v);
		if ((got == NULL) != (cases[i].out == NULL) ||
		    (got && strcmp(got, cases[i].out) != 0)) {
			printf("# \"%s\" (radix %d): got %s, want %s\n", cases[i].in,
			       cases[i].radix, got ? got : "#f", cases[i].out ? cases[i].out : "#f");
			bad++;
		}
	}
	tap_ok(bad == 0, "num_parse on %zu valid and invalid inputs", sizeof cases / sizeof cases[0]);

	bad = 0;
	for (int i = 0; i < 20000; i++) {
		uint64_t bits = rnd();
		double d;
		memcpy(&d, &bits, sizeof d);
		if (isnan(d))
			continue;
		const char *s = rt_str(p, p_flonum(p, d));
		val back = num_parse(p, s, strlen(s), 10);
		if (back == P_FALSE || !P_IS_FLO(back) || memcmp(&P_FLOVAL(back), &d, sizeof d) != 0)
			bad++;
	}
	tap_ok(bad == 0, "flonums print and read back bit-exactly (%d bad)", bad);
}

static val num_of(double d)
{
	return p_flonum(p, d);
}

static void test_primitives(void)
{
	val v;

	tap_ok(streq(rt_call(p, "/", F(3), F(4), F(5), 0), "3/20") &&
	   streq(rt_call(p, "/", F(3), 0), "1/3") &&
	   streq(rt_call(p, "+", rt_num(p, "1/3"), rt_num(p, "1/6"), 0), "1/2") &&
	   streq(rt_call(p, "-", rt_num(p, "1/3"), rt_num(p, "1/2"), 0), "-1/6") &&
	   streq(rt_call(p, "*", rt_num(p, "2/3"), rt_num(p, "3/2"), 0), "1") &&
	   streq(rt_call(p, "+", rt_num(p, "1/2"), num_of(0.5), 0), "1.0") &&
	   streq(rt_call(p, "+", 0), "0") && streq(rt_call(p, "*", 0), "1"),
	   "rational arithmetic and identities");
	tap_ok(rt_raises(p, "/", F(1), F(0), 0) && strcmp(rt_error, "/: division by zero") == 0,
	   "(/ 1 0) raises \"/: division by zero\"");
	tap_ok(rt_raises(p, "+", F(1), P_TRUE, 0) && strstr(rt_error, "+: expected number as argument 2"),
	   "(+ 1 #t) names the procedure and the argument");
	tap_ok(streq(rt_call(p, "/", num_of(1), num_of(0), 0), "+inf.0") &&
	   streq(rt_call(p, "-", num_of(0), 0), "-0.0"),
	   "inexact division by zero and negative zero");

	rt_call(p, "floor/", F(-5), F(2), 0);
	int fl = rt_nvalues == 2 && eq(rt_values[0], F(-3)) && eq(rt_values[1], F(1));
	rt_call(p, "truncate/", F(-5), F(2), 0);
	int tr = rt_nvalues == 2 && eq(rt_values[0], F(-2)) && eq(rt_values[1], F(-1));
	rt_call(p, "floor/", num_of(-5), F(2), 0);
	int fi = streq(rt_values[0], "-3.0") && streq(rt_values[1], "1.0");
	tap_ok(fl && tr && fi && streq(rt_call(p, "modulo", F(13), F(-4), 0), "-3") &&
	   streq(rt_call(p, "remainder", F(-13), num_of(-4), 0), "-1.0") &&
	   rt_raises(p, "modulo", F(1), F(0), 0) && rt_raises(p, "quotient", num_of(1.5), F(1), 0),
	   "floor/, truncate/, modulo, remainder, errors");

	tap_ok(streq(rt_call(p, "gcd", F(32), F(-36), 0), "4") && streq(rt_call(p, "gcd", 0), "0") &&
	   streq(rt_call(p, "lcm", F(32), F(-36), 0), "288") &&
	   streq(rt_call(p, "lcm", num_of(32), F(-36), 0), "288.0") &&
	   streq(rt_call(p, "lcm", 0), "1"),
	   "gcd and lcm");

	tap_ok(streq(rt_call(p, "round", num_of(2.5), 0), "2.0") &&
	   streq(rt_call(p, "round", num_of(-3.5), 0), "-4.0") &&
	   streq(rt_call(p, "round", rt_num(p, "7/2"), 0), "4") &&
	   streq(rt_call(p, "round", rt_num(p, "5/2"), 0), "2") &&
	   streq(rt_call(p, "round", rt_num(p, "-5/2"), 0), "-2") &&
	   streq(rt_call(p, "floor", rt_num(p, "-7/2"), 0), "-4") &&
	   streq(rt_call(p, "ceiling", rt_num(p, "-7/2"), 0), "-3") &&
	   streq(rt_call(p, "truncate", rt_num(p, "-7/2"), 0), "-3") &&
	   streq(rt_call(p, "floor", num_of(-4.3), 0), "-5.0"),
	   "floor ceiling truncate round (half to even)");

	tap_ok(streq(rt_call(p, "rationalize", rt_call(p, "exact", num_of(0.3), 0), rt_num(p, "1/10"), 0), "1/3") &&
	   streq(rt_call(p, "rationalize", num_of(0.3), rt_num(p, "1/10"), 0), "0.3333333333333333") &&
	   streq(rt_call(p, "rationalize", rt_num(p, "3/5"), rt_num(p, "1/10"), 0), "1/2") &&
	   streq(rt_call(p, "rationalize", rt_num(p, "-3/5"), rt_num(p, "1/10"), 0), "-1/2") &&
	   streq(rt_call(p, "rationalize", rt_num(p, "1/4"), rt_num(p, "1/4"), 0), "0"),
	   "rationalize finds the simplest rational");

	/* F(3001)/F(3000): a continued fraction of 3000 ones. */
	val fa = F(1), fb = F(1);
	for (int i = 3; i <= 3001; i++) {
		val t = num_add(p, fa, fb);
		fa = fb;
		fb = t;
	}
	val golden = num_div(p, fb, fa);
	tap_ok(num_eqv(rt_call(p, "rationalize", golden, F(0), 0), golden) &&
	   num_eqv(rt_call(p, "rationalize", golden, rt_num(p, "1/1000000"), 0), rt_num(p, "1597/987")),
	   "rationalize through a 3000-term continued fraction");

	tap_ok(streq(rt_call(p, "sqrt", F(9), 0), "3") && streq(rt_call(p, "sqrt", rt_num(p, "1/4"), 0), "1/2") &&
	   streq(rt_call(p, "sqrt", rt_call(p, "expt", F(10), F(40), 0), 0), "100000000000000000000") &&
	   streq(rt_call(p, "sqrt", F(2), 0), "1.4142135623730951") &&
	   streq(rt_call(p, "sqrt", rt_call(p, "expt", F(10), F(401), 0), 0), "3.1622776601683794e200") &&
	   streq(rt_call(p, "sqrt", F(-4), 0), "+2i") &&
	   streq(rt_call(p, "sqrt", num_of(-4), 0), "0.0+2.0i") &&
	   streq(rt_call(p, "sqrt", rt_num(p, "-3+4i"), 0), "1+2i"),
	   "sqrt: exact for perfect squares, inexact otherwise, imaginary for negatives");

	rt_call(p, "exact-integer-sqrt", rt_call(p, "expt", F(10), F(41), 0), 0);
	tap_ok(streq(rt_values[0], "316227766016837933199") && streq(rt_values[1], "562477137586013626399") &&
	   rt_raises(p, "exact-integer-sqrt", F(-1), 0) && rt_raises(p, "exact-integer-sqrt", num_of(4), 0),
	   "exact-integer-sqrt");

	tap_ok(streq(rt_call(p, "expt", F(2), F(-10), 0), "1/1024") &&
	   streq(rt_call(p, "expt", rt_num(p, "1/3"), F(3), 0), "1/27") &&
	   streq(rt_call(p, "expt", F(-2), F(3), 0), "-8") &&
	   streq(rt_call(p, "expt", F(0), F(0), 0), "1") &&
	   streq(rt_call(p, "expt", num_of(2), F(3), 0), "8.0") &&
	   streq(rt_call(p, "expt", F(4), rt_num(p, "1/2"), 0), "2.0") &&
	   rt_raises(p, "expt", F(0), F(-1), 0) &&
	   streq(rt_call(p, "expt", F(-8), rt_num(p, "1/3"), 0), "1.0+1.732050807568877i"),
	   "expt: exact, inexact and error cases");

	tap_ok(streq(rt_call(p, "exact", num_of(0.1), 0), "3602879701896397/36028797018963968") &&
	   streq(rt_call(p, "exact", num_of(1e20), 0), "100000000000000000000") &&
	   streq(rt_call(p, "exact", num_of(-0.25), 0), "-1/4") &&
	   rt_raises(p, "exact", num_of(INFINITY), 0) && rt_raises(p, "exact", num_of(NAN), 0) &&
	   streq(rt_call(p, "inexact", rt_num(p, "1/3"), 0), "0.3333333333333333"),
	   "exact and inexact");

	tap_ok(streq(rt_call(p, "numerator", rt_num(p, "6/4"), 0), "3") &&
	   streq(rt_call(p, "denominator", rt_num(p, "6/4"), 0), "2") &&
	   streq(rt_call(p, "denominator", num_of(0.75), 0), "4.0") &&
	   streq(rt_call(p, "numerator", num_of(0.5), 0), "1.0") &&
	   streq(rt_call(p, "denominator", F(0), 0), "1"),
	   "numerator and denominator, also of flonums");

	tap_ok(streq(rt_call(p, "max", F(1), num_of(2), 0), "2.0") &&
	   streq(rt_call(p, "min", F(1), num_of(2), 0), "1.0") &&
	   streq(rt_call(p, "max", rt_num(p, "1/2"), rt_num(p, "1/3"), 0), "1/2"),
	   "max and min with inexact contagion");

	tap_ok(rt_call(p, "<", F(1), F(2), F(3), 0) == P_TRUE && rt_call(p, "<", F(1), F(3), F(2), 0) == P_FALSE &&
	   rt_call(p, "=", F(1), num_of(1), rt_num(p, "2/2"), 0) == P_TRUE &&
	   rt_call(p, ">=", F(3), F(3), F(2), 0) == P_TRUE &&
	   rt_call(p, "<", num_of(NAN), F(1), 0) == P_FALSE &&
	   rt_raises(p, "<", F(1), P_NIL, 0),
	   "n-ary comparisons");

	v = rt_call(p, "log", num_of(8), F(2), 0);
	tap_ok(fabs(P_FLOVAL(v) - 3) < 1e-15 &&
	   fabs(P_FLOVAL(rt_call(p, "log", rt_call(p, "expt", F(10), F(400), 0), 0)) - 921.0340371976183) < 1e-12 &&
	   fabs(P_FLOVAL(rt_call(p, "atan", F(1), F(1), 0)) - 0.7853981633974483) < 1e-16 &&
	   streq(rt_call(p, "log", F(-1), 0), "0.0+3.141592653589793i") &&
	   streq(rt_call(p, "asin", F(2), 0), "1.5707963267948966-1.3169578969248166i"),
	   "log (one and two arguments, huge exact), atan, complex results");

	tap_ok(eq(rt_call(p, "imag-part", num_of(1.5), 0), F(0)) &&
	   streq(rt_call(p, "angle", F(-1), 0), "3.141592653589793") &&
	   streq(rt_call(p, "magnitude", F(-5), 0), "5") &&
	   eq(rt_call(p, "make-rectangular", F(3), F(0), 0), F(3)) &&
	   streq(rt_call(p, "make-rectangular", F(3), F(1), 0), "3+i") &&
	   rt_raises(p, "make-rectangular", F(3), rt_num(p, "+i"), 0) && strstr(rt_error, "real number"),
	   "(scheme complex)");

	static char longnum[400];
	memset(longnum, '7', 300);
	tap_ok(rt_call(p, "string->number", p_string_from_utf8(p, "1/0", 3), 0) == P_FALSE &&
	   rt_call(p, "string->number", p_string_from_utf8(p, "12\0x", 4), 0) == P_FALSE &&
	   num_eqv(rt_call(p, "string->number", p_string_from_utf8(p, longnum, 300), 0),
		   num_parse(p, longnum, 300, 10)) &&
	   rt_raises(p, "expt", F(10), F(1000000000000), 0) && strstr(rt_error, "too large") &&
	   rt_call(p, "string->number", p_string_from_utf8(p, "\xce\xbb", 2), 0) == P_FALSE &&
	   eq(rt_call(p, "string->number", p_string_from_utf8(p, "100", 3), F(16), 0), F(256)) &&
	   rt_raises(p, "number->string", num_of(1.5), F(3), 0) &&
	   rt_raises(p, "number->string", F(1), F(37), 0),
	   "string->number never raises on bad text; radix errors");

	tap_ok(rt_call(p, "integer?", num_of(3.0), 0) == P_TRUE && rt_call(p, "integer?", num_of(3.5), 0) == P_FALSE &&
	   rt_call(p, "rational?", num_of(INFINITY), 0) == P_FALSE && rt_call(p, "rational?", rt_num(p, "1/2"), 0) == P_TRUE &&
	   rt_call(p, "exact?", rt_num(p, "1/2"), 0) == P_TRUE && rt_raises(p, "exact?", P_NIL, 0) &&
	   rt_call(p, "nan?", num_of(NAN), 0) == P_TRUE && rt_call(p, "finite?", F(1), 0) == P_TRUE &&
	   rt_call(p, "odd?", num_of(3), 0) == P_TRUE && rt_call(p, "even?", rt_call(p, "expt", F(2), F(100), 0), 0) == P_TRUE &&
	   rt_call(p, "number?", P_NIL, 0) == P_FALSE && rt_call(p, "negative?", num_of(-0.0), 0) == P_FALSE,
	   "predicates");
}

int main(void)
{
	rt_reset();
	if (setjmp(rt_catch)) {
		tap_ok(0, "unexpected error: %s", rt_error);
		return tap_done();
	}
	test_known_values();
	test_identities();
	rt_reset();
	test_rounding_to_double();
	rt_reset();
	test_compare();
	test_syntax();
	rt_reset();
	test_primitives();
	return tap_done();
}
