/* read.c - the datum reader (see read.h). */
#include <pfmt.h>
#include <stdarg.h>
#include <string.h>

#include "num.h"
#include "port.h"
#include "read.h"
#include "string_obj.h"
#include "unicode.h"
#include "write_idtab.h"

struct reader {
	P *p;
	val port;
	struct idtab labels;	/* P_FIX(n) -> the labelled datum or its placeholder */
	int depth;
};

/* What read_item found. */
enum item { IT_DATUM, IT_CLOSE, IT_DOT, IT_EOF };

static _Noreturn __attribute__((format(printf, 3, 4)))
void read_error(struct reader *r, long line, const char *fmt, ...)
{
	char msg[200];
	size_t n;
	va_list ap;

	n = (size_t)pc_snprintf(msg, sizeof msg, "read: ");
	va_start(ap, fmt);
	n += (size_t)pc_vsnprintf(msg + n, sizeof msg - n, fmt, ap);
	va_end(ap);
	if (n < sizeof msg)
		pc_snprintf(msg + n, sizeof msg - n, " at line %ld", line);
	p_raise_error(r->p, PE_READ, msg, 0);
}

static long line_now(struct reader *r)
{
	return port_line(r->port);
}

static int32_t get(struct reader *r)
{
	return port_read_char(r->p, r->port, "read");
}

static int32_t peek(struct reader *r)
{
	return port_peek_char(r->p, r->port, "read");
}

static int folding(struct reader *r)
{
	return (PORT_FLAGSV(r->port) & PORT_FOLDCASE) != 0;
}

static int is_space(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
		|| c == '\v' || (c > 127 && (uni_flags((uint32_t)c) & UNI_SPACE));
}

static int is_delimiter(int32_t c)
{
	return c == PORT_EOF || is_space(c) || c == '(' || c == ')' || c == '"'
		|| c == ';' || c == '|' || c == '[' || c == ']';
}

static void note_line(struct reader *r, val datum, long line)
{
	p_note_line(r->p, datum, line);
}

/* Appends characters up to the next delimiter. */
static void read_token(struct reader *r, struct strbuf *b)
{
	while (!is_delimiter(peek(r)))
		strbuf_push(b, (uint32_t)get(r));
}

static uint32_t token_char(const struct strbuf *b, size_t i)
{
	return ((const uint32_t *)P_RAW(b->data))[i];
}

/* The token as ASCII text in buf (NUL-terminated); 0 if it is not ASCII or
 * does not fit. */
static int token_ascii(const struct strbuf *b, char *buf, size_t cap)
{
	if (b->len >= cap)
		return 0;
	for (size_t i = 0; i < b->len; i++) {
		uint32_t c = token_char(b, i);
		if (c > 127)
			return 0;
		buf[i] = (char)c;
	}
	buf[b->len] = '\0';
	return 1;
}

static val make_symbol(struct reader *r, struct strbuf *b, int fold)
{
	val s;
	size_t len;
	const char *u;

	if (fold) {
		for (size_t i = 0; i < b->len; i++)
			((uint32_t *)P_RAW(b->data))[i] =
				uni_foldcase_char(token_char(b, i));
	}
	s = strbuf_string(b);
	u = string_utf8_raw(r->p, s, &len);
	return p_intern(r->p, u, len);
}

static int skip_block_comment(struct reader *r, long start)
{
	int nest = 1;
	int32_t c, prev = 0;

	while (nest > 0) {
		c = get(r);
		if (c == PORT_EOF)
			read_error(r, start, "unterminated #| comment");
		if (prev == '|' && c == '#') {
			nest--;
			c = 0;
		} else if (prev == '#' && c == '|') {
			nest++;
			c = 0;
		}
		prev = c;
	}
	return 0;
}

static int hex_value(int32_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* After "\x" in a string or |symbol|: hex digits and ';'. */
static uint32_t read_hex_escape(struct reader *r, const char *where, long start)
{
	uint32_t v = 0;
	int digits = 0;
	int32_t c;

	while ((c = get(r)) != ';') {
		int d = hex_value(c);
		if (d < 0 || digits >= 8)
			read_error(r, start, "bad \\x escape in %s (want \\x<hex>;)",
				   where);
		v = v * 16 + (uint32_t)d;
		digits++;
	}
	if (digits == 0 || !uni_is_scalar(v))
		read_error(r, start, "bad \\x escape in %s (want \\x<hex>;)", where);
	return v;
}

/* The escapes common to strings and |symbols|; -1 if c is not one. */
static int32_t simple_escape(int32_t c)
{
	switch (c) {
	case 'a': return 7;
	case 'b': return 8;
	case 't': return 9;
	case 'n': return 10;
	case 'r': return 13;
	case '"': return '"';
	case '\\': return '\\';
	case '|': return '|';
	default: return -1;
	}
}

static val read_string(struct reader *r)
{
	long start = line_now(r);
	struct strbuf b;
	int32_t c, e;

	strbuf_init(&b, r->p);
	for (;;) {
		c = get(r);
		if (c == PORT_EOF)
			read_error(r, start, "unterminated string");
		if (c == '"')
			break;
		if (c != '\\') {
			strbuf_push(&b, (uint32_t)c);
			continue;
		}
		c = get(r);
		if (c == PORT_EOF)
			read_error(r, start, "unterminated string");
		if ((e = simple_escape(c)) >= 0) {
			strbuf_push(&b, (uint32_t)e);
		} else if (c == 'x' || c == 'X') {
			strbuf_push(&b, read_hex_escape(r, "string", start));
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			/* Line continuation: \ <spaces> newline <spaces>. */
			while (c == ' ' || c == '\t')
				c = get(r);
			if (c == '\r' && peek(r) == '\n')
				c = get(r);
			if (c != '\n' && c != '\r')
				read_error(r, line_now(r),
					   "bad escape in string: \\ followed by spaces must end the line");
			while (peek(r) == ' ' || peek(r) == '\t')
				get(r);
		} else {
			read_error(r, line_now(r), "unknown string escape \\%c",
				   c < 128 && c >= 32 ? (char)c : '?');
		}
	}
	return strbuf_string(&b);
}

static val read_pipe_symbol(struct reader *r)
{
	long start = line_now(r);
	struct strbuf b;
	int32_t c, e;

	strbuf_init(&b, r->p);
	for (;;) {
		c = get(r);
		if (c == PORT_EOF)
			read_error(r, start, "unterminated |symbol|");
		if (c == '|')
			break;
		if (c != '\\') {
			strbuf_push(&b, (uint32_t)c);
			continue;
		}
		c = get(r);
		if ((e = simple_escape(c)) >= 0)
			strbuf_push(&b, (uint32_t)e);
		else if (c == 'x' || c == 'X')
			strbuf_push(&b, read_hex_escape(r, "|symbol|", start));
		else
			read_error(r, line_now(r), "unknown escape in |symbol|");
	}
	return make_symbol(r, &b, 0);
}

static const struct { const char *name; uint32_t c; } char_names[] = {
	{"alarm", 7}, {"backspace", 8}, {"delete", 127}, {"escape", 27},
	{"newline", 10}, {"null", 0}, {"return", 13}, {"space", 32},
	{"tab", 9}, {"nul", 0}, {"linefeed", 10}, {"altmode", 27},
};

static val read_character(struct reader *r)
{
	long start = line_now(r);
	struct strbuf b;
	int32_t c = get(r);
	char name[16];

	if (c == PORT_EOF)
		read_error(r, start, "end of input after #\\");
	if (is_delimiter(peek(r)))
		return P_CHAR((uint32_t)c);
	strbuf_init(&b, r->p);
	strbuf_push(&b, (uint32_t)c);
	read_token(r, &b);
	if ((c == 'x' || c == 'X') && b.len > 1) {
		uint32_t v = 0;
		size_t i;
		for (i = 1; i < b.len && i < 9; i++) {
			int d = hex_value((int32_t)token_char(&b, i));
			if (d < 0)
				break;
			v = v * 16 + (uint32_t)d;
		}
		if (i == b.len) {
			if (!uni_is_scalar(v))
				read_error(r, start, "#\\x%x is not a Unicode scalar value", v);
			return P_CHAR(v);
		}
	}
	if (token_ascii(&b, name, sizeof name)) {
		if (folding(r))
			for (char *s = name; *s; s++)
				if (*s >= 'A' && *s <= 'Z')
					*s = (char)(*s + 32);
		for (size_t i = 0; i < sizeof char_names / sizeof char_names[0]; i++)
			if (strcmp(name, char_names[i].name) == 0)
				return P_CHAR(char_names[i].c);
		read_error(r, start, "unknown character name #\\%s", name);
	}
	read_error(r, start, "unknown character name after #\\");
}

static enum item read_item(struct reader *r, val *out);

/* Reads a datum where one is required (after a quote, #;, #n=, a dot). */
static val read_required(struct reader *r, const char *after, long start)
{
	val d;
	enum item it = read_item(r, &d);

	if (it == IT_EOF)
		read_error(r, start, "end of input after %s", after);
	if (it != IT_DATUM)
		read_error(r, line_now(r), "expected a datum after %s", after);
	return d;
}

static void enter(struct reader *r, long line)
{
	if (++r->depth > READ_MAX_DEPTH)
		read_error(r, line, "data nested more than %d deep", READ_MAX_DEPTH);
}

static val read_list(struct reader *r, long start)
{
	val head = P_NIL, tail = P_FALSE, d;
	enum item it;

	enter(r, start);
	for (;;) {
		it = read_item(r, &d);
		if (it == IT_EOF)
			read_error(r, start, "unterminated list");
		if (it == IT_CLOSE)
			break;
		if (it == IT_DOT) {
			if (head == P_NIL)
				read_error(r, line_now(r), "'.' at the start of a list");
			P_CDR(tail) = read_required(r, "'.' in a list", start);
			it = read_item(r, &d);
			if (it == IT_EOF)
				read_error(r, start, "unterminated list");
			if (it != IT_CLOSE)
				read_error(r, line_now(r),
					   "more than one datum after '.' in a list");
			break;
		}
		val cell = p_cons(r->p, d, P_NIL);
		if (head == P_NIL)
			head = cell;
		else
			P_CDR(tail) = cell;
		tail = cell;
	}
	r->depth--;
	if (head != P_NIL)
		note_line(r, head, start);
	return head;
}

static val read_vector(struct reader *r, long start)
{
	val items = read_list(r, start), v;
	size_t n = 0;

	for (val l = items; P_IS_PAIR(l); l = P_CDR(l))
		n++;
	if (items != P_NIL && !P_IS_PAIR(items))
		read_error(r, start, "'.' in a vector");
	v = p_make_vector(r->p, n, P_FALSE);
	n = 0;
	for (val l = items; P_IS_PAIR(l); l = P_CDR(l)) {
		P_VEC(v)[n++] = P_CAR(l);
		if (!P_IS_PAIR(P_CDR(l)) && P_CDR(l) != P_NIL)
			read_error(r, start, "'.' in a vector");
	}
	return v;
}

static val read_bytevector(struct reader *r, long start)
{
	val items = read_list(r, start), bv;
	size_t n = 0;

	for (val l = items; P_IS_PAIR(l); l = P_CDR(l)) {
		val x = P_CAR(l);
		if (!P_IS_FIX(x) || P_FIXVAL(x) < 0 || P_FIXVAL(x) > 255)
			read_error(r, start, "bytevector element is not a byte (0..255)");
		if (!P_IS_PAIR(P_CDR(l)) && P_CDR(l) != P_NIL)
			read_error(r, start, "'.' in a bytevector");
		n++;
	}
	bv = p_make_bytevector(r->p, n, 0);
	n = 0;
	for (val l = items; P_IS_PAIR(l); l = P_CDR(l))
		P_BV_DATA(bv)[n++] = (uint8_t)P_FIXVAL(P_CAR(l));
	return bv;
}

static val read_abbreviation(struct reader *r, const char *name, long start)
{
	val d, form;

	enter(r, start);
	d = read_required(r, name, start);
	r->depth--;
	form = p_list(r->p, 2, p_intern(r->p, name, strlen(name)), d);
	note_line(r, form, start);
	return form;
}

/* Replaces every occurrence of placeholder inside x by value, once per
 * object even when x is cyclic (seen). */
static void patch(struct reader *r, val x, val placeholder, val value,
		  struct idtab *seen)
{
	while (P_IS_PAIR(x) || P_IS_VECTOR(x)) {
		if (idtab_get(seen, x, 0))
			return;
		idtab_put(seen, x, 1);
		if (P_IS_VECTOR(x)) {
			for (size_t i = 0; i < P_VEC_LEN(x); i++) {
				if (P_VEC(x)[i] == placeholder)
					P_VEC(x)[i] = value;
				else
					patch(r, P_VEC(x)[i], placeholder, value, seen);
			}
			return;
		}
		if (P_CAR(x) == placeholder)
			P_CAR(x) = value;
		else
			patch(r, P_CAR(x), placeholder, value, seen);
		if (P_CDR(x) == placeholder) {
			P_CDR(x) = value;
			return;
		}
		x = P_CDR(x);
	}
}

/* After '#' and the first digit of a datum label. */
static val read_label(struct reader *r, int32_t c, long start)
{
	intptr_t n = c - '0';
	val key, placeholder, d;

	while ((c = get(r)) >= '0' && c <= '9') {
		if (n > 100000000)
			read_error(r, start, "datum label too large");
		n = n * 10 + (c - '0');
	}
	key = P_FIX(n);
	if (c == '#') {
		intptr_t v = idtab_get(&r->labels, key, 0);
		if (v == 0)
			read_error(r, start, "undefined datum label #%ld#", (long)n);
		return (val)v;
	}
	if (c != '=')
		read_error(r, start, "bad datum label syntax (want #n= or #n#)");
	/* A fresh pair nobody else can hold stands for the datum until it
	 * is complete. */
	placeholder = p_cons(r->p, P_FALSE, key);
	idtab_put(&r->labels, key, (intptr_t)placeholder);
	d = read_required(r, "a datum label", start);
	if (d == placeholder)
		read_error(r, start, "datum label #%ld= refers only to itself", (long)n);
	idtab_put(&r->labels, key, (intptr_t)d);
	{
		struct idtab seen;
		idtab_init(&seen, r->p);
		patch(r, d, placeholder, d, &seen);
	}
	return d;
}

static void read_directive(struct reader *r, long start)
{
	struct strbuf b;
	char name[32];
	unsigned f;

	strbuf_init(&b, r->p);
	if (peek(r) == '/' || peek(r) == ' ') {
		/* "#!/usr/bin/env p" or "#! ..." at the top of a script. */
		int32_t c;
		while ((c = get(r)) != PORT_EOF && c != '\n')
			;
		return;
	}
	read_token(r, &b);
	f = PORT_FLAGSV(r->port);
	if (token_ascii(&b, name, sizeof name) && strcmp(name, "fold-case") == 0)
		PORT_GET(r->port, PORT_FLAGS) = P_FIX(f | PORT_FOLDCASE);
	else if (token_ascii(&b, name, sizeof name) && strcmp(name, "no-fold-case") == 0)
		PORT_GET(r->port, PORT_FLAGS) = P_FIX(f & ~(unsigned)PORT_FOLDCASE);
	else
		read_error(r, start, "unknown directive after #!");
}

/* After '#' that starts a datum. */
static val read_hash(struct reader *r, long start)
{
	int32_t c = peek(r);
	struct strbuf b;
	char text[128];
	val x;

	if (c == PORT_EOF)
		read_error(r, start, "end of input after #");
	if (c == '(') {
		get(r);
		return read_vector(r, start);
	}
	if (c == '\\') {
		get(r);
		return read_character(r);
	}
	if (c >= '0' && c <= '9') {
		get(r);
		return read_label(r, c, start);
	}
	strbuf_init(&b, r->p);
	strbuf_push(&b, '#');
	read_token(r, &b);
	if (!token_ascii(&b, text, sizeof text))
		read_error(r, start, "unknown # syntax");
	if (strcmp(text, "#u8") == 0 || strcmp(text, "#U8") == 0) {
		if (get(r) != '(')
			read_error(r, start, "#u8 must be followed by '('");
		return read_bytevector(r, start);
	}
	if (strcmp(text, "#t") == 0 || strcmp(text, "#true") == 0)
		return P_TRUE;
	if (strcmp(text, "#f") == 0 || strcmp(text, "#false") == 0)
		return P_FALSE;
	if (text[1] != '\0' && strchr("eEiIxXbBoOdD", text[1])) {
		x = num_parse(r->p, text, b.len, 10);
		if (x == P_FALSE)
			read_error(r, start, "bad number syntax %s", text);
		return x;
	}
	read_error(r, start, "unknown syntax %s", text);
}

static val read_atom(struct reader *r, int32_t first, long start,
		     enum item *kind)
{
	struct strbuf b;
	char text[128];

	strbuf_init(&b, r->p);
	strbuf_push(&b, (uint32_t)first);
	read_token(r, &b);
	*kind = IT_DATUM;
	if (token_ascii(&b, text, sizeof text)) {
		if (strcmp(text, ".") == 0) {
			*kind = IT_DOT;
			return P_VOID;
		}
		if (strchr("0123456789+-.", text[0]) && text[0] != '\0') {
			val x = num_parse(r->p, text, b.len, 10);
			if (x != P_FALSE)
				return x;
			if (text[0] >= '0' && text[0] <= '9')
				read_error(r, start, "bad number syntax %s", text);
		}
	} else if (first >= '0' && first <= '9') {
		read_error(r, start, "bad number syntax");
	}
	return make_symbol(r, &b, folding(r));
}

static enum item read_item(struct reader *r, val *out)
{
	int32_t c;
	long start;
	enum item kind;

	for (;;) {
		c = get(r);
		if (c == PORT_EOF)
			return IT_EOF;
		if (is_space(c))
			continue;
		start = line_now(r);
		if (c == ';') {
			while ((c = get(r)) != PORT_EOF && c != '\n')
				;
			continue;
		}
		if (c == '#') {
			int32_t n = peek(r);
			if (n == '|') {
				get(r);
				skip_block_comment(r, start);
				continue;
			}
			if (n == ';') {
				get(r);
				read_required(r, "#;", start);
				continue;
			}
			if (n == '!') {
				get(r);
				read_directive(r, start);
				continue;
			}
			*out = read_hash(r, start);
			return IT_DATUM;
		}
		break;
	}
	switch (c) {
	case '(':
	case '[':
		*out = read_list(r, start);
		return IT_DATUM;
	case ')':
	case ']':
		*out = P_VOID;
		return IT_CLOSE;
	case '"':
		*out = read_string(r);
		return IT_DATUM;
	case '|':
		*out = read_pipe_symbol(r);
		return IT_DATUM;
	case '\'':
		*out = read_abbreviation(r, "quote", start);
		return IT_DATUM;
	case '`':
		*out = read_abbreviation(r, "quasiquote", start);
		return IT_DATUM;
	case ',':
		if (peek(r) == '@') {
			get(r);
			*out = read_abbreviation(r, "unquote-splicing", start);
		} else {
			*out = read_abbreviation(r, "unquote", start);
		}
		return IT_DATUM;
	default:
		*out = read_atom(r, c, start, &kind);
		return kind;
	}
}

val read_datum(P *p, val port)
{
	struct reader r;
	val d;
	enum item it;

	port_check(p, port, PORT_IN, 1, "read", 1);
	r.p = p;
	r.port = port;
	r.depth = 0;
	idtab_init(&r.labels, p);
	it = read_item(&r, &d);
	if (it == IT_EOF)
		return P_EOF;
	if (it == IT_CLOSE)
		read_error(&r, line_now(&r), "unexpected ')'");
	if (it == IT_DOT)
		read_error(&r, line_now(&r), "unexpected '.'");
	return d;
}

val p_read_datum(P *p, val port)
{
	return read_datum(p, port);
}
