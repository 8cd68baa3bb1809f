/*
 * test_libc.c - checks libpc against the host's glibc: shortest float
 * printing and correctly rounded parsing (bit-exact round trips on 100000+
 * doubles, shortest length, tricky and halfway inputs), the math functions
 * (ulp error against libm), and pc_snprintf.  TAP output.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pc_math.h"
#include "pcfloat.h"
#include "pfmt.h"
#include "tap.h"

long pc_strtol(const char *s, char **end, int base);
unsigned long pc_strtoul(const char *s, char **end, int base);

/* libpcbase's functions under test names (test_libc_string.c). */
void *tb_memcpy(void *restrict dst, const void *restrict src, size_t n);
void *tb_memmove(void *dst, const void *src, size_t n);
void *tb_memset(void *dst, int c, size_t n);
int tb_memcmp(const void *a, const void *b, size_t n);
void *tb_memchr(const void *s, int c, size_t n);
size_t tb_strlen(const char *s);
size_t tb_strnlen(const char *s, size_t max);
int tb_strcmp(const char *a, const char *b);
int tb_strncmp(const char *a, const char *b, size_t n);
char *tb_strchr(const char *s, int c);
char *tb_strrchr(const char *s, int c);
char *tb_strstr(const char *hay, const char *needle);

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ull;
}

static uint64_t bits(double d)
{
	uint64_t b;
	memcpy(&b, &d, sizeof b);
	return b;
}

static double from_bits(uint64_t b)
{
	double d;
	memcpy(&d, &b, sizeof d);
	return d;
}

/* Fewest significant digits with which glibc's correctly rounded output
 * reads back as d, and those digits. */
static int glibc_shortest(double d, char *digits)
{
	char buf[64];

	for (int p = 1; p <= 17; p++) {
		snprintf(buf, sizeof buf, "%.*e", p - 1, d);
		if (strtod(buf, NULL) == d) {
			int n = 0;
			for (char *q = buf; *q && *q != 'e'; q++)
				if (*q >= '0' && *q <= '9')
					digits[n++] = *q;
			while (n > 1 && digits[n - 1] == '0')
				n--;
			digits[n] = 0;
			return p;
		}
	}
	return 99;
}

/* One double through pc_dtoa_shortest and pc_strtod; returns a failure
 * description or NULL. */
static const char *check_roundtrip(double d, char *why, size_t cap)
{
	char buf[PC_DTOA_BUFSIZE], digits[18], gdigits[32];
	double back;
	int n = pc_dtoa_shortest(d, buf), k;

	if ((size_t)n != strlen(buf) || n >= PC_DTOA_BUFSIZE) {
		snprintf(why, cap, "%a: bad length %d", d, n);
		return why;
	}
	if (pc_strtod(buf, (size_t)n, &back) != 0 || bits(back) != bits(d)) {
		snprintf(why, cap, "%a -> %s -> %a", d, buf, back);
		return why;
	}
	if (strtod(buf, NULL) != d) {
		snprintf(why, cap, "%a -> %s, glibc reads it differently", d, buf);
		return why;
	}
	if (d == 0 || isinf(d) || isnan(d))
		return NULL;
	int nd = pc_dtoa_digits(d, digits, &k);
	int p = glibc_shortest(d, gdigits);
	if (nd > p || (nd == p && strcmp(digits, gdigits) != 0)) {
		snprintf(why, cap, "%a: digits %s (%d), glibc %s (%d)", d, digits,
			 nd, gdigits, p);
		return why;
	}
	return NULL;
}

static void test_dtoa_format(void)
{
	static const struct {
		double d;
		const char *s;
	} cases[] = {
		{ 1.5, "1.5" }, { 100.0, "100.0" }, { 0.0, "0.0" }, { -0.0, "-0.0" },
		{ 1e21, "1e21" }, { 1e20, "100000000000000000000.0" },
		{ 123456789012345680000.0, "123456789012345680000.0" },
		{ 1e-7, "1e-7" }, { 1.5e-7, "1.5e-7" }, { 0.000001, "0.000001" },
		{ 0.1, "0.1" }, { 1.0 / 3, "0.3333333333333333" },
		{ -2.5e-300, "-2.5e-300" }, { 5e-324, "5e-324" },
		{ 1.7976931348623157e308, "1.7976931348623157e308" },
		{ 2.2250738585072014e-308, "2.2250738585072014e-308" },
		{ 9007199254740993.0, "9007199254740992.0" },
		{ 1e23, "1e23" }, { 123.456, "123.456" },
	};
	char buf[PC_DTOA_BUFSIZE];
	int bad = 0;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pc_dtoa_shortest(cases[i].d, buf);
		if (strcmp(buf, cases[i].s) != 0) {
			printf("# %a: got %s, want %s\n", cases[i].d, buf, cases[i].s);
			bad++;
		}
	}
	pc_dtoa_shortest(__builtin_inf(), buf);
	bad += strcmp(buf, "+inf.0") != 0;
	pc_dtoa_shortest(-__builtin_inf(), buf);
	bad += strcmp(buf, "-inf.0") != 0;
	pc_dtoa_shortest(__builtin_nan(""), buf);
	bad += strcmp(buf, "+nan.0") != 0;
	tap_ok(bad == 0, "pc_dtoa_shortest formats %zu fixed cases in Scheme syntax",
	   sizeof cases / sizeof cases[0] + 3);
}

static void test_roundtrips(void)
{
	char why[200];
	int bad;

	bad = 0;
	for (int i = 0; i < 100000; i++) {
		double d = from_bits(rnd());
		if (isnan(d) || isinf(d))
			continue;
		if (check_roundtrip(d, why, sizeof why) && bad++ < 5)
			printf("# %s\n", why);
	}
	tap_ok(bad == 0, "100000 random bit patterns round-trip, shortest (%d bad)", bad);

	bad = 0;
	for (int i = 0; i < 20000; i++) {
		double d = from_bits(rnd() & ((1ull << 52) - 1));	/* subnormal */
		if (check_roundtrip(d, why, sizeof why) && bad++ < 5)
			printf("# %s\n", why);
	}
	tap_ok(bad == 0, "20000 subnormals round-trip, shortest (%d bad)", bad);

	bad = 0;
	for (int e = -325; e <= 309; e++) {
		char s[32];
		snprintf(s, sizeof s, "1e%d", e);
		double d = strtod(s, NULL);
		for (int j = -2; j <= 2; j++) {
			double x = from_bits(bits(d) + (uint64_t)j);
			if (d == 0 || isinf(d) || isinf(x))
				continue;
			if (check_roundtrip(x, why, sizeof why) && bad++ < 5)
				printf("# %s\n", why);
		}
	}
	tap_ok(bad == 0, "powers of ten and their neighbours round-trip (%d bad)", bad);

	bad = 0;
	for (int e = -1074; e <= 1023; e++) {
		double d = ldexp(1.0, e);
		for (int j = -1; j <= 1; j++) {
			double x = from_bits(bits(d) + (uint64_t)j);
			if (isinf(x) || x == 0)
				continue;
			if (check_roundtrip(x, why, sizeof why) && bad++ < 5)
				printf("# %s\n", why);
		}
	}
	tap_ok(bad == 0, "powers of two and their neighbours round-trip (%d bad)", bad);

	bad = 0;
	for (int i = 0; i < 20000; i++) {
		/* short decimals: integers and small fractions */
		double d = (double)(int64_t)(rnd() % 2000000 - 1000000) / (double)(1 + rnd() % 1000);
		if (check_roundtrip(d, why, sizeof why) && bad++ < 5)
			printf("# %s\n", why);
	}
	tap_ok(bad == 0, "20000 short decimals round-trip, shortest (%d bad)", bad);
}

static int strtod_agrees(const char *s, char *why, size_t cap)
{
	double ours, theirs = strtod(s, NULL);

	if (pc_strtod(s, strlen(s), &ours) != 0) {
		snprintf(why, cap, "pc_strtod rejects \"%.60s\"", s);
		return 0;
	}
	if (bits(ours) != bits(theirs)) {
		snprintf(why, cap, "\"%.60s...\": %a, glibc %a", s, ours, theirs);
		return 0;
	}
	return 1;
}

static void test_strtod(void)
{
	static const char *tricky[] = {
		"0", "-0", "0.0", "1", "-1", ".5", "5.", "1e0", "1E+0", "00001.2500",
		"2.2250738585072011e-308", "2.2250738585072012e-308",
		"2.2250738585072014e-308", "4.9406564584124654e-324",
		"2.4703282292062327e-324", "2.4703282292062328e-324",
		"2.4703282292062326e-324", "1e-400", "1e400", "-1e400",
		"1.7976931348623157e308", "1.7976931348623158e308",
		"1.7976931348623159e308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910943010863141111968143138888888888888888e150",
		"9007199254740993", "9007199254740992.9999999999999999999999",
		"9007199254740993.0000000000000000000001", "9007199254740995",
		"0.1", "0.2", "0.3", "3.14159265358979323846264338327950288",
		"123456789012345678901234567890e-30", "1e22", "1e23", "8.5e-324",
		"7.4109846876186982e-323", "6.9294956446009195e15",
		"3.4e38", "1.00000000000000011102230246251565404236316680908203125",
		"1.00000000000000011102230246251565404236316680908203124",
		"1.00000000000000011102230246251565404236316680908203126",
		"0.000000000000000000000000000000000000000000001e+300",
		"100000000000000000000000000000000000000000000000000000e-70",
	};
	static const char *bad_syntax[] = {
		"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1x", " 1", "1 ",
		"--1", "0x10", "inf", "nan", "1e5.0",
	};
	char why[200];
	int bad = 0;

	for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++)
		if (!strtod_agrees(tricky[i], why, sizeof why) && bad++ < 5)
			printf("# %s\n", why);
	tap_ok(bad == 0, "pc_strtod agrees with glibc on %zu tricky inputs",
	   sizeof tricky / sizeof tricky[0]);

	bad = 0;
	for (size_t i = 0; i < sizeof bad_syntax / sizeof bad_syntax[0]; i++) {
		double d = 42;
		if (pc_strtod(bad_syntax[i], strlen(bad_syntax[i]), &d) != -1 || d != 42) {
			printf("# accepted \"%s\"\n", bad_syntax[i]);
			bad++;
		}
	}
	tap_ok(bad == 0, "pc_strtod rejects %zu malformed inputs",
	   sizeof bad_syntax / sizeof bad_syntax[0]);

	/* Exact halfway points between adjacent doubles, and a hair either
	 * side: glibc's %.Ne prints the exact binary value. */
	bad = 0;
	static char s[1200];
	for (int i = 0; i < 3000; i++) {
		double d = from_bits(rnd() & 0x7fefffffffffffffull);
		if (i % 3 == 0)
			d = from_bits(rnd() & ((1ull << 52) - 1));
		long double mid = ((long double)d + (long double)nextafter(d, INFINITY)) / 2;
		snprintf(s, sizeof s, "%.780Le", mid);
		if (!strtod_agrees(s, why, sizeof why) && bad++ < 5)
			printf("# %s\n", why);
		/* bump the last mantissa digit up, then down */
		char *e = strchr(s, 'e');
		char *last = e - 1;
		while (*last == '0' && last[-1] != '.')
			last--;
		if (*last < '9') {
			(*last)++;
			if (!strtod_agrees(s, why, sizeof why) && bad++ < 5)
				printf("# %s\n", why);
			(*last)--;
		}
		if (*last > '0') {
			(*last)--;
			if (!strtod_agrees(s, why, sizeof why) && bad++ < 5)
				printf("# %s\n", why);
		}
	}
	tap_ok(bad == 0, "halfway points and their neighbours round correctly (%d bad)", bad);

	bad = 0;
	for (int i = 0; i < 20000; i++) {
		int nd = 1 + (int)(rnd() % (i % 10 == 0 ? 900 : 40));
		int n = 0;
		for (int j = 0; j < nd; j++) {
			s[n++] = (char)('0' + rnd() % 10);
			if (j == 0 && rnd() % 2)
				s[n++] = '.';
		}
		n += snprintf(s + n, sizeof s - (size_t)n, "e%d", (int)(rnd() % 700) - 350);
		if (!strtod_agrees(s, why, sizeof why) && bad++ < 5)
			printf("# %s\n", why);
	}
	tap_ok(bad == 0, "20000 random long decimals agree with glibc (%d bad)", bad);
}

/* Distance in ulps between ours and the reference. */
static double ulps(double ours, double ref)
{
	if (isnan(ref))
		return isnan(ours) ? 0 : 1e9;
	if (isinf(ref) || ref == 0)
		return ours == ref ? 0 : 1e9;
	int e;
	frexp(ref, &e);
	double unit = ldexp(1.0, (e - 53 < -1074 ? -1074 : e - 53));
	return fabs(ours - ref) / unit;
}

typedef double (*fn1)(double);

static void check_fn1(const char *name, fn1 ours, fn1 ref, double lo, double hi,
		      int logscale)
{
	double worst = 0, at = 0;

	for (int i = 0; i < 100000; i++) {
		double u = (double)(rnd() >> 11) / 9007199254740992.0, x;
		if (logscale) {
			x = exp(log(lo) + u * (log(hi) - log(lo)));
			if (rnd() & 1)
				x = -x;
		} else {
			x = lo + u * (hi - lo);
		}
		double err = ulps(ours(x), ref(x));
		if (err > worst) {
			worst = err;
			at = x;
		}
	}
	tap_ok(worst <= 1.0, "%s within 1 ulp of libm on [%g, %g]%s (worst %.3f at %a)",
	   name, lo, hi, logscale ? " (log-scaled, both signs)" : "", worst, at);
}

static double pow_ours_fixed(double x)
{
	return pc_pow(x, 3.7);
}

static double pow_ref_fixed(double x)
{
	return pow(x, 3.7);
}

static double atan2_ours(double x)
{
	return pc_atan2(x, 0.75 - x);
}

static double atan2_ref(double x)
{
	return atan2(x, 0.75 - x);
}

/* glibc's sinh and cosh are off by up to 2 ulps: compare with the long
 * double functions rounded. */
static double sinh_ref(double x)
{
	return (double)sinhl(x);
}

static double cosh_ref(double x)
{
	return (double)coshl(x);
}

static double hypot_ours(double x)
{
	return pc_hypot(x, 0.75 - x);
}

static double hypot_ref(double x)
{
	return hypot(x, 0.75 - x);
}

static double hypot_ours_big(double x)
{
	return pc_hypot(x, 1e300 * x);
}

static double hypot_ref_big(double x)
{
	return hypot(x, 1e300 * x);
}

static void test_math(void)
{
	check_fn1("exp", pc_exp, exp, -745, 709.7, 0);
	check_fn1("exp", pc_exp, exp, 1e-20, 1, 1);
	check_fn1("log", pc_log, log, 0, 1e300, 0);
	check_fn1("log", pc_log, log, 0.5, 2, 0);
	check_fn1("log", pc_log, log, 1e-320, 1e-300, 0);
	check_fn1("sin", pc_sin, sin, -10, 10, 0);
	check_fn1("sin", pc_sin, sin, 1e-10, 1e300, 1);
	check_fn1("cos", pc_cos, cos, -10, 10, 0);
	check_fn1("cos", pc_cos, cos, 1e-10, 1e300, 1);
	check_fn1("tan", pc_tan, tan, -10, 10, 0);
	check_fn1("tan", pc_tan, tan, 1e-10, 1e300, 1);
	check_fn1("asin", pc_asin, asin, -1, 1, 0);
	check_fn1("acos", pc_acos, acos, -1, 1, 0);
	check_fn1("atan", pc_atan, atan, -10, 10, 0);
	check_fn1("atan", pc_atan, atan, 1e-300, 1e300, 1);
	check_fn1("atan2", atan2_ours, atan2_ref, -5, 5, 0);
	check_fn1("sinh", pc_sinh, sinh_ref, -0.75, 0.75, 0);
	check_fn1("sinh", pc_sinh, sinh_ref, 1e-300, 710, 1);
	check_fn1("cosh", pc_cosh, cosh_ref, -3, 3, 0);
	check_fn1("cosh", pc_cosh, cosh_ref, 1e-300, 710, 1);
	check_fn1("hypot(x, 0.75 - x)", hypot_ours, hypot_ref, -5, 5, 0);
	check_fn1("hypot(x, 1e300 * x)", hypot_ours_big, hypot_ref_big, 1e-300, 1.7, 1);
	check_fn1("pow(x, 3.7)", pow_ours_fixed, pow_ref_fixed, 1e-80, 1e80, 1);

	double worst = 0;
	for (int i = 0; i < 100000; i++) {
		double x = exp((double)(rnd() % 100000) / 1000 - 50);
		double y = (double)(int64_t)(rnd() % 4000) / 100 - 20;
		double e = ulps(pc_pow(x, y), pow(x, y));
		if (e > worst)
			worst = e;
	}
	tap_ok(worst <= 1.0, "pow within 1 ulp of libm on random x, y (worst %.3f)", worst);

	/* sin of the double nearest a huge multiple of pi/2 needs exact
	 * reduction. */
	tap_ok(ulps(pc_sin(0x1.6ac5b262ca1ffp+849), sin(0x1.6ac5b262ca1ffp+849)) <= 1 &&
	   ulps(pc_cos(1e22), cos(1e22)) <= 1 && ulps(pc_sin(1e22), sin(1e22)) <= 1,
	   "sin/cos of huge arguments are reduced exactly");

	static const double specials[] = { 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0,
		-2.0, 3.0, -3.0, INFINITY, -INFINITY, NAN, 1e-310, -1e-310, 1e308,
		0.75, -1.5, 2.5, -2.5, 4503599627370495.5, 1e300 };
	const size_t ns = sizeof specials / sizeof specials[0];
	int bad = 0;
	for (size_t i = 0; i < ns; i++) {
		for (size_t j = 0; j < ns; j++) {
			double x = specials[i], y = specials[j];
			double a = pc_pow(x, y), b = pow(x, y);
			if (!(isnan(a) && isnan(b)) && (bits(a) != bits(b) && ulps(a, b) > 1)) {
				printf("# pow(%g, %g) = %g, libm %g\n", x, y, a, b);
				bad++;
			}
			a = pc_atan2(x, y), b = atan2(x, y);
			if (!(isnan(a) && isnan(b)) && (bits(a) != bits(b) && ulps(a, b) > 1)) {
				printf("# atan2(%g, %g) = %g, libm %g\n", x, y, a, b);
				bad++;
			}
			a = pc_hypot(x, y), b = hypot(x, y);
			if (!(isnan(a) && isnan(b)) && (bits(a) != bits(b) && ulps(a, b) > 1)) {
				printf("# hypot(%g, %g) = %g, libm %g\n", x, y, a, b);
				bad++;
			}
			a = pc_fmod(x, y), b = fmod(x, y);
			if (!(isnan(a) && isnan(b)) && bits(a) != bits(b)) {
				printf("# fmod(%g, %g) = %g, libm %g\n", x, y, a, b);
				bad++;
			}
		}
		double x = specials[i];
		fn1 ours[] = { pc_exp, pc_log, pc_sin, pc_cos, pc_tan, pc_asin, pc_acos, pc_atan,
			pc_sinh, pc_cosh };
		fn1 refs[] = { exp, log, sin, cos, tan, asin, acos, atan, sinh_ref, cosh_ref };
		for (int f = 0; f < 10; f++) {
			double a = ours[f](x), b = refs[f](x);
			if (!(isnan(a) && isnan(b)) && bits(a) != bits(b) && ulps(a, b) > 1) {
				printf("# function %d of %g = %g, libm %g\n", f, x, a, b);
				bad++;
			}
		}
	}
	tap_ok(bad == 0, "special values of pow, atan2, hypot, fmod, exp, log, trig, sinh, cosh match C99 Annex F");

	bad = 0;
	for (int i = 0; i < 200000; i++) {
		double x = from_bits(rnd());
		if (isnan(x)) {
			double r = pc_floor(x) + pc_ceil(x) + pc_trunc(x) + pc_round(x) +
				pc_round_even(x) + pc_fmod(x, 1) + pc_ldexp(x, 3);
			if (!isnan(r) && bad++ < 5)
				printf("# NaN not propagated\n");
			continue;
		}
		if (i % 2)
			x = (double)(int64_t)(rnd() % 20000 - 10000) / 4;
		double ip1, ip2, f1 = pc_modf(x, &ip1), f2 = modf(x, &ip2);
		int e1, e2;
		double m1 = pc_frexp(x, &e1), m2 = frexp(x, &e2);
		int sc = (int)(rnd() % 2200) - 1100;
		double y = from_bits(rnd());
		double r1 = pc_fmod(x, y), r2 = fmod(x, y);
		if (bits(pc_floor(x)) != bits(floor(x)) || bits(pc_ceil(x)) != bits(ceil(x)) ||
		    bits(pc_trunc(x)) != bits(trunc(x)) || bits(pc_round(x)) != bits(round(x)) ||
		    bits(pc_round_even(x)) != bits(nearbyint(x)) ||
		    (!isnan(x) && (bits(f1) != bits(f2) || bits(ip1) != bits(ip2) ||
				   bits(m1) != bits(m2) || e1 != e2)) ||
		    bits(pc_ldexp(x, sc)) != bits(ldexp(x, sc)) ||
		    (!(isnan(r1) && isnan(r2)) && bits(r1) != bits(r2))) {
			if (bad++ < 5)
				printf("# rounding/splitting mismatch at %a\n", x);
		}
	}
	tap_ok(bad == 0, "floor ceil trunc round round_even modf frexp ldexp fmod are exact (%d bad)", bad);
}

static void test_snprintf(void)
{
	char a[128], b[128];
	int bad = 0;

#define SAME(...) do { \
		int na = pc_snprintf(a, sizeof a, __VA_ARGS__); \
		int nb = snprintf(b, sizeof b, __VA_ARGS__); \
		if (na != nb || strcmp(a, b) != 0) { \
			printf("# pc_snprintf gave \"%s\" (%d), want \"%s\" (%d)\n", a, na, b, nb); \
			bad++; \
		} \
	} while (0)
	SAME("plain");
	SAME("%d %d %d", 0, -1, 2147483647);
	SAME("%d", (int)-2147483647 - 1);
	SAME("%ld %lu", (long)INT64_MIN, (unsigned long)UINT64_MAX);
	SAME("%lld %llu", (long long)-5, (unsigned long long)7);
	SAME("%zu %x %X %lx %o", (size_t)12345, 0xbeefu, 0xbeefu, 0xdeadbeefcafeul, 8u);
	SAME("[%5d] [%-5d] [%05d] [%05d]", 42, 42, 42, -42);
	SAME("[%s] [%10s] [%-10s] [%.3s] [%.*s]", "abc", "abc", "abc", "abcdef", 2, "xyz");
	SAME("%c%c%% %i", 'o', 'k', 9);
	SAME("%p", (void *)0x1234);
	SAME("[%*d]", 6, 3);
#undef SAME
	tap_ok(bad == 0, "pc_snprintf matches snprintf on the supported conversions");

	int n = pc_snprintf(a, 5, "%s", "truncated text");
	tap_ok(n == 14 && strcmp(a, "trun") == 0, "pc_snprintf truncates and returns the full length");
}

static int sgn(int x)
{
	return (x > 0) - (x < 0);
}

static void test_string(void)
{
	static unsigned char a[300], b[300], c[300];
	int bad = 0;

	for (int i = 0; i < 20000; i++) {
		size_t off1 = rnd() % 16, off2 = rnd() % 16, n = rnd() % 200;
		for (size_t k = 0; k < sizeof a; k++)
			a[k] = (unsigned char)rnd(), b[k] = c[k] = (unsigned char)rnd();
		tb_memcpy(b + off1, a + off2, n);
		memcpy(c + off1, a + off2, n);
		bad += memcmp(b, c, sizeof b) != 0;
		/* overlapping moves both ways */
		memcpy(c, b, sizeof b);
		tb_memmove(b + off1, b + off2, n);
		memmove(c + off1, c + off2, n);
		bad += memcmp(b, c, sizeof b) != 0;
		int v = (int)(rnd() % 256);
		tb_memset(b + off1, v, n);
		memset(c + off1, v, n);
		bad += memcmp(b, c, sizeof b) != 0;
		memcpy(b, a, sizeof a);
		if (n)
			b[rnd() % n] ^= (unsigned char)(1 + rnd() % 255);
		bad += sgn(tb_memcmp(a, b, n)) != sgn(memcmp(a, b, n));
		bad += tb_memchr(a, a[n], n) != memchr(a, a[n], n);
	}
	tap_ok(bad == 0, "memcpy memmove memset memcmp memchr agree with glibc (%d bad)", bad);

	static const char *strs[] = { "", "a", "ab", "abc", "abd", "abcabc", "b",
		"hello world", "hello", "world", "\xff\x01", "zz" };
	const size_t ns = sizeof strs / sizeof strs[0];
	bad = 0;
	for (size_t i = 0; i < ns; i++) {
		const char *s = strs[i];
		bad += tb_strlen(s) != strlen(s);
		bad += tb_strnlen(s, 2) != strnlen(s, 2);
		for (int ch = 0; ch < 256; ch += 7) {
			bad += tb_strchr(s, ch) != strchr(s, ch);
			bad += tb_strrchr(s, ch) != strrchr(s, ch);
		}
		bad += tb_strchr(s, 0) != strchr(s, 0);
		for (size_t j = 0; j < ns; j++) {
			bad += sgn(tb_strcmp(s, strs[j])) != sgn(strcmp(s, strs[j]));
			bad += sgn(tb_strncmp(s, strs[j], 2)) != sgn(strncmp(s, strs[j], 2));
			bad += tb_strstr(s, strs[j]) != strstr(s, strs[j]);
		}
	}
	tap_ok(bad == 0, "strlen strnlen strchr strrchr strcmp strncmp strstr agree with glibc (%d bad)", bad);
}

static void test_strtol(void)
{
	static const char *in[] = { "0", "42", "-42", "+7", "  12x", "0x1F", "0X1f", "017",
		"0x", "0xg", "", "-", "z", "9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "-9223372036854775809", "99999999999999999999",
		"18446744073709551615", "18446744073709551616", "-1", "\t\n 5", "1010" };
	static const int bases[] = { 0, 10, 16, 8, 2, 36 };
	int bad = 0;

	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
			char *e1, *e2;
			long l1 = pc_strtol(in[i], &e1, bases[b]);
			long l2 = strtol(in[i], &e2, bases[b]);
			unsigned long u1 = pc_strtoul(in[i], &e1, bases[b]);
			unsigned long u2 = strtoul(in[i], &e2, bases[b]);
			if (l1 != l2 || u1 != u2 || e1 != e2) {
				printf("# \"%s\" base %d: %ld/%lu, glibc %ld/%lu\n", in[i],
				       bases[b], l1, u1, l2, u2);
				bad++;
			}
		}
	}
	tap_ok(bad == 0, "pc_strtol and pc_strtoul agree with glibc, saturation included");
}

int main(void)
{
	test_strtol();
	test_string();
	test_dtoa_format();
	test_roundtrips();
	test_strtod();
	test_math();
	test_snprintf();
	return tap_done();
}
