/*
 * disasm.c - the byte code disassembler.  (%disassemble proc) gives, as a
 * string, the listing of a compiled procedure's code followed by the
 * listings of the procedures nested in it; disassemble (prelude) displays
 * it, and `p --disassemble FILE` lists each top-level form of a program.
 *
 * The code is threaded (each opcode word holds its handler's address), so
 * the opcode is found again in the VM's label table.  Names and operand
 * counts come from vm_ops, the same list the VM is built from.
 */
#include "core.h"
#include "pfmt.h"

/* Text of a constant shown at most this long (bytes). */
#define SHOW_MAX 60

struct out {
	P *p;
	char *buf;
	size_t n, cap;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->n + n > o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 4096;
		while (cap < o->n + n)
			cap *= 2;
		char *nb = P_RAW(p_alloc(o->p, T_BYTES, cap));
		if (o->n)
			memcpy(nb, o->buf, o->n);
		o->buf = nb;
		o->cap = cap;
	}
	memcpy(o->buf + o->n, s, n);
	o->n += n;
}

__attribute__((format(printf, 2, 3)))
static void putf(struct out *o, const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	int n = pc_vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	put(o, line, n < (int)sizeof line ? (size_t)n : sizeof line - 1);
}

/* v as write shows it, cut at a character boundary if long. */
static void put_value(struct out *o, val v)
{
	size_t n;
	const char *s = err_repr(o->p, v, &n);
	if (n <= SHOW_MAX) {
		put(o, s, n);
		return;
	}
	n = SHOW_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	put(o, s, n);
	put(o, "...", 3);
}

static void put_name(struct out *o, val code)
{
	val name = P_SLOTS(code)[CODE_NAME];
	if (P_IS_SYMBOL(name)) {
		size_t n;
		const char *s = sym_chars(name, &n);
		put(o, s, n);
	} else {
		put(o, "anonymous", 9);
	}
}

static int opcode_of(P *p, intptr_t word)
{
	for (int op = 0; op < OP_COUNT; op++)
		if ((intptr_t)p->optable[op] == word)
			return op;
	return -1;
}

/* The line where the code from offset i on comes from, if one starts
 * there; *next walks the (offset, line) pairs in order. */
static long line_at(val code, size_t i, size_t *next)
{
	val lines = P_SLOTS(code)[CODE_LINES];
	if (!P_HAS_TYPE(lines, T_BYTES))
		return 0;
	size_t n = *(uintptr_t *)P_RAW(lines);
	int32_t *l = (int32_t *)((uintptr_t *)P_RAW(lines) + 1);
	long line = 0;
	while (*next + 1 < n && (size_t)l[*next] <= i) {
		line = l[*next + 1];
		*next += 2;
	}
	return line;
}

static void list_instruction(struct out *o, val code, intptr_t *w, size_t i,
			     int op, long line)
{
	P *p = o->p;
	val *consts = P_VEC(P_SLOTS(code)[CODE_CONSTS]);
	intptr_t *a = w + i + 1;
	char ops[64] = "";
	for (int k = 0, n = 0; k < vm_ops[op].nops; k++)
		n += pc_snprintf(ops + n, sizeof ops - (size_t)n, " %ld", (long)a[k]);
	putf(o, "%6zu  %-12s%-14s", i, vm_ops[op].name, ops);
	int comment = 1;
	if (op == OP_JUMP || op == OP_JUMPF || op == OP_FRAME) {
		putf(o, "; -> %zu", i + 2 + (size_t)a[0]);
	} else if (op == OP_CONST) {
		put(o, "; ", 2);
		put_value(o, consts[a[0]]);
	} else if (op == OP_IMM) {
		put(o, "; ", 2);
		put_value(o, (val)a[0]);
	} else if (op == OP_GLOBAL || op == OP_SETGLOBAL || op == OP_DEFGLOBAL ||
		   vm_ops[op].prim) {
		put(o, "; ", 2);
		put_value(o, P_SLOTS(consts[a[0]])[CELL_NAME]);
	} else if (op == OP_CLOSURE) {
		put(o, "; ", 2);
		if (consts[a[0]] == p->roots[R_CASE_CODE])
			put(o, "case-lambda", 11);
		else
			put_name(o, consts[a[0]]);
	} else {
		comment = 0;
	}
	if (line)
		putf(o, "%sline %ld", comment ? ", " : "; ", line);
	while (o->n && o->buf[o->n - 1] == ' ')
		o->n--;
	put(o, "\n", 1);
}

static void list_code(struct out *o, val code)
{
	P *p = o->p;
	intptr_t *w = CODE_WORDS(code);
	size_t n = *(uintptr_t *)P_RAW(P_SLOTS(code)[CODE_BYTES]);
	put(o, ";; ", 3);
	put_name(o, code);
	long nreq = P_FIXVAL(P_SLOTS(code)[CODE_NREQ]);
	long nslots = P_FIXVAL(P_SLOTS(code)[CODE_NSLOTS]);
	putf(o, ": %ld argument%s%s, %ld slot%s", nreq, nreq == 1 ? "" : "s",
	     P_SLOTS(code)[CODE_REST] == P_FIX(1) ? " and a rest list" : "",
	     nslots, nslots == 1 ? "" : "s");
	if (P_IS_STRING(P_SLOTS(code)[CODE_FILE])) {
		put(o, ", from ", 7);
		put_value(o, P_SLOTS(code)[CODE_FILE]);
	}
	put(o, "\n", 1);
	size_t next_line = 0;
	for (size_t i = 0; i < n;) {
		int op = opcode_of(p, w[i]);
		if (op < 0) {
			putf(o, "%6zu  ??? 0x%lx\n", i, (unsigned long)w[i]);
			break;
		}
		list_instruction(o, code, w, i, op, line_at(code, i, &next_line));
		i += 1 + (size_t)vm_ops[op].nops;
	}
	val consts = P_SLOTS(code)[CODE_CONSTS];
	for (size_t k = 0; k < P_VEC_LEN(consts); k++) {
		val c = P_VEC(consts)[k];
		if (P_HAS_TYPE(c, T_CLOSURE))	/* a lambda with no free variables */
			c = P_SLOTS(c)[0];
		if (P_HAS_TYPE(c, T_CODE) && c != p->roots[R_CASE_CODE]) {
			put(o, "\n", 1);
			list_code(o, c);
		}
	}
}

static val prim_disassemble(P *p, int argc, val *argv)
{
	(void)argc;
	val f = argv[0];
	if (!P_HAS_TYPE(f, T_CLOSURE))
		p_type_error(p, "disassemble", 1, "compound procedure", f);
	struct out o = { .p = p };
	val code = P_SLOTS(f)[0];
	if (code != p->roots[R_CASE_CODE]) {
		list_code(&o, code);
	} else {
		for (size_t i = 1; i < P_SIZE_OF_HDR(P_HDR(f)); i++) {
			if (i > 1)
				put(&o, "\n", 1);
			list_code(&o, P_SLOTS(P_SLOTS(f)[i])[0]);
		}
	}
	return p_string_from_utf8(p, o.buf ? o.buf : "", o.n);
}

const struct p_prim disasm_prims[] = {
	{ "pxen debug", "%disassemble", prim_disassemble, 1, 1, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
