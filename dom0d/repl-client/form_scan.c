/*
 * form_scan.c - where typed Scheme data end (see form_scan.h).
 */
#include "form_scan.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_delimiter(char c)
{
	return is_space(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"' ||
	       c == ';' || c == '|';
}

void form_scan(const char *s, size_t n, struct form_info *out)
{
	int depth = 0, block = 0, prefix = 0, data = 0, char_due = 0;
	size_t opens[32];	/* where the innermost open brackets are */
	char in = 0;	/* '"', '|' or ';' while inside one */
	size_t i = 0;

	/* A datum starting at depth 0 after no prefix is a new top-level one;
	 * a prefix waits for the datum it applies to: a quote mark (1) begins
	 * a top-level datum itself, #; (2) makes the next one a comment. */
#define BEGIN_DATUM() do { if (depth == 0 && !prefix) data++; prefix = 0; } while (0)
	while (i < n) {
		char c = s[i++];
		if (block) {
			if (c == '|' && i < n && s[i] == '#') {
				block--;
				i++;
			} else if (c == '#' && i < n && s[i] == '|') {
				block++;
				i++;
			}
			continue;
		}
		if (in == ';') {
			if (c == '\n')
				in = 0;
			continue;
		}
		if (in) {
			if (c == '\\')
				i++;
			else if (c == in)
				in = 0;
			continue;
		}
		if (is_space(c))
			continue;
		switch (c) {
		case ';':
			in = ';';
			break;
		case '"':
		case '|':
			BEGIN_DATUM();
			in = c;
			break;
		case '(':
		case '[':
			BEGIN_DATUM();
			if (depth < 32)
				opens[depth] = i - 1;
			depth++;
			break;
		case ')':
		case ']':
			if (depth > 0)
				depth--;
			else
				data++;	/* stray: the REPL's reader reports it */
			break;
		case ',':
			if (i < n && s[i] == '@')
				i++;
			/* fall through */
		case '\'':
		case '`':
			if (depth == 0) {
				if (!prefix)
					data++;
				prefix = 1;
			}
			break;
		case '#':
			if (i < n && s[i] == '|') {
				block = 1;
				i++;
			} else if (i < n && s[i] == ';') {
				i++;
				if (depth == 0 && !prefix)
					prefix = 2;
			} else if (i < n && s[i] == '\\') {
				BEGIN_DATUM();
				/* the character itself may be a delimiter */
				if (i + 1 >= n)
					char_due = 1;
				i += 2;
				while (i < n && !is_delimiter(s[i]))
					i++;
			} else if (i < n && s[i] == '(') {
				/* a vector: the ( that follows opens it */
			} else {
				/* #t, #e1, #!fold-case; #u8( is opened by its ( */
				while (i < n && !is_delimiter(s[i]))
					i++;
				if (i >= n || s[i] != '(')
					BEGIN_DATUM();
			}
			break;
		default:
			BEGIN_DATUM();
			while (i < n && !is_delimiter(s[i]))
				i++;
			break;
		}
	}
#undef BEGIN_DATUM
	out->ends_in_comment = in == ';';
	out->ends_in_text = block || in == '"' || in == '|';
	out->data = data;
	out->open_at = depth > 0 && depth <= 32 ? (long)opens[depth - 1] : -1;
	if (depth || block || in == '"' || in == '|' || prefix || char_due)
		out->state = FORM_OPEN;
	else
		out->state = data ? FORM_COMPLETE : FORM_BLANK;
}
