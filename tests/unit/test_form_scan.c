/*
 * test_form_scan.c - the line editor's idea of where typed Scheme data end
 * (dom0d/repl-client/form_scan.c): complete, still open, or blank, for the
 * lexical cases that fool a bracket counter.  Prints TAP.
 */
#include <string.h>
#include "form_scan.h"
#include "tap.h"

static void expect(const char *text, enum form_state want)
{
	static const char *const names[] = { "blank", "complete", "open" };
	struct form_info fi;

	form_scan(text, strlen(text), &fi);
	tap_ok(fi.state == want, "%s is %s (got %s)", text, names[want], names[fi.state]);
}

int main(void)
{
	struct form_info fi;

	expect("(+ 1 2)\n", FORM_COMPLETE);
	expect("(define (f x)\n", FORM_OPEN);
	expect("(define (f x)\n  (* x 2))\n", FORM_COMPLETE);
	expect("[1 (2\n", FORM_OPEN);
	expect("42 foo \"bar\"\n", FORM_COMPLETE);
	expect("\"a (string\n", FORM_OPEN);
	expect("\"a \\\" (\"\n", FORM_COMPLETE);
	expect("(display \")\"\n", FORM_OPEN);
	expect("|odd (symbol\n", FORM_OPEN);
	expect("(f #\\( #\\))\n", FORM_COMPLETE);
	expect("#\\", FORM_OPEN);
	expect("(a ; comment (\n", FORM_OPEN);
	expect("(a) ; comment (\n", FORM_COMPLETE);
	expect("; only a comment\n", FORM_BLANK);
	expect("   \n", FORM_BLANK);
	expect("#| block ( |# (a)\n", FORM_COMPLETE);
	expect("#| outer #| inner |# still (\n", FORM_OPEN);
	expect("#; (skipped)\n", FORM_BLANK);
	expect("#;\n", FORM_OPEN);
	expect("'\n", FORM_OPEN);
	expect("'(a b)\n", FORM_COMPLETE);
	expect(",help\n", FORM_COMPLETE);
	expect(",time (fib\n", FORM_OPEN);
	expect("#(1 2\n", FORM_OPEN);
	expect("#u8(1 2)\n", FORM_COMPLETE);
	expect(")\n", FORM_COMPLETE);

	form_scan("(a (b c", 7, &fi);
	tap_ok(fi.open_at == 3, "the innermost open bracket is found (at %ld)", fi.open_at);
	form_scan("(a \"(\" b", 8, &fi);
	tap_ok(fi.open_at == 0, "brackets in strings are not counted (at %ld)", fi.open_at);
	form_scan("(a ; x", 6, &fi);
	tap_ok(fi.ends_in_comment && !fi.ends_in_text, "a line ending in a comment is seen");
	form_scan("(a \"x", 5, &fi);
	tap_ok(fi.ends_in_text && !fi.ends_in_comment, "a line ending in a string is seen");
	return tap_done();
}
