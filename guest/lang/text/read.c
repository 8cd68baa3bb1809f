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

/*
 * The reader is a loop over tokens with an explicit stack of the data
 * still open (lists, vectors, quotes, labels, #; comments), kept in the
 * heap, so nesting is bounded by memory rather than by the C stack.
 */
enum frame_kind { F_LIST, F_VECTOR, F_BYTES, F_ABBREV, F_LABEL, F_SKIP };

struct frame {
	enum frame_kind kind;
	long line;		/* where it started, for errors and p_note_line */
	val head, tail;		/* list, vector, bytevector: items so far */
	int dot;		/* list: 1 after '.', 2 once its datum came */
	val extra;		/* abbreviation: its symbol; label: placeholder */
	intptr_t label;		/* label: its number */
};

struct reader {
	P *p;
	val port;
	struct idtab labels;	/* P_FIX(n) -> the labelled datum or its placeholder */
	struct frame *stack;	/* in a raw heap object */
	size_t depth, cap;
};

/* What the next token is. */
enum item { IT_DATUM, IT_OPEN, IT_CLOSE, IT_DOT, IT_EOF };

static _Noreturn __attribute__((format(printf, 3, 4)))
void read_error(struct reader *r, long line, const char *fmt, ...)
{
	char msg[320];
	size_t n;
	va_list ap;
	val name;

	n = (size_t)pc_snprintf(msg, sizeof msg, "read: ");
	va_start(ap, fmt);
	n += (size_t)pc_vsnprintf(msg + n, sizeof msg - n, fmt, ap);
	va_end(ap);
	if (n < sizeof msg)
		n += (size_t)pc_snprintf(msg + n, sizeof msg - n, " at line %ld", line);
	name = PORT_GET(r->port, PORT_NAME);
	if (n < sizeof msg && P_IS_STRING(name)) {
		char file[120];
		p_string_utf8(name, file, sizeof file);
		pc_snprintf(msg + n, sizeof msg - n, " of %s", file);
	}
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

/* The token as NUL-terminated ASCII in a raw heap object (tokens such as
 * bignum literals can be long), or NULL when it holds other characters. */
static const char *token_text(struct reader *r, const struct strbuf *b)
{
	char *t = P_RAW(p_alloc(r->p, T_BYTES, b->len + 1));

	return token_ascii(b, t, b->len + 1) ? t : NULL;
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

/* The text between a string's double quotes or a symbol's bars, with the
 * escapes both share; only strings may continue across a line. */
static void read_delimited(struct reader *r, struct strbuf *b, int32_t delim, const char *what)
{
	long start = line_now(r);
	int strings = delim == '"';
	int32_t c, e;

	strbuf_init(b, r->p);
	for (;;) {
		c = get(r);
		if (c == PORT_EOF)
			read_error(r, start, "unterminated %s", what);
		if (c == delim)
			return;
		if (c != '\\') {
			strbuf_push(b, (uint32_t)c);
			continue;
		}
		c = get(r);
		if (c == PORT_EOF)
			read_error(r, start, "unterminated %s", what);
		if ((e = simple_escape(c)) >= 0) {
			strbuf_push(b, (uint32_t)e);
		} else if (c == 'x' || c == 'X') {
			strbuf_push(b, read_hex_escape(r, what, start));
		} else if (strings && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
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
		} else if (strings) {
			read_error(r, line_now(r), "unknown string escape \\%c",
				   c < 128 && c >= 32 ? (char)c : '?');
		} else {
			read_error(r, line_now(r), "unknown escape in %s", what);
		}
	}
}

static val read_string(struct reader *r)
{
	struct strbuf b;

	read_delimited(r, &b, '"', "string");
	return strbuf_string(&b);
}

static val read_pipe_symbol(struct reader *r)
{
	struct strbuf b;

	read_delimited(r, &b, '|', "|symbol|");
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

/* Replaces every occurrence of placeholder inside x by value; each object
 * is visited once even when x is cyclic or deep (explicit work list). */
static void patch(struct reader *r, val x, val placeholder, val value)
{
	struct idtab seen;
	val work = P_NIL;

	idtab_init(&seen, r->p);
	for (;;) {
		while (P_IS_PAIR(x) || P_IS_VECTOR(x)) {
			if (idtab_get(&seen, x, 0))
				break;
			idtab_put(&seen, x, 1);
			if (P_IS_VECTOR(x)) {
				for (size_t i = 0; i < P_VEC_LEN(x); i++) {
					if (P_VEC(x)[i] == placeholder)
						P_SET_SLOT(x, i, value);
					else if (P_IS_PAIR(P_VEC(x)[i]) || P_IS_VECTOR(P_VEC(x)[i]))
						work = p_cons(r->p, P_VEC(x)[i], work);
				}
				break;
			}
			if (P_CAR(x) == placeholder)
				P_SET_CAR(x, value);
			else if (P_IS_PAIR(P_CAR(x)) || P_IS_VECTOR(P_CAR(x)))
				work = p_cons(r->p, P_CAR(x), work);
			if (P_CDR(x) == placeholder) {
				P_SET_CDR(x, value);
				break;
			}
			x = P_CDR(x);
		}
		if (work == P_NIL)
			return;
		x = P_CAR(work);
		work = P_CDR(work);
	}
}

static struct frame *push(struct reader *r, enum frame_kind kind, long line)
{
	struct frame *f;

	if (r->depth == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 32;
		struct frame *s = P_RAW(p_alloc(r->p, T_BYTES, cap * sizeof *s));
		if (r->depth)
			memcpy(s, r->stack, r->depth * sizeof *s);
		r->stack = s;
		r->cap = cap;
	}
	f = &r->stack[r->depth++];
	f->kind = kind;
	f->line = line;
	f->head = P_NIL;
	f->tail = P_FALSE;
	f->dot = 0;
	f->extra = P_FALSE;
	f->label = 0;
	return f;
}

static struct frame *top(struct reader *r)
{
	return r->depth ? &r->stack[r->depth - 1] : NULL;
}

/* After '#' and the first digit of a datum label: a reference gives its
 * datum (IT_DATUM), a definition opens a label frame (IT_OPEN). */
static enum item read_label(struct reader *r, int32_t c, long start, val *out)
{
	intptr_t n = c - '0';
	val key;
	struct frame *f;

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
		*out = (val)v;
		return IT_DATUM;
	}
	if (c != '=')
		read_error(r, start, "bad datum label syntax (want #n= or #n#)");
	f = push(r, F_LABEL, start);
	f->label = n;
	/* A fresh pair nobody else can hold stands for the datum until it
	 * is complete. */
	f->extra = p_cons(r->p, P_FALSE, key);
	idtab_put(&r->labels, key, (intptr_t)f->extra);
	return IT_OPEN;
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
		P_SET_SLOT(r->port, PORT_FLAGS, P_FIX(f | PORT_FOLDCASE));
	else if (token_ascii(&b, name, sizeof name) && strcmp(name, "no-fold-case") == 0)
		P_SET_SLOT(r->port, PORT_FLAGS, P_FIX(f & ~(unsigned)PORT_FOLDCASE));
	else
		read_error(r, start, "unknown directive after #!");
}

/* After '#' that starts a datum. */
/* 1 if a and b are equal ignoring ASCII case (#T, #True). */
static int ascii_caseeq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a | 0x20) != (*b | 0x20))
			return 0;
	return *a == *b;
}

static enum item read_hash(struct reader *r, long start, val *out)
{
	int32_t c = peek(r);
	struct strbuf b;
	const char *text;

	if (c == PORT_EOF)
		read_error(r, start, "end of input after #");
	if (c == '(') {
		get(r);
		push(r, F_VECTOR, start);
		return IT_OPEN;
	}
	if (c == '\\') {
		get(r);
		*out = read_character(r);
		return IT_DATUM;
	}
	if (c >= '0' && c <= '9') {
		get(r);
		return read_label(r, c, start, out);
	}
	strbuf_init(&b, r->p);
	strbuf_push(&b, '#');
	read_token(r, &b);
	if (!(text = token_text(r, &b)))
		read_error(r, start, "unknown # syntax");
	if (strcmp(text, "#u8") == 0 || strcmp(text, "#U8") == 0) {
		if (get(r) != '(')
			read_error(r, start, "#u8 must be followed by '('");
		push(r, F_BYTES, start);
		return IT_OPEN;
	}
	*out = P_FALSE;
	if (ascii_caseeq(text, "#t") || ascii_caseeq(text, "#true"))
		*out = P_TRUE;
	else if (ascii_caseeq(text, "#f") || ascii_caseeq(text, "#false"))
		*out = P_FALSE;
	else if (text[1] != '\0' && strchr("eEiIxXbBoOdD", text[1])) {
		*out = num_parse(r->p, text, b.len, 10);
		if (*out == P_FALSE)
			read_error(r, start, "bad number syntax %s", text);
	} else
		read_error(r, start, "unknown syntax %s", text);
	return IT_DATUM;
}

static enum item read_atom(struct reader *r, int32_t first, long start, val *out)
{
	struct strbuf b;
	const char *text;

	strbuf_init(&b, r->p);
	strbuf_push(&b, (uint32_t)first);
	read_token(r, &b);
	if ((text = token_text(r, &b))) {
		if (strcmp(text, ".") == 0)
			return IT_DOT;
		if (strchr("0123456789+-.", text[0]) && text[0] != '\0') {
			val x = num_parse(r->p, text, b.len, 10);
			if (x != P_FALSE) {
				*out = x;
				return IT_DATUM;
			}
			if (text[0] >= '0' && text[0] <= '9')
				read_error(r, start, "bad number syntax %s", text);
		}
	} else if (first >= '0' && first <= '9') {
		read_error(r, start, "bad number syntax");
	}
	*out = make_symbol(r, &b, folding(r));
	return IT_DATUM;
}

static void open_abbrev(struct reader *r, const char *name, long start)
{
	struct frame *f = push(r, F_ABBREV, start);

	f->extra = p_intern(r->p, name, strlen(name));
}

/* The next token: a complete atom, the opening of a compound datum (its
 * frame pushed), a close parenthesis, a dot or the end of input.
 * Comments and directives are skipped. */
/* A control character cannot start a datum; it is most likely a key
 * (Escape, an arrow, Ctrl-D, Ctrl-Z) pressed where no line editor reads
 * the terminal.  Name it: as a symbol it would be invisible. */
static _Noreturn void stray_control(struct reader *r, int32_t c, long line)
{
	static const char *const names[] = { [0x04] = " (Ctrl-D)", [0x1a] = " (Ctrl-Z)",
					     [0x1b] = " (Escape, as sent by arrow keys)" };
	const char *name = c < (int32_t)(sizeof names / sizeof *names) && names[c] ? names[c] : "";
	read_error(r, line, "stray control character U+%04X%s in the input", (unsigned)c, name);
}

static enum item next_item(struct reader *r, val *out)
{
	int32_t c;
	long start;

	for (;;) {
		c = get(r);
		if (c == PORT_EOF)
			return IT_EOF;
		if (is_space(c))
			continue;
		start = line_now(r);
		if (c == ';') {
			while ((c = get(r)) != PORT_EOF && c != '\n' && c != '\r')
				;
			continue;
		}
		if (c != '#')
			break;
		c = peek(r);
		if (c == '|') {
			get(r);
			skip_block_comment(r, start);
		} else if (c == ';') {
			get(r);
			push(r, F_SKIP, start);
		} else if (c == '!') {
			get(r);
			read_directive(r, start);
		} else {
			return read_hash(r, start, out);
		}
	}
	switch (c) {
	case '(':
	case '[':
		push(r, F_LIST, start);
		return IT_OPEN;
	case ')':
	case ']':
		return IT_CLOSE;
	case '"':
		*out = read_string(r);
		return IT_DATUM;
	case '|':
		*out = read_pipe_symbol(r);
		return IT_DATUM;
	case '\'':
		open_abbrev(r, "quote", start);
		return IT_OPEN;
	case '`':
		open_abbrev(r, "quasiquote", start);
		return IT_OPEN;
	case ',':
		if (peek(r) == '@') {
			get(r);
			open_abbrev(r, "unquote-splicing", start);
		} else {
			open_abbrev(r, "unquote", start);
		}
		return IT_OPEN;
	default:
		if (c < 0x20 || c == 0x7f)
			stray_control(r, c, start);
		return read_atom(r, c, start, out);
	}
}

/* What a frame that still needs a datum is waiting for, for messages. */
static const char *awaiting(struct reader *r, struct frame *f)
{
	switch (f->kind) {
	case F_ABBREV: return p_string_cstr(r->p, p_symbol_name(f->extra));
	case F_LABEL: return "a datum label";
	case F_SKIP: return "#;";
	default: return "'.' in a list";
	}
}

static _Noreturn void unterminated(struct reader *r, struct frame *f)
{
	switch (f->kind) {
	case F_LIST:
		if (f->dot != 1)
			read_error(r, f->line, "unterminated list");
		break;
	case F_VECTOR:
		read_error(r, f->line, "unterminated vector");
	case F_BYTES:
		read_error(r, f->line, "unterminated bytevector");
	default:
		break;
	}
	read_error(r, f->line, "end of input after %s", awaiting(r, f));
}

static val list_to_vector(struct reader *r, val items)
{
	size_t n = 0;
	val v;

	for (val l = items; P_IS_PAIR(l); l = P_CDR(l))
		n++;
	v = p_make_vector(r->p, n, P_FALSE);
	n = 0;
	for (val l = items; P_IS_PAIR(l); l = P_CDR(l))
		P_SET_SLOT(v, n++, P_CAR(l));
	return v;
}

static val list_to_bytevector(struct reader *r, val items)
{
	size_t n = 0;
	val bv;

	for (val l = items; P_IS_PAIR(l); l = P_CDR(l))
		n++;
	bv = p_make_bytevector(r->p, n, 0);
	n = 0;
	for (val l = items; P_IS_PAIR(l); l = P_CDR(l))
		P_BV_DATA(bv)[n++] = (uint8_t)P_FIXVAL(P_CAR(l));
	return bv;
}

/* A ')' closes the innermost frame, which must be a list, vector or
 * bytevector; returns the finished datum. */
static val close_frame(struct reader *r)
{
	struct frame *f = top(r);
	val d;

	if (!f)
		read_error(r, line_now(r), "unexpected ')'");
	if (f->kind != F_LIST && f->kind != F_VECTOR && f->kind != F_BYTES)
		read_error(r, line_now(r), "expected a datum after %s", awaiting(r, f));
	if (f->kind == F_LIST && f->dot == 1)
		read_error(r, line_now(r), "expected a datum after '.' in a list");
	d = f->head;
	if (f->kind == F_LIST && d != P_NIL)
		note_line(r, d, f->line);
	else if (f->kind == F_VECTOR)
		d = list_to_vector(r, d);
	else if (f->kind == F_BYTES)
		d = list_to_bytevector(r, d);
	r->depth--;
	return d;
}

static void dot(struct reader *r)
{
	struct frame *f = top(r);

	if (!f || f->kind == F_ABBREV || f->kind == F_LABEL || f->kind == F_SKIP)
		read_error(r, line_now(r), "unexpected '.'");
	if (f->kind != F_LIST)
		read_error(r, line_now(r), "'.' in a %s",
			   f->kind == F_VECTOR ? "vector" : "bytevector");
	if (f->head == P_NIL)
		read_error(r, line_now(r), "'.' at the start of a list");
	if (f->dot)
		read_error(r, line_now(r), "more than one datum after '.' in a list");
	f->dot = 1;
}

/* Gives a finished datum to the frames waiting for it; returns 1 with
 * *d set when it completes the outermost datum. */
static int deliver(struct reader *r, val *d)
{
	for (;;) {
		struct frame *f = top(r);
		val cell;

		if (!f)
			return 1;
		switch (f->kind) {
		case F_LIST:
			if (f->dot == 2)
				read_error(r, line_now(r),
					   "more than one datum after '.' in a list");
			if (f->dot == 1) {
				P_SET_CDR(f->tail, *d);
				f->dot = 2;
				return 0;
			}
			/* fall through */
		case F_VECTOR:
		case F_BYTES:
			if (f->kind == F_BYTES
			    && (!P_IS_FIX(*d) || P_FIXVAL(*d) < 0 || P_FIXVAL(*d) > 255))
				read_error(r, f->line,
					   "bytevector element is not a byte (0..255)");
			cell = p_cons(r->p, *d, P_NIL);
			if (f->head == P_NIL)
				f->head = cell;
			else
				P_SET_CDR(f->tail, cell);
			f->tail = cell;
			return 0;
		case F_ABBREV:
			*d = p_list(r->p, 2, f->extra, *d);
			note_line(r, *d, f->line);
			r->depth--;
			break;
		case F_LABEL:
			if (*d == f->extra)
				read_error(r, f->line,
					   "datum label #%ld= refers only to itself",
					   (long)f->label);
			idtab_put(&r->labels, P_FIX(f->label), (intptr_t)*d);
			patch(r, *d, f->extra, *d);
			r->depth--;
			break;
		case F_SKIP:
			r->depth--;
			return 0;
		}
	}
}

val read_datum(P *p, val port)
{
	struct reader r;
	val d = P_VOID;

	port_check(p, port, PORT_IN, 1, "read", 1);
	r.p = p;
	r.port = port;
	r.stack = NULL;
	r.depth = r.cap = 0;
	idtab_init(&r.labels, p);
	for (;;) {
		switch (next_item(&r, &d)) {
		case IT_OPEN:
			continue;
		case IT_EOF:
			if (r.depth == 0)
				return P_EOF;
			unterminated(&r, top(&r));
		case IT_DOT:
			dot(&r);
			continue;
		case IT_CLOSE:
			d = close_frame(&r);
			break;
		case IT_DATUM:
			break;
		}
		if (deliver(&r, &d))
			return d;
	}
}

val p_read_datum(P *p, val port)
{
	return read_datum(p, port);
}
