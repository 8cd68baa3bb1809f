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

struct writer {
	P *p;
	val port;
	enum write_mode mode;
	struct idtab marks;
	intptr_t next_label;
	int depth;
	size_t n;
	char buf[512];
};

static void flush(struct writer *w)
{
	if (w->n > 0)
		port_write_bytes(w->p, w->port, w->buf, w->n, "write");
	w->n = 0;
}

static void put(struct writer *w, const char *s, size_t n)
{
	if (w->n + n > sizeof w->buf) {
		flush(w);
		if (n > sizeof w->buf) {
			port_write_bytes(w->p, w->port, s, n, "write");
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

static void enter(struct writer *w)
{
	if (++w->depth > WRITE_MAX_DEPTH) {
		flush(w);
		p_raise_error(w->p, PE_ERROR,
			      "write: data nested too deeply to print", 0);
	}
}

static int labelable(val x)
{
	return P_IS_PAIR(x) || P_IS_VECTOR(x) || P_HAS_TYPE(x, T_RECORD);
}

/* Marks objects met again while still being scanned (cycles) and, for
 * write-shared, objects met again at all. */
static void scan(struct writer *w, val x)
{
	val head = x;
	size_t chain = 0;

	enter(w);
	while (labelable(x)) {
		intptr_t m = idtab_get(&w->marks, x, M_NONE);
		if (m != M_NONE) {
			if (m == M_ACTIVE || w->mode == WRITE_SHARED)
				idtab_put(&w->marks, x, M_LABEL);
			break;
		}
		idtab_put(&w->marks, x, M_ACTIVE);
		chain++;
		if (!P_IS_PAIR(x)) {
			size_t n = P_IS_VECTOR(x) ? P_VEC_LEN(x) : P_SIZE_OF_HDR(P_HDR(x));
			for (size_t i = 0; i < n; i++)
				scan(w, P_SLOTS(x)[i]);
			break;
		}
		scan(w, P_CAR(x));
		x = P_CDR(x);
	}
	/* The chain's objects are finished: later visits are sharing, not
	 * cycles. */
	for (x = head; chain-- > 0; x = P_CDR(x)) {
		if (idtab_get(&w->marks, x, M_NONE) == M_ACTIVE)
			idtab_put(&w->marks, x, M_DONE);
		if (!P_IS_PAIR(x))
			break;
	}
	w->depth--;
}

static void print(struct writer *w, val x);

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
		port_write_string(w->p, w->port, s, 0, n, "write");
		return;
	}
	put(w, "\"", 1);
	for (size_t i = 0; i < n; i++)
		print_escaped(w, p_string_ref(s, i), '"');
	put(w, "\"", 1);
}

/* 1 if the symbol's name must be written |quoted| to read back as itself. */
static int symbol_needs_bars(P *p, val name)
{
	size_t n = STR_LEN(name);
	char text[64];
	uint32_t c0;

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
	if (n < sizeof text && (c0 == '+' || c0 == '-' || c0 == '.')) {
		if (n == 1 && c0 == '.')
			return 1;
		for (size_t i = 0; i < n; i++) {
			uint32_t c = p_string_ref(name, i);
			if (c > 127)
				return 0;
			text[i] = (char)c;
		}
		text[n] = '\0';
		return num_parse(p, text, n, 10) != P_FALSE;
	}
	return 0;
}

static void print_symbol(struct writer *w, val sym)
{
	val name = p_symbol_name(sym);
	size_t n = STR_LEN(name);

	if (w->mode == WRITE_DISPLAY || !symbol_needs_bars(w->p, name)) {
		flush(w);
		port_write_string(w->p, w->port, name, 0, n, "write");
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
		port_write_string(w->p, w->port, name, 0, STR_LEN(name), "write");
	}
}

static val object_name(struct writer *w, val x)
{
	return p_object_name ? p_object_name(w->p, x) : P_FALSE;
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

static void print_record(struct writer *w, val x)
{
	size_t n = P_SIZE_OF_HDR(P_HDR(x));
	val name = object_name(w, P_SLOTS(x)[0]);

	puts_(w, "#<");
	if (name != P_FALSE)
		print_name(w, name);
	else
		puts_(w, "record");
	enter(w);
	for (size_t i = 1; i < n; i++) {
		put(w, " ", 1);
		print(w, P_SLOTS(x)[i]);
	}
	w->depth--;
	put(w, ">", 1);
}

static void print_opaque(struct writer *w, val x)
{
	const char *what;
	val name;

	switch (P_TYPE_OF_HDR(P_HDR(x))) {
	case T_CLOSURE:
	case T_PRIMITIVE:
	case T_CONTINUATION:
		what = "procedure";
		break;
	case T_PARAMETER: what = "parameter"; break;
	case T_RECORD_TYPE: what = "record-type"; break;
	case T_PROMISE: what = "promise"; break;
	case T_ENVIRONMENT: what = "environment"; break;
	case T_ERROR: what = "condition"; break;
	case T_BOX: what = "box"; break;
	case T_SYNTAX: what = "syntax"; break;
	case T_CODE: what = "code"; break;
	default: what = "object"; break;
	}
	puts_(w, "#<");
	puts_(w, what);
	name = object_name(w, x);
	if (name != P_FALSE) {
		put(w, " ", 1);
		print_name(w, name);
	}
	if (P_HAS_TYPE(x, T_ERROR)) {
		/* kind, message, irritants, ...: show the message and irritants. */
		val msg = P_SLOTS(x)[1], irr = P_SLOTS(x)[2];
		enter(w);
		if (P_IS_STRING(msg)) {
			put(w, " ", 1);
			print_string(w, msg);
		}
		for (; P_IS_PAIR(irr); irr = P_CDR(irr)) {
			put(w, " ", 1);
			print(w, P_CAR(irr));
		}
		w->depth--;
	}
	put(w, ">", 1);
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

static void print_list(struct writer *w, val x)
{
	put(w, "(", 1);
	enter(w);
	for (;;) {
		print(w, P_CAR(x));
		x = P_CDR(x);
		if (x == P_NIL)
			break;
		if (!P_IS_PAIR(x) || is_labelled(w, x)) {
			put(w, " . ", 3);
			print(w, x);
			break;
		}
		put(w, " ", 1);
	}
	w->depth--;
	put(w, ")", 1);
}

static void print(struct writer *w, val x)
{
	if (P_IS_FIX(x) || p_is_number(x)) {
		if (num_format(w->p, x, 10, emit_num, w) < 0)
			puts_(w, "#<number>");
		return;
	}
	if (P_IS_CHAR(x)) {
		print_char(w, P_CHARVAL(x));
		return;
	}
	if (!P_IS_PTR(x)) {
		puts_(w, x == P_TRUE ? "#t" : x == P_FALSE ? "#f"
		      : x == P_NIL ? "()" : x == P_EOF ? "#<eof>"
		      : x == P_VOID ? "#<unspecified>" : x == P_DEFAULT ? "#<default>"
		      : x == P_UNBOUND ? "#<unbound>" : "#<special>");
		return;
	}
	if (label(w, x))
		return;
	switch (P_TYPE_OF_HDR(P_HDR(x))) {
	case T_PAIR:
		print_list(w, x);
		return;
	case T_VECTOR:
		put(w, "#(", 2);
		enter(w);
		for (size_t i = 0; i < P_VEC_LEN(x); i++) {
			if (i > 0)
				put(w, " ", 1);
			print(w, P_VEC(x)[i]);
		}
		w->depth--;
		put(w, ")", 1);
		return;
	case T_STRING:
		print_string(w, x);
		return;
	case T_SYMBOL:
		print_symbol(w, x);
		return;
	case T_BYTEVECTOR:
		put(w, "#u8(", 4);
		for (size_t i = 0; i < P_BV_LEN(x); i++)
			put_fmt(w, i ? " %ld" : "%ld", (long)P_BV_DATA(x)[i]);
		put(w, ")", 1);
		return;
	case T_PORT:
		print_port(w, x);
		return;
	case T_RECORD:
		print_record(w, x);
		return;
	case T_VALUES:
		for (size_t i = 0; i < P_SIZE_OF_HDR(P_HDR(x)); i++) {
			if (i > 0)
				put(w, " ", 1);
			print(w, P_SLOTS(x)[i]);
		}
		return;
	default:
		print_opaque(w, x);
	}
}

void write_value(P *p, val x, val port, enum write_mode mode)
{
	struct writer w;

	w.p = p;
	w.port = port;
	w.mode = mode;
	w.next_label = 0;
	w.depth = 0;
	w.n = 0;
	idtab_init(&w.marks, p);
	if (mode != WRITE_SIMPLE && labelable(x))
		scan(&w, x);
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
