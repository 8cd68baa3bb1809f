/* test_string.c - strings (narrow/wide storage, UTF-8), characters and
 * Unicode properties, bytevectors, through the C API and the primitives. */
#include "test_string_fixture.h"
#include "unicode.h"

static void test_utf8_codec(void)
{
	uint8_t b[4];
	uint32_t c;
	static const uint32_t samples[] = {0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800,
					   0x20AC, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};

	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		int n = utf8_encode(samples[i], b);
		int m = utf8_decode(b, (size_t)n, &c);
		tap_ok(n == utf8_length(samples[i]) && m == n && c == samples[i],
		   "UTF-8 round trip of U+%04X (%d bytes)", samples[i], n);
	}
	tap_ok(utf8_decode((const uint8_t *)"\xC0\x80", 2, &c) == 1 && c == UNI_REPLACEMENT,
	   "overlong encoding is rejected");
	tap_ok(utf8_decode((const uint8_t *)"\xED\xA0\x80", 3, &c) == 1 && c == UNI_REPLACEMENT,
	   "encoded surrogate is rejected");
	tap_ok(utf8_decode((const uint8_t *)"\xE2\x82", 2, &c) == 0,
	   "truncated sequence asks for more bytes");
	tap_ok(utf8_decode((const uint8_t *)"\xFF", 1, &c) == 1 && c == UNI_REPLACEMENT,
	   "invalid lead byte gives U+FFFD");
	tap_ok(utf8_decode((const uint8_t *)"\xE2\x41\x41", 3, &c) == 1 && c == UNI_REPLACEMENT,
	   "missing continuation byte gives U+FFFD");
}

static void test_widening(P *p)
{
	val s = p_string_from_utf8(p, "hello", 5);
	val t;

	tap_ok(STR_WIDTH(s) == 1 && STR_LEN(s) == 5, "ASCII text is stored narrow");
	p_string_set(p, s, 1, 0xE9);
	tap_ok(STR_WIDTH(s) == 1 && p_string_ref(s, 1) == 0xE9,
	   "a Latin-1 character keeps the string narrow");
	p_string_set(p, s, 4, 0x3BB);
	tap_ok(STR_WIDTH(s) == 4, "storing U+03BB widens the string");
	tap_ok(p_string_ref(s, 0) == 'h' && p_string_ref(s, 1) == 0xE9
	   && p_string_ref(s, 4) == 0x3BB && STR_LEN(s) == 5,
	   "widening keeps every character");
	tap_ok(str_is(p, s, "h\xC3\xA9ll\xCE\xBB"), "wide string encodes to UTF-8");
	t = p_string_from_utf8(p, "a\xF0\x9F\x98\x80z", 6);
	tap_ok(STR_LEN(t) == 3 && p_string_ref(t, 1) == 0x1F600 && STR_WIDTH(t) == 4,
	   "UTF-8 with an astral character decodes to 3 characters");
	t = p_string_from_utf8(p, "a\xFFz", 3);
	tap_ok(STR_LEN(t) == 3 && p_string_ref(t, 1) == UNI_REPLACEMENT,
	   "malformed UTF-8 decodes to U+FFFD");
	t = string_substring(p, s, 0, 3);
	tap_ok(STR_WIDTH(t) == 1 && str_is(p, t, "h\xC3\xA9l"),
	   "a substring without wide characters is narrow again");
	{
		char buf[4];
		size_t n = p_string_utf8(s, buf, sizeof buf);
		tap_ok(n == 7 && strcmp(buf, "h\xC3\xA9") == 0,
		   "p_string_utf8 truncates at a character boundary, reports full length");
	}
}

static void test_string_prims(P *p)
{
	val a[6], r;

	a[0] = P_FIX(3);
	a[1] = P_CHAR('x');
	r = call(p, "make-string", 2, a);
	tap_ok(str_is(p, r, "xxx"), "make-string");
	a[0] = P_CHAR('a');
	a[1] = P_CHAR(0x3BB);
	a[2] = P_CHAR('c');
	r = call(p, "string", 3, a);
	tap_ok(str_is(p, r, "a\xCE\xBB" "c") && STR_WIDTH(r) == 4, "string of a wide char");
	a[0] = r;
	a[1] = P_FIX(3);
	tap_ok(call(p, "string-ref", 2, a) == 0
	   && strstr(caught_message(p), "string-ref") != NULL,
	   "string-ref past the end raises an error naming string-ref");
	a[0] = str(p, "abc");
	a[1] = str(p, "abd");
	a[2] = str(p, "abe");
	tap_ok(call(p, "string<?", 3, a) == P_TRUE, "string<? is n-ary and true in order");
	a[2] = str(p, "abc");
	tap_ok(call(p, "string<?", 3, a) == P_FALSE, "string<? is false out of order");
	a[0] = str(p, "Stra\xC3\x9F" "e");
	a[1] = str(p, "STRASSE");
	tap_ok(call(p, "string-ci=?", 2, a) == P_TRUE,
	   "string-ci=? compares full case foldings (sharp s is ss)");
	{
		val b[2] = {str(p, "abc"), str(p, "ABD")};
		tap_ok(call(p, "string-ci<?", 2, b) == P_TRUE, "string-ci<?");
		b[1] = str(p, "AB");
		tap_ok(call(p, "string-ci>?", 2, b) == P_TRUE, "string-ci>? with a prefix");
	}
	r = call(p, "string-upcase", 1, a);
	tap_ok(str_is(p, r, "STRASSE"), "string-upcase maps sharp s to SS");
	a[0] = str(p, "\xCE\x9F\xCE\xA3");	/* ΟΣ */
	r = call(p, "string-downcase", 1, a);
	tap_ok(str_is(p, r, "\xCE\xBF\xCF\x82"), "string-downcase gives final sigma at word end");
	a[0] = str(p, "HeLLo");
	r = call(p, "string-foldcase", 1, a);
	tap_ok(str_is(p, r, "hello"), "string-foldcase");
	a[0] = str(p, "ab");
	a[1] = str(p, "\xCE\xBB");
	a[2] = str(p, "");
	r = call(p, "string-append", 3, a);
	tap_ok(str_is(p, r, "ab\xCE\xBB") && STR_LEN(r) == 3, "string-append mixes widths");
	a[0] = str(p, "hello world");
	a[1] = P_FIX(6);
	r = call(p, "string-copy", 2, a);
	tap_ok(str_is(p, r, "world"), "string-copy with start");
	a[1] = P_FIX(3);
	a[2] = P_FIX(2);
	tap_ok(call(p, "string-copy", 3, a) == 0 && caught_kind() == PE_ERROR,
	   "string-copy with start > end raises");
	{
		val to = str(p, "abcdefgh");
		a[0] = to;
		a[1] = P_FIX(2);
		a[2] = to;
		a[3] = P_FIX(0);
		a[4] = P_FIX(5);
		call(p, "string-copy!", 5, a);
		tap_ok(str_is(p, to, "ababcdeh"), "string-copy! handles overlap to the right");
		a[1] = P_FIX(0);
		a[3] = P_FIX(2);
		a[4] = P_FIX(6);
		call(p, "string-copy!", 5, a);
		tap_ok(str_is(p, to, "abcdcdeh"), "string-copy! handles overlap to the left");
		a[1] = P_FIX(6);
		tap_ok(call(p, "string-copy!", 5, a) == 0, "string-copy! that overflows raises");
	}
	a[0] = str(p, "abcd");
	a[1] = P_CHAR(0x263A);
	a[2] = P_FIX(1);
	a[3] = P_FIX(3);
	call(p, "string-fill!", 4, a);
	tap_ok(str_is(p, a[0], "a\xE2\x98\xBA\xE2\x98\xBA" "d"), "string-fill! with range widens");
	a[0] = str(p, "abc");
	a[1] = P_FIX(1);
	r = call(p, "string->list", 2, a);
	tap_ok(P_IS_PAIR(r) && P_CAR(r) == P_CHAR('b') && P_CAR(P_CDR(r)) == P_CHAR('c')
	   && P_CDR(P_CDR(r)) == P_NIL, "string->list with start");
	a[0] = p_cons(p, P_CHAR('x'), p_cons(p, P_CHAR(0x1F600), P_NIL));
	r = call(p, "list->string", 1, a);
	tap_ok(str_is(p, r, "x\xF0\x9F\x98\x80"), "list->string");
	a[0] = p_cons(p, P_CHAR('x'), P_FIX(1));
	tap_ok(call(p, "list->string", 1, a) == 0, "list->string of an improper list raises");
	a[0] = P_FIX(7);
	tap_ok(call(p, "string-length", 1, a) == 0
	   && strstr(caught_message(p), "string") != NULL,
	   "string-length of a number raises a type error");
}

static void test_chars(P *p)
{
	val a[3];

	tap_ok(uni_flags(0x3BB) & UNI_ALPHA && uni_flags(0x3BB) & UNI_LOWER,
	   "U+03BB is an alphabetic lower-case letter");
	tap_ok(uni_flags(0x2003) & UNI_SPACE, "EM SPACE is whitespace");
	tap_ok(uni_digit_value(0x663) == 3, "ARABIC-INDIC DIGIT THREE has value 3");
	tap_ok(uni_digit_value(0xFF19) == 9, "FULLWIDTH DIGIT NINE has value 9");
	tap_ok(uni_digit_value('a') == -1 && uni_digit_value(0x2160) == -1,
	   "letters and roman numerals have no digit value");
	tap_ok(uni_upcase_char(0xE9) == 0xC9 && uni_downcase_char(0x391) == 0x3B1,
	   "simple case mappings beyond ASCII");
	tap_ok(uni_foldcase_char(0x3A3) == 0x3C3 && uni_foldcase_char(0x3C2) == 0x3C3,
	   "sigma forms fold to one");
	a[0] = P_CHAR('a');
	a[1] = P_CHAR('B');
	a[2] = P_CHAR('c');
	tap_ok(call(p, "char-ci<?", 3, a) == P_TRUE && call(p, "char<?", 3, a) == P_FALSE,
	   "char-ci<? and char<? are n-ary");
	a[0] = P_FIX(0xD800);
	tap_ok(call(p, "integer->char", 1, a) == 0, "integer->char of a surrogate raises");
	a[0] = P_FIX(0x41);
	tap_ok(call(p, "integer->char", 1, a) == P_CHAR('A'), "integer->char");
	a[0] = P_CHAR(0x664);
	tap_ok(call(p, "digit-value", 1, a) == P_FIX(4), "digit-value of a non-ASCII digit");
	a[0] = P_CHAR('x');
	tap_ok(call(p, "digit-value", 1, a) == P_FALSE, "digit-value of a letter is #f");
}

static void test_bytevectors(P *p)
{
	val a[5], r;

	a[0] = P_FIX(1);
	a[1] = P_FIX(2);
	a[2] = P_FIX(255);
	r = call(p, "bytevector", 3, a);
	tap_ok(P_IS_BYTEVECTOR(r) && P_BV_LEN(r) == 3 && P_BV_DATA(r)[2] == 255, "bytevector");
	a[2] = P_FIX(256);
	tap_ok(call(p, "bytevector", 3, a) == 0, "bytevector with 256 raises");
	a[0] = str(p, "a\xCE\xBB");
	r = call(p, "string->utf8", 1, a);
	tap_ok(P_BV_LEN(r) == 3 && P_BV_DATA(r)[1] == 0xCE, "string->utf8");
	a[0] = r;
	a[1] = P_FIX(1);
	r = call(p, "utf8->string", 2, a);
	tap_ok(str_is(p, r, "\xCE\xBB"), "utf8->string with start");
	a[0] = p_make_bytevector(p, 5, 0);
	for (int i = 0; i < 5; i++)
		P_BV_DATA(a[0])[i] = (uint8_t)i;
	a[1] = P_FIX(1);
	a[2] = a[0];
	a[3] = P_FIX(0);
	a[4] = P_FIX(4);
	call(p, "bytevector-copy!", 5, a);
	tap_ok(P_BV_DATA(a[0])[1] == 0 && P_BV_DATA(a[0])[4] == 3,
	   "bytevector-copy! with overlap");
	a[1] = P_FIX(5);
	tap_ok(call(p, "bytevector-u8-ref", 2, a) == 0, "bytevector-u8-ref out of range raises");
	a[1] = p_make_bytevector(p, 2, 9);
	r = call(p, "bytevector-append", 2, a);
	tap_ok(P_BV_LEN(r) == 7 && P_BV_DATA(r)[6] == 9, "bytevector-append");
}

int main(void)
{
	P *p = fixture_new();

	test_utf8_codec();
	test_widening(p);
	test_string_prims(p);
	test_chars(p);
	test_bytevectors(p);
	return tap_done();
}
