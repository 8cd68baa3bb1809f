/* test_read.c - the reader: every datum syntax, every error with its line,
 * datum labels, fold-case, and ports reading across buffer refills. */
#include "read.h"
#include "test_string_fixture.h"
#include "write.h"

/* Reads every datum of text and returns their written forms separated by
 * single spaces, or "ERROR: <message>" for a condition. */
static const char *read_all(P *p, const char *text)
{
	static char out[4096];
	val port = port_open_input_string(p, str(p, text));
	size_t n = 0;

	out[0] = '\0';
	if (__builtin_setjmp(p->jb) == 0) {
		p->in_vm = 1;
		for (;;) {
			val d = read_datum(p, port);
			if (d == P_EOF)
				break;
			const char *w = p_string_cstr(p, p_write_to_string(p, d, 0));
			n += (size_t)snprintf(out + n, sizeof out - n, "%s%s",
					      n ? " " : "", w);
		}
		p->in_vm = 0;
		return out;
	}
	p->in_vm = 0;
	caught = p->pending;
	snprintf(out, sizeof out, "ERROR: %s", caught_message(p));
	return out;
}

static void expect(P *p, const char *text, const char *want)
{
	const char *got = read_all(p, text);

	tap_ok(strcmp(got, want) == 0, "read %s => %s%s%s", text, want,
	   strcmp(got, want) ? " but got " : "", strcmp(got, want) ? got : "");
}

static void test_data(P *p)
{
	expect(p, "(1 2 3)", "(1 2 3)");
	expect(p, "  ( a . b )  ", "(a . b)");
	expect(p, "(a b . (c d))", "(a b c d)");
	expect(p, "()", "()");
	expect(p, "[a (b)]", "(a (b))");
	expect(p, "#(1 #(2) \"x\")", "#(1 #(2) \"x\")");
	expect(p, "#()", "#()");
	expect(p, "#u8(0 1 255)", "#u8(0 1 255)");
	expect(p, "#u8()", "#u8()");
	expect(p, "#t #f #true #false", "#t #f #t #f");
	expect(p, "'a `(b ,c ,@d)", "(quote a) (quasiquote (b (unquote c) (unquote-splicing d)))");
	expect(p, "\"a\\tb\\nc\\\\d\\\"e\\a\\b\\r\\|\"", "\"a\\tb\\nc\\\\d\\\"e\\a\\b\\r|\"");
	expect(p, "\"\\x41;\\x3bb;\"", "\"A\xCE\xBB\"");
	expect(p, "\"one \\\n     two\"", "\"one two\"");
	expect(p, "\"one \\   \n  two\"", "\"one two\"");
	expect(p, "\"line1\nline2\"", "\"line1\\nline2\"");
	expect(p, "#\\a #\\A #\\( #\\space #\\newline #\\tab #\\nul #\\null",
	       "#\\a #\\A #\\( #\\space #\\newline #\\tab #\\null #\\null");
	expect(p, "#\\alarm #\\backspace #\\delete #\\escape #\\return",
	       "#\\alarm #\\backspace #\\delete #\\escape #\\return");
	expect(p, "#\\x41 #\\x3BB #\\x #\\x0", "#\\A #\\\xCE\xBB #\\x #\\null");
	expect(p, "#\\\xCE\xBB", "#\\\xCE\xBB");
	expect(p, "|hello world| |a\\|b| |\\x41;| ||", "|hello world| |a\\|b| A ||");
	expect(p, "abc ->x <=? ... + - a.b !$%&*/:<=>?^_~", "abc ->x <=? ... + - a.b !$%&*/:<=>?^_~");
	expect(p, "\xCE\xBB\xCE\xB1", "\xCE\xBB\xCE\xB1");
	expect(p, "42 -7 +5", "42 -7 5");
	expect(p, "#x-ff #b101 #e1.5 1/2 -0.5 +inf.0", "-255 5 3/2 1/2 -0.5 +inf.0");
	{
		char big[400], want[400];
		memset(big, '9', 300);
		big[300] = '\0';
		strcpy(want, big);
		expect(p, big, want);
		big[0] = '#', big[1] = 'x';
		memset(big + 2, 'f', 298);
		{
			val d = read_datum(p, port_open_input_string(p, str(p, big)));
			tap_ok(p_is_number(d) && !P_IS_FIX(d), "a 298-digit hex literal is a bignum");
		}
	}
	expect(p, "; comment\n 1 ; more\n 2", "1 2");
	expect(p, "#| block #| nested |# still |# 3", "3");
	expect(p, "(1 #;(2 3) 4) #; 5 6", "(1 4) 6");
	expect(p, "(a #;b)", "(a)");
	expect(p, "#!fold-case ABC #\\SPACE #!no-fold-case ABC", "abc #\\space ABC");
	expect(p, "#!/usr/bin/env p\n(x)", "(x)");
	expect(p, "", "");
	expect(p, "   ; only a comment", "");
}

static void test_labels(P *p)
{
	expect(p, "#0=(a . #0#)", "#0=(a . #0#)");
	expect(p, "#1=(a #1# b)", "#0=(a #0# b)");
	expect(p, "(#0=(x) #0#)", "((x) (x))");
	expect(p, "#0=#(1 #0#)", "#0=#(1 #0#)");
	expect(p, "#0=(#1=(y . #1#) . #0#)", "#0=(#1=(y . #1#) . #0#)");
	{
		val port = port_open_input_string(p, str(p, "(#5=(q) #5#)"));
		val d = read_datum(p, port);
		tap_ok(P_CAR(d) == P_CAR(P_CDR(d)), "#n# refers to the same object as #n=");
	}
}

static void expect_error(P *p, const char *text, const char *msg)
{
	const char *got = read_all(p, text);
	char want[256];

	snprintf(want, sizeof want, "ERROR: %s", msg);
	tap_ok(strcmp(got, want) == 0 && caught_kind() == PE_READ,
	   "read error for %s => %s%s%s", text, msg,
	   strcmp(got, want) ? " but got " : "", strcmp(got, want) ? got : "");
}

static void test_errors(P *p)
{
	expect_error(p, "\"abc", "read: unterminated string at line 1");
	expect_error(p, "\n\n\"abc\n\n", "read: unterminated string at line 3");
	expect_error(p, "(1 2\n3", "read: unterminated list at line 1");
	expect_error(p, "x\n)", "read: unexpected ')' at line 2");
	expect_error(p, "(. a)", "read: '.' at the start of a list at line 1");
	expect_error(p, "(a . b c)", "read: more than one datum after '.' in a list at line 1");
	expect_error(p, "(a . )", "read: expected a datum after '.' in a list at line 1");
	expect_error(p, ".", "read: unexpected '.' at line 1");
	expect_error(p, "#(a . b)", "read: '.' in a vector at line 1");
	expect_error(p, "#u8(1 256)", "read: bytevector element is not a byte (0..255) at line 1");
	expect_error(p, "#u8 (1)", "read: #u8 must be followed by '(' at line 1");
	expect_error(p, "#\\bogus", "read: unknown character name #\\bogus at line 1");
	expect_error(p, "#\\xD800", "read: #\\xd800 is not a Unicode scalar value at line 1");
	expect_error(p, "\"\\q\"", "read: unknown string escape \\q at line 1");
	expect_error(p, "\"\\x41\"", "read: bad \\x escape in string (want \\x<hex>;) at line 1");
	expect_error(p, "\"a\\  b\"", "read: bad escape in string: \\ followed by spaces must end the line at line 1");
	expect_error(p, "|abc", "read: unterminated |symbol| at line 1");
	expect_error(p, "#| never closed", "read: unterminated #| comment at line 1");
	expect_error(p, "'", "read: end of input after quote at line 1");
	expect_error(p, "(a ')", "read: expected a datum after quote at line 1");
	expect_error(p, "#;", "read: end of input after #; at line 1");
	expect_error(p, "#1#", "read: undefined datum label #1# at line 1");
	expect_error(p, "#0=#0#", "read: datum label #0= refers only to itself at line 1");
	expect_error(p, "#0x", "read: bad datum label syntax (want #n= or #n#) at line 1");
	expect_error(p, "#q", "read: unknown syntax #q at line 1");
	expect_error(p, "#!bogus", "read: unknown directive after #! at line 1");
	expect_error(p, "12abc", "read: bad number syntax 12abc at line 1");
	expect_error(p, "#\\", "read: end of input after #\\ at line 1");
	expect_error(p, "#(1 . 2)", "read: '.' in a vector at line 1");
	expect_error(p, "(a #;)", "read: expected a datum after #; at line 1");
	expect_error(p, "(a . b #;)", "read: expected a datum after #; at line 1");
	expect_error(p, "#0=)", "read: expected a datum after a datum label at line 1");
	expect_error(p, "(1\n#(2\n", "read: unterminated vector at line 2");
	expect_error(p, "#u8(1", "read: unterminated bytevector at line 1");
}

/* Nesting is limited by the heap, not by the C stack. */
static void test_deep(P *p)
{
	const size_t n = 200000;
	char *text = malloc(2 * n + 1);
	val d;
	size_t depth = 0;

	memset(text, '(', n);
	memset(text + n, ')', n);
	text[2 * n] = '\0';
	d = read_datum(p, port_open_input_string(p, str(p, text)));
	while (P_IS_PAIR(d)) {
		depth++;
		d = P_CAR(d);
	}
	tap_ok(depth == n - 1 && d == P_NIL, "a list nested %zu deep", n);
	memset(text, '\'', n);
	text[n] = 'x';
	text[n + 1] = '\0';
	d = read_datum(p, port_open_input_string(p, str(p, text)));
	depth = 0;
	while (P_IS_PAIR(d)) {
		depth++;
		d = P_CAR(P_CDR(d));
	}
	tap_ok(depth == n && P_IS_SYMBOL(d), "%zu nested quotes", n);
	free(text);
}

static void test_lines(P *p)
{
	val port = port_open_input_string(p, str(p, "a\n(b\n c)\n\n d"));

	read_datum(p, port);
	tap_ok(port_line(port) == 1, "line 1 after the first datum");
	read_datum(p, port);
	tap_ok(port_line(port) == 3, "a list spanning lines advances the line count");
	read_datum(p, port);
	tap_ok(port_line(port) == 5, "blank lines count");
	tap_ok(read_datum(p, port) == P_EOF, "EOF after the last datum");
}

/* A datum larger than a port buffer, through a handle port: refills in
 * the middle of tokens and UTF-8 sequences must not matter. */
static void test_refill(P *p)
{
	char path[] = "/tmp/test_read_XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	const int n = 3000;
	val port, d;
	int count = 0, good = 1;

	fputs("(", f);
	for (int i = 0; i < n; i++)
		fprintf(f, "\"\xCE\xBB%d\" sym%d ", i, i);
	fputs(")", f);
	fclose(f);
	port = port_from_handle(p, plat_open(path + 5, PLAT_O_READ),
				PORT_IN | PORT_TEXT, P_FALSE);
	d = read_datum(p, port);
	for (val l = d; P_IS_PAIR(l); l = P_CDR(P_CDR(l))) {
		char want[32];
		snprintf(want, sizeof want, "\xCE\xBB%d", count);
		if (!str_is(p, P_CAR(l), want))
			good = 0;
		count++;
	}
	tap_ok(good && count == n, "a %d-element list read through a 4 KiB buffer", 2 * n);
	unlink(path);
}

int main(void)
{
	P *p = fixture_new();

	test_data(p);
	test_labels(p);
	test_errors(p);
	test_deep(p);
	test_lines(p);
	test_refill(p);
	return tap_done();
}
