/* test_write.c - the printer: escapes, symbols that need bars, labels for
 * cycles (write) and for sharing (write-shared), display, and read/write
 * round trips. */
#include "read.h"
#include "test_string_fixture.h"
#include "write.h"

static const char *written(P *p, val x, enum write_mode mode)
{
	val port = port_open_output_memory(p, 1);
	const uint8_t *data;
	size_t n;

	write_value(p, x, port, mode);
	data = port_output_data(port, &n);
	return p_string_cstr(p, p_string_from_utf8(p, (const char *)data, n));
}

static void expect(P *p, val x, enum write_mode mode, const char *want)
{
	const char *got = written(p, x, mode);

	tap_ok(strcmp(got, want) == 0, "%s gives %s%s%s",
	   mode == WRITE_DISPLAY ? "display" : mode == WRITE_SHARED ? "write-shared"
	   : mode == WRITE_SIMPLE ? "write-simple" : "write", want,
	   strcmp(got, want) ? " but got " : "", strcmp(got, want) ? got : "");
}

static val sym(P *p, const char *s)
{
	return p_intern(p, s, strlen(s));
}

static void test_atoms(P *p)
{
	expect(p, P_TRUE, WRITE_CYCLES, "#t");
	expect(p, P_FALSE, WRITE_CYCLES, "#f");
	expect(p, P_NIL, WRITE_CYCLES, "()");
	expect(p, P_EOF, WRITE_CYCLES, "#<eof>");
	expect(p, P_FIX(-12), WRITE_CYCLES, "-12");
	expect(p, P_CHAR('a'), WRITE_CYCLES, "#\\a");
	expect(p, P_CHAR(' '), WRITE_CYCLES, "#\\space");
	expect(p, P_CHAR(0), WRITE_CYCLES, "#\\null");
	expect(p, P_CHAR(0x7F), WRITE_CYCLES, "#\\delete");
	expect(p, P_CHAR(1), WRITE_CYCLES, "#\\x1");
	expect(p, P_CHAR(0x3BB), WRITE_CYCLES, "#\\\xCE\xBB");
	expect(p, P_CHAR(0x3BB), WRITE_DISPLAY, "\xCE\xBB");
	expect(p, P_CHAR('\n'), WRITE_DISPLAY, "\n");
	expect(p, str(p, "a\"b\\c\nd\te\x01\xCE\xBB"), WRITE_CYCLES,
	       "\"a\\\"b\\\\c\\nd\\te\\x1;\xCE\xBB\"");
	expect(p, str(p, "a\"b\\c\nd"), WRITE_DISPLAY, "a\"b\\c\nd");
	expect(p, sym(p, "abc"), WRITE_CYCLES, "abc");
	expect(p, sym(p, "hello world"), WRITE_CYCLES, "|hello world|");
	expect(p, sym(p, "hello world"), WRITE_DISPLAY, "hello world");
	expect(p, sym(p, ""), WRITE_CYCLES, "||");
	expect(p, sym(p, "a|b"), WRITE_CYCLES, "|a\\|b|");
	expect(p, sym(p, "12"), WRITE_CYCLES, "|12|");
	expect(p, sym(p, "+5"), WRITE_CYCLES, "|+5|");
	expect(p, sym(p, "."), WRITE_CYCLES, "|.|");
	expect(p, sym(p, "#foo"), WRITE_CYCLES, "|#foo|");
	expect(p, sym(p, "+"), WRITE_CYCLES, "+");
	expect(p, sym(p, "..."), WRITE_CYCLES, "...");
	expect(p, sym(p, "->x"), WRITE_CYCLES, "->x");
	expect(p, sym(p, "\xCE\xBB"), WRITE_CYCLES, "\xCE\xBB");
	{
		val bv = p_make_bytevector(p, 3, 7);
		P_BV_DATA(bv)[2] = 255;
		expect(p, bv, WRITE_CYCLES, "#u8(7 7 255)");
	}
	expect(p, port_open_output_memory(p, 1), WRITE_CYCLES, "#<textual output port>");
}

static void test_structure(P *p)
{
	val a = sym(p, "a"), b = sym(p, "b");
	val l = p_list(p, 3, a, p_list(p, 2, b, str(p, "s")), P_FIX(1));
	val v = p_make_vector(p, 2, P_CHAR('x'));
	val shared = p_list(p, 1, a);
	val twice = p_list(p, 2, shared, shared);
	val cyc, vcyc;

	expect(p, l, WRITE_CYCLES, "(a (b \"s\") 1)");
	expect(p, l, WRITE_DISPLAY, "(a (b s) 1)");
	expect(p, p_cons(p, a, b), WRITE_CYCLES, "(a . b)");
	expect(p, p_cons(p, a, p_cons(p, b, P_FIX(3))), WRITE_CYCLES, "(a b . 3)");
	expect(p, v, WRITE_CYCLES, "#(#\\x #\\x)");
	expect(p, p_make_vector(p, 0, P_FALSE), WRITE_CYCLES, "#()");
	expect(p, p_list(p, 2, sym(p, "quote"), a), WRITE_CYCLES, "(quote a)");
	expect(p, twice, WRITE_CYCLES, "((a) (a))");
	expect(p, twice, WRITE_SIMPLE, "((a) (a))");
	expect(p, twice, WRITE_SHARED, "(#0=(a) #0#)");

	cyc = p_list(p, 3, a, b, P_FIX(3));
	P_CDR(P_CDR(P_CDR(cyc))) = cyc;
	expect(p, cyc, WRITE_CYCLES, "#0=(a b 3 . #0#)");
	expect(p, cyc, WRITE_DISPLAY, "#0=(a b 3 . #0#)");
	expect(p, cyc, WRITE_SHARED, "#0=(a b 3 . #0#)");

	vcyc = p_make_vector(p, 2, P_FIX(0));
	P_VEC(vcyc)[1] = vcyc;
	expect(p, vcyc, WRITE_CYCLES, "#0=#(0 #0#)");

	/* A cycle through the car, with sharing that is not a cycle. */
	{
		val inner = p_list(p, 1, b);
		val outer = p_list(p, 3, inner, inner, P_FIX(0));
		P_CAR(P_CDR(P_CDR(outer))) = outer;
		expect(p, outer, WRITE_CYCLES, "#0=((b) (b) #0#)");
		expect(p, outer, WRITE_SHARED, "#0=(#1=(b) #1# #0#)");
	}
	/* Sharing in the tail of a list is written with a dot. */
	{
		val tail = p_list(p, 2, a, b);
		val x = p_list(p, 2, tail, P_NIL);
		P_CDR(P_CDR(x)) = tail;
		P_CDR(x) = tail;
		expect(p, x, WRITE_SHARED, "(#0=(a b) . #0#)");
	}
}

/* write then read gives an equal datum back, labels included. */
static void test_round_trip(P *p)
{
	static const char *texts[] = {
		"(1 (2 #(3 \"four\" #\\5)) . six)",
		"#0=(a #1=(b . #1#) . #0#)",
		"(|sym with space| |x\\|y| \"tab\\there\" #\\x7f #u8(1 2 3))",
		"#0=#(#0# #1=(x) #1#)",
		"(\"\xE2\x82\xAC\" #\\\xF0\x9F\x98\x80 \xCE\xBB)",
	};

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		val d = read_datum(p, port_open_input_string(p, str(p, texts[i])));
		const char *once = written(p, d, WRITE_SHARED);
		val d2 = read_datum(p, port_open_input_string(p, str(p, once)));
		const char *twice = written(p, d2, WRITE_SHARED);
		tap_ok(strcmp(once, twice) == 0, "round trip of %s through %s", texts[i], once);
	}
}

/* Cycle detection stays linear: a long list and a long cyclic list. */
static void test_big(P *p)
{
	val l = P_NIL, last = 0;
	const char *s;

	for (int i = 0; i < 200000; i++) {
		l = p_cons(p, P_FIX(i % 10), l);
		if (!last)
			last = l;
	}
	s = written(p, l, WRITE_CYCLES);
	tap_ok(strlen(s) == 2 * 200000 + 1 && s[0] == '(', "a 200000-element list is written");
	P_CDR(last) = l;
	s = written(p, l, WRITE_CYCLES);
	tap_ok(strncmp(s, "#0=(", 4) == 0 && strcmp(s + strlen(s) - 7, " . #0#)") == 0,
	   "a 200000-element cyclic list gets one label");
	{
		val deep = P_NIL;
		const int n = 100000;
		for (int i = 0; i < n; i++)
			deep = p_cons(p, deep, P_NIL);
		s = written(p, deep, WRITE_CYCLES);
		tap_ok(strlen(s) == 2 * (size_t)n + 2 && s[n] == '(' && s[n + 1] == ')',
		   "a list nested %d deep is written", n);
		s = written(p, deep, WRITE_SHARED);
		tap_ok(strlen(s) == 2 * (size_t)n + 2, "and with write-shared");
	}
}

int main(void)
{
	P *p = fixture_new();

	test_atoms(p);
	test_structure(p);
	test_round_trip(p);
	test_big(p);
	return tap_done();
}
