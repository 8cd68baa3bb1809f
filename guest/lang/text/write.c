/* write.c - the printer (see write.h). */
#include <pfmt.h>
#include <string.h>

#include "num.h"
#include "port.h"
#include "string_obj.h"
#include "unicode.h"
#include "write.h"
#include "write_idtab.h"

/* Marks in the identity table: the scan's states, then label numbers. */
enum { M_NONE, M_ACTIVE, M_DONE, M_LABEL, M_NUMBERED };

/* Compound data are walked with an explicit stack in the heap, so depth
 * is bounded by memory, not by the C stack.  Frame kinds of the printer
 * (the scan only uses obj and i): */
enum { K_LIST, K_LIST_END, K_VECTOR, K_RECORD, K_IRRITANTS, K_VALUES };

struct wframe {
	val obj;
	size_t i;
	int kind;
};

struct writer {
	P *p;
	val port;
	enum write_mode mode;
	const char *who;	/* the procedure, for errors from the port */
	struct idtab marks;
	intptr_t next_label;
	struct wframe *stack;	/* in a raw heap object */
	size_t depth, cap;
	size_t n;
	char buf[512];
};

static void flush(struct writer *w)
{
	if (w->n > 0)
		port_write_bytes(w->p, w->port, w->buf, w->n, w->who);
	w->n = 0;
}

static void put(struct writer *w, const char *s, size_t n)
{
	if (w->n + n > sizeof w->buf) {
		flush(w);
		if (n > sizeof w->buf) {
			port_write_bytes(w->p, w->port, s, n, w->who);
			return;
		}
	}
	memcpy(w->buf + w->n, s, n);
	w->n += n;
}

static void puts_(struct writer *w, const char *s)
{
	put(w, s, strlen(s));
}

static void put_char(struct writer *w, uint32_t c)
{
	uint8_t b[4];

	put(w, (const char *)b, (size_t)utf8_encode(c, b));
}

static void put_fmt(struct writer *w, const char *fmt, long n)
{
	char tmp[32];

	pc_snprintf(tmp, sizeof tmp, fmt, n);
	puts_(w, tmp);
}

static void emit_num(void *ctx, const char *s, size_t n)
{
	put(ctx, s, n);
}

static struct wframe *push(struct writer *w, val obj, size_t i, int kind)
{
	struct wframe *f;

	if (w->depth == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 64;
		struct wframe *s = P_RAW(p_alloc(w->p, T_BYTES, cap * sizeof *s));
		if (w->depth)
			memcpy(s, w->stack, w->depth * sizeof *s);
		w->stack = s;
		w->cap = cap;
	}
	f = &w->stack[w->depth++];
	f->obj = obj;
	f->i = i;
	f->kind = kind;
	return f;
}

static int labelable(val x)
{
	return P_IS_PAIR(x) || P_IS_VECTOR(x) || P_HAS_TYPE(x, T_RECORD);
}

/* Children of a labelable object: car and cdr, elements, record slots. */
static size_t nchildren(val x)
{
	return P_IS_PAIR(x) ? 2 : P_SIZE_OF_HDR(P_HDR(x));
}

/* Marks objects met again while still being scanned (cycles) and, for
 * write-shared, objects met again at all. */
static void visit(struct writer *w, val x)
{
	intptr_t m;

	if (!labelable(x))
		return;
	m = idtab_get(&w->marks, x, M_NONE);
	if (m == M_NONE) {
		idtab_put(&w->marks, x, M_ACTIVE);
		push(w, x, 0, 0);
	} else if (m == M_ACTIVE || (m == M_DONE && w->mode == WRITE_SHARED)) {
		idtab_put(&w->marks, x, M_LABEL);
	}
}

/* After the scan only labelled objects matter: keep just those, so the
 * printer's lookups hit a small table (usually an empty one). */
static void keep_labels(struct writer *w)
{
	struct idtab all = w->marks;

	idtab_init(&w->marks, w->p);
	for (size_t i = 0; i < all.cap; i++)
		if (all.slots[i].key != 0 && all.slots[i].v == M_LABEL)
			idtab_put(&w->marks, all.slots[i].key, M_LABEL);
}

/* 1 if walking x as a tree meets fewer than budget labelable objects,
 * nested less than SMALL_TREE_DEPTH deep: it then has no cycle, and write and
 * display need no table of what they met.  A datum with a cycle, or much
 * sharing, exhausts the budget and takes the full scan, at a bounded
 * extra cost.  The last child replaces its parent on the stack, so a
 * list's spine takes none. */
#define SMALL_TREE_DEPTH 4096
static int small_tree(struct writer *w, val x, size_t budget)
{
	size_t seen = 0;

	w->depth = 0;
	push(w, x, 0, 0);
	while (w->depth > 0) {
		struct wframe *f = &w->stack[w->depth - 1];
		size_t n = nchildren(f->obj);
		val c;

		if (f->i == n) {
			w->depth--;
			continue;
		}
		c = P_SLOTS(f->obj)[f->i++];
		if (f->i == n)
			w->depth--;
		if (labelable(c)) {
			if (++seen == budget || w->depth == SMALL_TREE_DEPTH) {
				w->depth = 0;
				return 0;
			}
			push(w, c, 0, 0);
		}
	}
	return 1;
}

static void scan(struct writer *w, val x)
{
	visit(w, x);
	while (w->depth > 0) {
		struct wframe *f = &w->stack[w->depth - 1];
		if (f->i < nchildren(f->obj)) {
			visit(w, P_SLOTS(f->obj)[f->i++]);
			continue;
		}
		/* Finished: later visits are sharing, not cycles. */
		if (idtab_get(&w->marks, f->obj, M_NONE) == M_ACTIVE)
			idtab_put(&w->marks, f->obj, M_DONE);
		w->depth--;
	}
}

static const char *char_name(uint32_t c)
{
	switch (c) {
	case 0: return "null";
	case 7: return "alarm";
	case 8: return "backspace";
	case 9: return "tab";
	case 10: return "newline";
	case 13: return "return";
	case 27: return "escape";
	case 32: return "space";
	case 127: return "delete";
	default: return NULL;
	}
}

static int is_control(uint32_t c)
{
	return c < 32 || (c >= 127 && c < 160);
}

static void print_char(struct writer *w, uint32_t c)
{
	const char *name;

	if (w->mode == WRITE_DISPLAY) {
		put_char(w, c);
		return;
	}
	puts_(w, "#\\");
	if ((name = char_name(c)))
		puts_(w, name);
	else if (is_control(c) || !uni_is_scalar(c))
		put_fmt(w, "x%lx", (long)c);
	else
		put_char(w, c);
}

/* Writes c inside "..." or |...|, quoting the delimiter q. */
static void print_escaped(struct writer *w, uint32_t c, uint32_t q)
{
	switch (c) {
	case 7: puts_(w, "\\a"); return;
	case 8: puts_(w, "\\b"); return;
	case 9: puts_(w, "\\t"); return;
	case 10: puts_(w, "\\n"); return;
	case 13: puts_(w, "\\r"); return;
	case '\\': puts_(w, "\\\\"); return;
	default:
		if (c == q) {
			put(w, "\\", 1);
			put_char(w, c);
		} else if (is_control(c)) {
			put_fmt(w, "\\x%lx;", (long)c);
		} else {
			put_char(w, c);
		}
	}
}

static void print_string(struct writer *w, val s)
{
	size_t n = STR_LEN(s);

	if (w->mode == WRITE_DISPLAY) {
		flush(w);
		port_write_string(w->p, w->port, s, 0, n, w->who);
		return;
	}
	put(w, "\"", 1);
	for (size_t i = 0; i < n; i++)
		print_escaped(w, p_string_ref(s, i), '"');
	put(w, "\"", 1);
}

/* R7RS 7.1.1's <sign subsequent>: an <initial> (a letter or a special
 * initial; any non-ASCII character counts), a sign, or @. */
static int sign_subsequent(uint32_t c)
{
	return c > 127 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		|| strchr("!$%&*/:<=>?^_~+-@", (int)c);
}

/* Whether a name of n >= 2 characters starting with + - or . fits R7RS's
 * <peculiar identifier> (its other characters are already known to be
 * <subsequent>s): "+.x", "-x", ".x" and "..." but not "+1a" or ".5a". */
static int peculiar_ok(val name, size_t n)
{
	uint32_t c0 = p_string_ref(name, 0), c1 = p_string_ref(name, 1);

	if (c0 != '.' && c1 != '.')
		return sign_subsequent(c1);
	if (c0 == '.')
		return c1 == '.' || sign_subsequent(c1);
	return n > 2 && (p_string_ref(name, 2) == '.'
			 || sign_subsequent(p_string_ref(name, 2)));
}

/* 1 if the symbol's name must be written |quoted| to read back as itself. */
static int symbol_needs_bars(P *p, val name)
{
	size_t n = STR_LEN(name);
	uint32_t c0;
	char *text;

	if (n == 0)
		return 1;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = p_string_ref(name, i);
		if (is_control(c) || (uni_flags(c) & UNI_SPACE) || c == '(' || c == ')'
		    || c == '"' || c == ';' || c == '\'' || c == '`' || c == ','
		    || c == '|' || c == '[' || c == ']' || c == '\\')
			return 1;
	}
	c0 = p_string_ref(name, 0);
	if (c0 == '#' || (c0 >= '0' && c0 <= '9'))
		return 1;
	if (c0 != '+' && c0 != '-' && c0 != '.')
		return 0;
	if (n == 1)
		return c0 == '.';
	if (!peculiar_ok(name, n))
		return 1;
	/* A sign or dot may start a number: bars if it would read as one
	 * (+5, +i, -1+2i), or if a name starting as an infinity or NaN
	 * (+nan.0abc) could be taken for one by another reader. */
	text = P_RAW(p_alloc(p, T_BYTES, n + 1));
	for (size_t i = 0; i < n; i++) {
		uint32_t c = p_string_ref(name, i);
		if (c > 127)
			return 0;
		text[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	text[n] = '\0';
	if (strncmp(text + 1, "inf.0", 5) == 0
	    || strncmp(text + 1, "nan.0", 5) == 0)
		return 1;
	return num_parse(p, text, n, 10) != P_FALSE;
}

static void print_symbol(struct writer *w, val sym)
{
	val name = p_symbol_name(sym);
	size_t n = STR_LEN(name);

	if (w->mode == WRITE_DISPLAY || !symbol_needs_bars(w->p, name)) {
		flush(w);
		port_write_string(w->p, w->port, name, 0, n, w->who);
		return;
	}
	put(w, "|", 1);
	for (size_t i = 0; i < n; i++)
		print_escaped(w, p_string_ref(name, i), '|');
	put(w, "|", 1);
}

static void print_name(struct writer *w, val name)
{
	if (P_IS_SYMBOL(name))
		name = p_symbol_name(name);
	if (P_IS_STRING(name)) {
		flush(w);
		port_write_string(w->p, w->port, name, 0, STR_LEN(name), w->who);
	}
}

static val object_name(struct writer *w, val x)
{
	return p_object_name(w->p, x);
}

static void print_port(struct writer *w, val port)
{
	unsigned f = PORT_FLAGSV(port);
	val name = PORT_GET(port, PORT_NAME);

	puts_(w, "#<");
	if (f & PORT_LISTENER) {
		puts_(w, "tcp-listener");
	} else {
		puts_(w, f & PORT_TEXT ? "textual" : "binary");
		puts_(w, (f & PORT_IN) && (f & PORT_OUT) ? " input/output port"
		      : f & PORT_IN ? " input port" : " output port");
	}
	if (P_IS_STRING(name)) {
		put(w, " ", 1);
		print_name(w, name);
	}
	put(w, ">", 1);
}

static const char *opaque_kind(val x)
{
	switch (P_TYPE_OF_HDR(P_HDR(x))) {
	case T_CLOSURE:
	case T_PRIMITIVE:
	case T_CONTINUATION:
		return "procedure";
	case T_PARAMETER: return "parameter";
	case T_RECORD_TYPE: return "record-type";
	case T_PROMISE: return "promise";
	case T_ENVIRONMENT: return "environment";
	case T_ERROR: return "condition";
	case T_BOX: return "box";
	case T_SYNTAX: return "syntax";
	case T_CODE: return "code";
	default: return "object";
	}
}

/* Emits "#n=" or "#n#" for a labelled object; returns 1 when it was a
 * reference (nothing more to print). */
static int label(struct writer *w, val x)
{
	intptr_t m;

	if (w->mode == WRITE_SIMPLE || !labelable(x))
		return 0;
	m = idtab_get(&w->marks, x, M_NONE);
	if (m >= M_NUMBERED) {
		put_fmt(w, "#%ld#", (long)(m - M_NUMBERED));
		return 1;
	}
	if (m == M_LABEL) {
		idtab_put(&w->marks, x, M_NUMBERED + w->next_label);
		put_fmt(w, "#%ld=", (long)w->next_label++);
	}
	return 0;
}

static int is_labelled(struct writer *w, val x)
{
	return w->mode != WRITE_SIMPLE && idtab_get(&w->marks, x, M_NONE) >= M_LABEL;
}

/* Prints an atom whole, or the start of a compound datum: then it pushes
 * the frame that prints the rest, sets *next to the first part and
 * returns 1. */
static int start(struct writer *w, val x, val *next)
{
	if (P_IS_FIX(x) || p_is_number(x)) {
		if (num_format(w->p, x, 10, emit_num, w) < 0)
			puts_(w, "#<number>");
		return 0;
	}
	if (P_IS_CHAR(x)) {
		print_char(w, P_CHARVAL(x));
		return 0;
	}
	if (!P_IS_PTR(x)) {
		puts_(w, x == P_TRUE ? "#t" : x == P_FALSE ? "#f"
		      : x == P_NIL ? "()" : x == P_EOF ? "#<eof>"
		      : x == P_VOID ? "#<unspecified>" : x == P_DEFAULT ? "#<default>"
		      : x == P_UNBOUND ? "#<unbound>" : "#<special>");
		return 0;
	}
	if (label(w, x))
		return 0;
	switch (P_TYPE_OF_HDR(P_HDR(x))) {
	case T_PAIR:
		put(w, "(", 1);
		push(w, x, 0, K_LIST);
		*next = P_CAR(x);
		return 1;
	case T_VECTOR:
		put(w, "#(", 2);
		if (P_VEC_LEN(x) == 0) {
			put(w, ")", 1);
			return 0;
		}
		push(w, x, 1, K_VECTOR);
		*next = P_VEC(x)[0];
		return 1;
	case T_STRING:
		print_string(w, x);
		return 0;
	case T_SYMBOL:
		print_symbol(w, x);
		return 0;
	case T_BYTEVECTOR:
		put(w, "#u8(", 4);
		for (size_t i = 0; i < P_BV_LEN(x); i++)
			put_fmt(w, i ? " %ld" : "%ld", (long)P_BV_DATA(x)[i]);
		put(w, ")", 1);
		return 0;
	case T_PORT:
		print_port(w, x);
		return 0;
	case T_RECORD: {
		/* Slot 0 is the record type; the fields follow. */
		val name = object_name(w, P_SLOTS(x)[0]);
		puts_(w, "#<");
		if (name != P_FALSE)
			print_name(w, name);
		else
			puts_(w, "record");
		push(w, x, 1, K_RECORD);
		return 0;
	}
	case T_VALUES:
		if (P_SIZE_OF_HDR(P_HDR(x)) == 0)
			return 0;
		push(w, x, 1, K_VALUES);
		*next = P_SLOTS(x)[0];
		return 1;
	default: {
		val name = object_name(w, x);
		puts_(w, "#<");
		puts_(w, opaque_kind(x));
		if (name != P_FALSE) {
			put(w, " ", 1);
			print_name(w, name);
		}
		if (P_HAS_TYPE(x, T_ERROR)) {
			/* kind, message, irritants, ...: show the message,
			 * then the irritants. */
			if (P_IS_STRING(P_SLOTS(x)[1])) {
				put(w, " ", 1);
				print_string(w, P_SLOTS(x)[1]);
			}
			push(w, P_SLOTS(x)[2], 0, K_IRRITANTS);
			return 0;
		}
		put(w, ">", 1);
		return 0;
	}
	}
}

/* Continues the innermost compound datum after one of its parts was
 * printed: returns 1 with *next set to the next part to print, or 0 when
 * every open datum is finished. */
static int resume(struct writer *w, val *next)
{
	while (w->depth > 0) {
		struct wframe *f = &w->stack[w->depth - 1];
		val x;

		switch (f->kind) {
		case K_LIST:
			x = P_CDR(f->obj);
			if (x == P_NIL)
				break;
			if (P_IS_PAIR(x) && !is_labelled(w, x)) {
				put(w, " ", 1);
				f->obj = x;
				*next = P_CAR(x);
				return 1;
			}
			put(w, " . ", 3);
			f->kind = K_LIST_END;
			*next = x;
			return 1;
		case K_LIST_END:
			break;
		case K_VECTOR:
		case K_VALUES:
			if (f->i < P_SIZE_OF_HDR(P_HDR(f->obj))) {
				put(w, " ", 1);
				*next = P_SLOTS(f->obj)[f->i++];
				return 1;
			}
			break;
		case K_RECORD:
			if (f->i < P_SIZE_OF_HDR(P_HDR(f->obj))) {
				put(w, " ", 1);
				*next = P_SLOTS(f->obj)[f->i++];
				return 1;
			}
			break;
		case K_IRRITANTS:
			if (P_IS_PAIR(f->obj)) {
				put(w, " ", 1);
				*next = P_CAR(f->obj);
				f->obj = P_CDR(f->obj);
				return 1;
			}
			break;
		}
		/* The datum is complete: close it. */
		if (f->kind == K_LIST || f->kind == K_LIST_END || f->kind == K_VECTOR)
			put(w, ")", 1);
		else if (f->kind == K_RECORD || f->kind == K_IRRITANTS)
			put(w, ">", 1);
		w->depth--;
	}
	return 0;
}

static void print(struct writer *w, val x)
{
	for (;;) {
		while (start(w, x, &x))
			;
		if (!resume(w, &x))
			return;
	}
}

void write_value(P *p, val x, val port, enum write_mode mode)
{
	struct writer w;

	w.p = p;
	w.port = port;
	w.mode = mode;
	w.who = mode == WRITE_DISPLAY ? "display" : mode == WRITE_SHARED ? "write-shared"
		: mode == WRITE_SIMPLE ? "write-simple" : "write";
	w.next_label = 0;
	w.stack = NULL;
	w.depth = w.cap = 0;
	w.n = 0;
	idtab_init(&w.marks, p);
	if (mode != WRITE_SIMPLE && labelable(x) &&
	    (mode == WRITE_SHARED || !small_tree(&w, x, 1 << 20))) {
		scan(&w, x);
		keep_labels(&w);
	}
	print(&w, x);
	flush(&w);
}

val p_write_to_string(P *p, val v, int display)
{
	val port = port_open_output_memory(p, 1);
	const uint8_t *data;
	size_t n;

	write_value(p, v, port, display ? WRITE_DISPLAY : WRITE_CYCLES);
	data = port_output_data(port, &n);
	return p_string_from_utf8(p, (const char *)data, n);
}
