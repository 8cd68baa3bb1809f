/*
 * compile.c - expands and compiles Scheme forms to threaded byte code in one
 * pass.
 *
 * Runs inside one primitive call, so nothing moves while it works: the
 * compiler keeps C pointers to heap objects and builds its own tables in raw
 * heap objects that become garbage afterwards.
 *
 * Variables live in frame slots; a closure copies the values of the
 * variables it uses (flat closures).  A variable that is ever assigned lives
 * in a box (so copies share it, and re-entered continuations see the
 * current value).  Assignment is found by a pre-scan of each lambda body
 * for set!, and, where a macro hides it, by compiling the lambda again with
 * the variable boxed.  letrec-bound lambdas are created first and their
 * captured slots patched once the variables they refer to exist.
 */
#include "core.h"
#include "compile_int.h"

static void *raw(P *p, size_t bytes)
{
	return P_RAW(p_alloc(p, T_BYTES, bytes ? bytes : 1));
}

static void *grow(P *p, void *old, size_t elem, int *cap, int need)
{
	if (need <= *cap)
		return old;
	int ncap = *cap ? *cap * 2 : 16;
	while (ncap < need)
		ncap *= 2;
	void *n = raw(p, elem * (size_t)ncap);
	if (old && *cap)
		memcpy(n, old, elem * (size_t)*cap);
	*cap = ncap;
	return n;
}

/* --- source lines --- */

static size_t line_hash(val key)
{
	return (size_t)((key >> 3) * 0x9E3779B97F4A7C15ull >> 50) & (LINE_TABLE_SIZE - 1);
}

void p_note_line(P *p, val datum, long line)
{
	if (!P_IS_PAIR(datum))
		return;
	if (!p->lines) {
		p->lines = plat_pages_alloc(LINE_TABLE_SIZE * sizeof *p->lines);
		if (!p->lines)
			return;
	}
	if (p->nlines * 4 >= LINE_TABLE_SIZE * 3)
		return;
	size_t i = line_hash(datum);
	while (p->lines[i].key && p->lines[i].key != datum)
		i = (i + 1) & (LINE_TABLE_SIZE - 1);
	if (!p->lines[i].key)
		p->nlines++;
	p->lines[i].key = datum;
	p->lines[i].line = line;
}

long line_of(P *p, val x)
{
	if (!p->lines || !P_IS_PAIR(x))
		return 0;
	size_t i = line_hash(x);
	while (p->lines[i].key) {
		if (p->lines[i].key == x)
			return p->lines[i].line;
		i = (i + 1) & (LINE_TABLE_SIZE - 1);
	}
	return 0;
}

/* --- emitting --- */

static void emit(struct fn *f, intptr_t w)
{
	f->code = grow(f->p, f->code, sizeof(intptr_t), &f->capcode, f->ncode + 1);
	f->code[f->ncode++] = w;
}

static void depth(struct fn *f, int d)
{
	f->depth += d;
	if (f->depth > f->maxdepth)
		f->maxdepth = f->depth;
}

static void emit_op(struct fn *f, int op, int nops, intptr_t a, intptr_t b, intptr_t c)
{
	emit(f, op);
	if (nops > 0)
		emit(f, a);
	if (nops > 1)
		emit(f, b);
	if (nops > 2)
		emit(f, c);
}

static int add_const(struct fn *f, val v)
{
	for (int i = 0; i < f->nconsts; i++)
		if (f->consts[i] == v)
			return i;
	f->consts = grow(f->p, f->consts, sizeof(val), &f->capconsts, f->nconsts + 1);
	f->consts[f->nconsts] = v;
	return f->nconsts++;
}

static void emit_const(struct fn *f, val v)
{
	if (P_IS_PTR(v))
		emit_op(f, OP_CONST, 1, add_const(f, v), 0, 0);
	else
		emit_op(f, OP_IMM, 1, (intptr_t)v, 0, 0);
}

static void emit_ret(struct fn *f, int tail)
{
	if (tail)
		emit(f, OP_RETURN);
}

static void note_line(struct cx *c, val x)
{
	long line = line_of(c->p, x);
	struct fn *f = c->fn;
	if (line <= 0 || line == f->curline)
		return;
	f->curline = line;
	f->lines = grow(c->p, f->lines, sizeof(int32_t), &f->caplines, f->nlines + 2);
	f->lines[f->nlines++] = f->ncode;
	f->lines[f->nlines++] = (int32_t)line;
}

/* --- scopes and resolution --- */

static struct scope *scope_new(P *p, struct scope *up, struct fn *fn)
{
	struct scope *s = raw(p, sizeof *s);
	s->up = up;
	s->fn = fn;
	s->n = s->cap = 0;
	s->vars = NULL;
	return s;
}

static int in_list(val id, val l)
{
	for (; P_IS_PAIR(l); l = P_CDR(l))
		if (P_CAR(l) == id)
			return 1;
	return 0;
}

static struct var *scope_add(P *p, struct scope *s, val id)
{
	struct var *v = raw(p, sizeof *v);
	memset(v, 0, sizeof *v);
	v->id = id;
	v->fn = s->fn;
	v->scope = s;
	v->slot = -1;
	if (s->fn) {
		struct fn *f = s->fn;
		v->num = f->nbind++;
		f->boxset = grow(p, f->boxset, 1, &f->boxcap, f->nbind);
		if (f->nbind > f->boxknown) {
			f->boxset[v->num] = 0;
			f->boxknown = f->nbind;
		}
		v->boxed = f->boxset[v->num] || in_list(id, f->setvars);
	}
	s->vars = grow(p, s->vars, sizeof(struct var *), &s->cap, s->n + 1);
	s->vars[s->n++] = v;
	return v;
}

static struct var *scope_find(struct scope *s, val id)
{
	for (int i = s->n - 1; i >= 0; i--)
		if (s->vars[i]->id == id)
			return s->vars[i];
	return NULL;
}

struct res resolve(P *p, val id, struct scope *sc, val env)
{
	struct res r = { 0 };
	for (;;) {
		for (struct scope *s = sc; s; s = s->up) {
			struct var *v = scope_find(s, id);
			if (v) {
				if (v->macro) {
					r.kind = RES_MACRO;
					r.b = v->macro;
				} else {
					r.kind = RES_LOCAL;
					r.var = v;
				}
				return r;
			}
		}
		if (!IS_ALIAS(id))
			break;
		sc = syn_scope(p, id, SYN_C);
		env = P_SLOTS(id)[SYN_B];
		id = P_SLOTS(id)[SYN_A];
	}
	r.sym = id;
	r.env = env;
	val b = env_lookup(p, env, id);
	if (!b) {
		r.kind = RES_UNBOUND;
	} else if (SYN_IS(b, SYNK_SPECIAL)) {
		r.kind = RES_SPECIAL;
		r.b = b;
		r.code = (int)P_FIXVAL(P_SLOTS(b)[SYN_A]);
	} else if (SYN_IS(b, SYNK_MACRO)) {
		r.kind = RES_MACRO;
		r.b = b;
	} else {
		r.kind = RES_GLOBAL;
		r.b = b;
	}
	return r;
}

int compile_free_ident_eq(P *p, val a, val aenv, struct scope *asc,
			  val b, val benv, struct scope *bsc)
{
	struct res ra = resolve(p, a, asc, aenv);
	struct res rb = resolve(p, b, bsc, benv);
	int ua = ra.kind == RES_UNBOUND ||
		 (ra.kind == RES_GLOBAL && P_SLOTS(ra.b)[CELL_VALUE] == P_UNBOUND);
	int ub = rb.kind == RES_UNBOUND ||
		 (rb.kind == RES_GLOBAL && P_SLOTS(rb.b)[CELL_VALUE] == P_UNBOUND);
	if (ua || ub)
		return ua && ub && ra.sym == rb.sym;
	if (ra.kind != rb.kind)
		return 0;
	if (ra.kind == RES_LOCAL)
		return ra.var == rb.var;
	return ra.b == rb.b;
}

/* A special form or macro head, with the form (for dispatch). */
static struct res head_of(struct cx *c, val x, struct scope *sc)
{
	struct res r = { 0 };
	if (!P_IS_PAIR(x))
		return r;
	val h = P_CAR(x);
	if (SYN_IS(h, SYNK_SPECIAL)) {
		r.kind = RES_SPECIAL;
		r.b = h;
		r.code = (int)P_FIXVAL(P_SLOTS(h)[SYN_A]);
		return r;
	}
	if (!IS_IDENT(h))
		return r;
	return resolve(c->p, h, sc, c->env);
}

/* --- captures --- */

static void box_and_restart(struct var *v)
{
	struct fn *f = v->fn;
	f->boxset[v->num] = 1;
	f->restart = 1;
}

static int capture_index(struct fn *f, struct var *v)
{
	for (int i = 0; i < f->ncaps; i++)
		if (f->caps[i] == v)
			return i;
	if (f->up == v->fn && v->letrec && !v->initialized && !v->boxed &&
	    !(v->lambda_init && f->patch_scope == v->scope))
		box_and_restart(v);
	if (f->up != v->fn)
		capture_index(f->up, v);
	f->caps = grow(f->p, f->caps, sizeof(struct var *), &f->capcaps, f->ncaps + 1);
	f->caps[f->ncaps] = v;
	return f->ncaps++;
}

/* Pushes nothing: loads v's slot content (the box itself if boxed). */
static void load_raw(struct cx *c, struct var *v)
{
	if (v->fn == c->fn)
		emit_op(c->fn, OP_LOCAL, 1, v->slot, 0, 0);
	else
		emit_op(c->fn, OP_FREE, 1, capture_index(c->fn, v), 0, 0);
}

static void load_var(struct cx *c, struct var *v)
{
	if (v->fn == c->fn)
		emit_op(c->fn, v->boxed ? OP_LOCALBOX : OP_LOCAL, 1, v->slot, 0, 0);
	else
		emit_op(c->fn, v->boxed ? OP_FREEBOX : OP_FREE, 1,
			capture_index(c->fn, v), 0, 0);
}

/* --- helpers for generated code --- */

val special(P *p, int code)
{
	return P_VEC(p->roots[R_SPECIALS])[code];
}

val sys(P *p, const char *name)
{
	return alias_make(p, sym_intern_cstr(p, name), p->roots[R_SYSENV], NULL);
}

static val L2(P *p, val a, val b)
{
	return p_cons(p, a, p_cons(p, b, P_NIL));
}

static val L3(P *p, val a, val b, val c)
{
	return p_cons(p, a, L2(p, b, c));
}

static _Noreturn void bad(struct cx *c, const char *who, val x)
{
	err_syntax(c->p, who, x);
}

static void check_list(struct cx *c, const char *who, val x, long min)
{
	long n = list_length(x);
	if (n < min)
		bad(c, who, x);
}

/* --- the compiler --- */

static void comp(struct cx *c, val x, struct scope *sc, int tail);
static void comp_body(struct cx *c, val body, struct scope *sc, int tail, val whole);
static struct fn *comp_lambda(struct cx *c, val formals, val body, struct scope *sc,
			      val name, val whole, struct scope *patch_scope);

static void comp_ref(struct cx *c, val id, struct scope *sc, int tail)
{
	struct res r = resolve(c->p, id, sc, c->env);
	switch (r.kind) {
	case RES_LOCAL:
		load_var(c, r.var);
		break;
	case RES_GLOBAL:
		emit_op(c->fn, OP_GLOBAL, 1, add_const(c->fn, r.b), 0, 0);
		break;
	case RES_UNBOUND:
		emit_op(c->fn, OP_GLOBAL, 1,
			add_const(c->fn, env_ref_cell(c->p, r.env, r.sym)), 0, 0);
		break;
	default:
		bad(c, "keyword used as a variable", ident_symbol(id));
	}
	emit_ret(c->fn, tail);
}

static void comp_quote(struct cx *c, val x, int tail)
{
	emit_const(c->fn, syntax_strip(c->p, x));
	emit_ret(c->fn, tail);
}

/* A variable reference or constant: evaluating it has no effects and
 * cannot be observed by other code. */
static int is_simple(struct cx *c, val x, struct scope *sc)
{
	if (IS_IDENT(x)) {
		struct res r = resolve(c->p, x, sc, c->env);
		return r.kind == RES_LOCAL;
	}
	return !P_IS_PAIR(x) && x != P_NIL;
}

static int inline_op(P *p, val cell, int nargs)
{
	val v = P_SLOTS(cell)[CELL_VALUE];
	if (!P_HAS_TYPE(v, T_PRIMITIVE))
		return -1;
	val tab = p->roots[R_INLINE];
	for (int op = OP_FIRST_BINARY; op < OP_COUNT; op++)
		if (P_VEC(tab)[op] == v)
			return (op < OP_FIRST_UNARY ? 2 : 1) == nargs ? op : -1;
	return -1;
}

static void comp_args_call(struct cx *c, val x, struct scope *sc, int tail)
{
	struct fn *f = c->fn;
	long n = list_length(P_CDR(x));
	if (n < 0)
		bad(c, "application", x);
	note_line(c, x);
	val head = P_CAR(x);
	if (IS_IDENT(head) && n >= 1 && n <= 2) {
		struct res r = resolve(c->p, head, sc, c->env);
		int op = r.kind == RES_GLOBAL ? inline_op(c->p, r.b, (int)n) : -1;
		if (op >= 0) {
			val a = P_CAR(P_CDR(x));
			val b = n == 2 ? P_CAR(P_CDR(P_CDR(x))) : 0;
			if (n == 2 && is_simple(c, a, sc) && !is_simple(c, b, sc)) {
				/* b first: nothing waits on the stack while it
				 * runs (deep recursion in b uses less stack), and
				 * a cannot observe the order */
				comp(c, b, sc, 0);
				emit(f, OP_PUSH);
				depth(f, 1);
				comp(c, a, sc, 0);
				emit(f, OP_SWAP);
				depth(f, -1);
			} else {
				comp(c, a, sc, 0);
				if (n == 2) {
					emit(f, OP_PUSH);
					depth(f, 1);
					comp(c, b, sc, 0);
					depth(f, -1);
				}
			}
			note_line(c, x);
			emit_op(f, op, 1, add_const(f, r.b), 0, 0);
			emit_ret(f, tail);
			return;
		}
	}
	int fpos = -1;
	if (!tail) {
		emit_op(f, OP_FRAME, 1, 0, 0, 0);
		fpos = f->ncode - 1;
		depth(f, FRAME_WORDS);
	}
	for (val a = P_CDR(x); a != P_NIL; a = P_CDR(a)) {
		comp(c, P_CAR(a), sc, 0);
		emit(f, OP_PUSH);
		depth(f, 1);
	}
	comp(c, head, sc, 0);
	note_line(c, x);
	emit_op(f, tail ? OP_TAILCALL : OP_CALL, 1, n, 0, 0);
	depth(f, -(int)n - (tail ? 0 : FRAME_WORDS));
	if (!tail)
		f->code[fpos] = f->ncode - (fpos + 1);
}

static void comp_if(struct cx *c, val x, struct scope *sc, int tail)
{
	long n = list_length(x);
	if (n != 3 && n != 4)
		bad(c, "if", x);
	struct fn *f = c->fn;
	comp(c, P_CAR(P_CDR(x)), sc, 0);
	emit_op(f, OP_JUMPF, 1, 0, 0, 0);
	int j1 = f->ncode - 1;
	comp(c, P_CAR(P_CDR(P_CDR(x))), sc, tail);
	int j2 = -1;
	if (!tail) {
		emit_op(f, OP_JUMP, 1, 0, 0, 0);
		j2 = f->ncode - 1;
	}
	f->code[j1] = f->ncode - (j1 + 1);
	if (n == 4)
		comp(c, P_CAR(P_CDR(P_CDR(P_CDR(x)))), sc, tail);
	else {
		emit_const(f, P_VOID);
		emit_ret(f, tail);
	}
	if (j2 >= 0)
		f->code[j2] = f->ncode - (j2 + 1);
}

static void comp_seq(struct cx *c, val body, struct scope *sc, int tail, val whole)
{
	if (body == P_NIL) {
		emit_const(c->fn, P_VOID);
		emit_ret(c->fn, tail);
		return;
	}
	check_list(c, "begin", body, 1);
	(void)whole;
	for (; body != P_NIL; body = P_CDR(body))
		comp(c, P_CAR(body), sc, tail && P_CDR(body) == P_NIL);
}

static void comp_set(struct cx *c, val x, struct scope *sc, int tail)
{
	if (list_length(x) != 3 || !IS_IDENT(P_CAR(P_CDR(x))))
		bad(c, "set!", x);
	val id = P_CAR(P_CDR(x));
	struct res r = resolve(c->p, id, sc, c->env);
	comp(c, P_CAR(P_CDR(P_CDR(x))), sc, 0);
	struct fn *f = c->fn;
	switch (r.kind) {
	case RES_LOCAL:
		if (!r.var->boxed)
			box_and_restart(r.var);
		if (r.var->fn == f)
			emit_op(f, OP_SETLOCALBOX, 1, r.var->slot, 0, 0);
		else
			emit_op(f, OP_SETFREEBOX, 1, capture_index(f, r.var), 0, 0);
		break;
	case RES_GLOBAL:
		if (P_SLOTS(r.b)[CELL_OWNER] != r.env && r.env != c->p->roots[R_SYSENV])
			bad(c, "set!: cannot assign an imported variable", x);
		emit_op(f, OP_SETGLOBAL, 1, add_const(f, r.b), 0, 0);
		break;
	case RES_UNBOUND:
		emit_op(f, OP_SETGLOBAL, 1,
			add_const(f, env_ref_cell(c->p, r.env, r.sym)), 0, 0);
		break;
	default:
		bad(c, "set!", x);
	}
	emit_ret(f, tail);
}

/* Collects identifiers assigned anywhere in x (a conservative guess made
 * before expansion; missed cases are found while compiling). */
static void prescan_set(P *p, val x, val *out, int depth)
{
	long steps = 0;
	if (depth > 200)
		return;
	while (P_IS_PAIR(x) && ++steps < 100000) {
		val h = P_CAR(x);
		if (IS_IDENT(h) && sym_is(ident_symbol(h), "set!") &&
		    P_IS_PAIR(P_CDR(x)) && IS_IDENT(P_CAR(P_CDR(x))))
			*out = p_cons(p, P_CAR(P_CDR(x)), *out);
		if (P_IS_PAIR(h))
			prescan_set(p, h, out, depth + 1);
		x = P_CDR(x);
	}
}

static void fn_reset(struct fn *f)
{
	f->ncode = f->nconsts = f->ncaps = f->nlines = 0;
	f->nslots = f->depth = f->maxdepth = 0;
	f->nbind = 0;
	f->restart = 0;
	f->curline = 0;
}

static val make_code(struct cx *c, struct fn *f, int nreq, int rest)
{
	P *p = c->p;
	val bytes = p_alloc(p, T_BYTES, sizeof(uintptr_t) + (size_t)f->ncode * sizeof(intptr_t));
	*(uintptr_t *)P_RAW(bytes) = (uintptr_t)f->ncode;
	intptr_t *w = (intptr_t *)((uintptr_t *)P_RAW(bytes) + 1);
	memcpy(w, f->code, (size_t)f->ncode * sizeof(intptr_t));
	val consts = p_make_vector(p, (size_t)f->nconsts, P_FALSE);
	for (int i = 0; i < f->nconsts; i++)
		P_VEC(consts)[i] = f->consts[i];
	val lines = p_alloc(p, T_BYTES, sizeof(uintptr_t) + (size_t)f->nlines * sizeof(int32_t));
	*(uintptr_t *)P_RAW(lines) = (uintptr_t)f->nlines;
	if (f->nlines)
		memcpy((uintptr_t *)P_RAW(lines) + 1, f->lines, (size_t)f->nlines * sizeof(int32_t));
	val code = p_alloc(p, T_CODE, CODE_NSLOTS_ * sizeof(val));
	P_SLOTS(code)[CODE_BYTES] = bytes;
	P_SLOTS(code)[CODE_CONSTS] = consts;
	P_SLOTS(code)[CODE_NAME] = f->name;
	P_SLOTS(code)[CODE_NREQ] = P_FIX(nreq);
	P_SLOTS(code)[CODE_REST] = P_FIX(rest);
	P_SLOTS(code)[CODE_NSLOTS] = P_FIX(f->nslots);
	P_SLOTS(code)[CODE_LINES] = lines;
	P_SLOTS(code)[CODE_FILE] = p->cur_file;
	vm_thread(p, code);
	return code;
}

static struct fn *fn_new(struct cx *c, val name)
{
	struct fn *f = raw(c->p, sizeof *f);
	memset(f, 0, sizeof *f);
	f->p = c->p;
	f->up = c->fn;
	f->name = name;
	f->setvars = P_NIL;
	return f;
}

/* Compiles a lambda; leaves the closure in acc and returns the finished
 * function (its captures tell the caller what to patch). */
static struct fn *comp_lambda(struct cx *c, val formals, val body, struct scope *sc,
			      val name, val whole, struct scope *patch_scope)
{
	P *p = c->p;
	struct fn *parent = c->fn;
	struct fn *f = fn_new(c, name ? syntax_strip(p, name) : P_FALSE);
	f->patch_scope = patch_scope;
	prescan_set(p, body, &f->setvars, 0);
	int nreq = 0, rest = 0;
	for (val l = formals; ; l = P_CDR(l)) {
		if (IS_IDENT(l)) {
			rest = 1;
			break;
		}
		if (l == P_NIL)
			break;
		if (!P_IS_PAIR(l) || !IS_IDENT(P_CAR(l)))
			bad(c, "lambda", whole);
		for (val k = P_CDR(l); P_IS_PAIR(k); k = P_CDR(k))
			if (P_CAR(k) == P_CAR(l))
				bad(c, "lambda: duplicate parameter", whole);
		nreq++;
	}
	val code;
	do {
		fn_reset(f);
		c->fn = f;
		struct scope *s = scope_new(p, sc, f);
		emit_op(f, OP_ENTRY, 4, nreq, rest, 0);
		emit(f, 0);
		val l = formals;
		for (int i = 0; i < nreq + rest; i++) {
			val id = i < nreq ? P_CAR(l) : l;
			struct var *v = scope_add(p, s, id);
			v->slot = f->nslots++;
			v->initialized = 1;
			if (v->boxed)
				emit_op(f, OP_MKBOX, 1, v->slot, 0, 0);
			if (i < nreq)
				l = P_CDR(l);
		}
		comp_body(c, body, s, 1, whole);
		c->fn = parent;
	} while (f->restart);
	f->code[3] = f->nslots;
	f->code[4] = f->maxdepth + 4;
	code = make_code(c, f, nreq, rest);
	for (int i = 0; i < f->ncaps; i++) {
		load_raw(c, f->caps[i]);
		emit(parent, OP_PUSH);
		depth(parent, 1);
	}
	emit_op(parent, OP_CLOSURE, 2, add_const(parent, code), f->ncaps, 0);
	depth(parent, -f->ncaps);
	return f;
}

static void comp_lambda_form(struct cx *c, val x, struct scope *sc, int tail, val name)
{
	if (list_length(x) < 3)
		bad(c, "lambda", x);
	note_line(c, x);
	comp_lambda(c, P_CAR(P_CDR(x)), P_CDR(P_CDR(x)), sc, name, x, NULL);
	emit_ret(c->fn, tail);
}

static void comp_case_lambda(struct cx *c, val x, struct scope *sc, int tail)
{
	struct fn *f = c->fn;
	long n = list_length(P_CDR(x));
	if (n < 0)
		bad(c, "case-lambda", x);
	for (val l = P_CDR(x); l != P_NIL; l = P_CDR(l)) {
		val clause = P_CAR(l);
		if (list_length(clause) < 2)
			bad(c, "case-lambda", x);
		comp_lambda(c, P_CAR(clause), P_CDR(clause), sc, P_FALSE, x, NULL);
		emit(f, OP_PUSH);
		depth(f, 1);
	}
	emit_op(f, OP_CLOSURE, 2, add_const(f, c->p->roots[R_CASE_CODE]), n, 0);
	depth(f, -(int)n);
	emit_ret(f, tail);
}

/* --- let family --- */

static void comp_let(struct cx *c, val x, struct scope *sc, int tail)
{
	P *p = c->p;
	struct fn *f = c->fn;
	if (list_length(x) < 3)
		bad(c, "let", x);
	val bindings = P_CAR(P_CDR(x));
	val body = P_CDR(P_CDR(x));
	if (IS_IDENT(bindings)) {
		/* named let: ((letrec ((name (lambda vars body))) name) inits) */
		val name = bindings;
		if (list_length(x) < 4)
			bad(c, "let", x);
		bindings = P_CAR(P_CDR(P_CDR(x)));
		body = P_CDR(P_CDR(P_CDR(x)));
		val vars = P_NIL, inits = P_NIL;
		if (list_length(bindings) < 0)
			bad(c, "let", x);
		for (val b = bindings; b != P_NIL; b = P_CDR(b)) {
			if (list_length(P_CAR(b)) != 2 || !IS_IDENT(P_CAR(P_CAR(b))))
				bad(c, "let", x);
			vars = p_cons(p, P_CAR(P_CAR(b)), vars);
			inits = p_cons(p, P_CAR(P_CDR(P_CAR(b))), inits);
		}
		vars = core_list_reverse(vars, P_NIL);
		inits = core_list_reverse(inits, P_NIL);
		val lam = p_cons(p, special(p, SF_LAMBDA), p_cons(p, vars, body));
		val lr = L3(p, special(p, SF_LETREC), p_cons(p, L2(p, name, lam), P_NIL), name);
		val call = p_cons(p, lr, inits);
		p_note_line(p, call, line_of(p, x));
		comp(c, call, sc, tail);
		return;
	}
	if (list_length(bindings) < 0)
		bad(c, "let", x);
	int n = 0;
	for (val b = bindings; b != P_NIL; b = P_CDR(b), n++) {
		val bd = P_CAR(b);
		if (list_length(bd) != 2 || !IS_IDENT(P_CAR(bd)))
			bad(c, "let", x);
	}
	/* evaluate inits into fresh slots, then bring them into scope */
	struct scope *s = scope_new(p, sc, f);
	int base = f->nslots;
	f->nslots += n;
	int i = 0;
	for (val b = bindings; b != P_NIL; b = P_CDR(b), i++) {
		comp(c, P_CAR(P_CDR(P_CAR(b))), sc, 0);
		emit_op(f, OP_SETLOCAL, 1, base + i, 0, 0);
	}
	i = 0;
	for (val b = bindings; b != P_NIL; b = P_CDR(b), i++) {
		struct var *v = scope_add(p, s, P_CAR(P_CAR(b)));
		v->slot = base + i;
		v->initialized = 1;
		if (v->boxed)
			emit_op(f, OP_MKBOX, 1, v->slot, 0, 0);
	}
	comp_body(c, body, s, tail, x);
}

/* One binding of a letrec group or body. */
struct item {
	struct var *var;	/* NULL: an expression */
	val init;
};

struct pending {
	int clo_slot, index;
	struct var *target;
};

static int is_lambda_form(struct cx *c, val x, struct scope *sc)
{
	struct res r = head_of(c, x, sc);
	return r.kind == RES_SPECIAL && r.code == SF_LAMBDA &&
	       list_length(x) >= 3;
}

/* Compiles items in order as letrec*; vars are already in scope s. */
static void comp_items(struct cx *c, struct item *items, int n, struct scope *s,
		       int tail, val whole)
{
	P *p = c->p;
	struct fn *f = c->fn;
	for (int i = 0; i < n; i++) {
		struct var *v = items[i].var;
		if (!v)
			continue;
		v->slot = f->nslots++;
		v->letrec = 1;
		v->lambda_init = !v->boxed && is_lambda_form(c, items[i].init, s);
		if (v->boxed) {
			emit_const(f, P_UNBOUND);
			emit_op(f, OP_SETLOCAL, 1, v->slot, 0, 0);
			emit_op(f, OP_MKBOX, 1, v->slot, 0, 0);
		}
	}
	struct pending *pend = NULL;
	int npend = 0, cappend = 0;
	int last_expr = -1;
	for (int i = 0; i < n; i++)
		if (!items[i].var)
			last_expr = i;
	for (int i = 0; i < n; i++) {
		struct var *v = items[i].var;
		val init = items[i].init;
		if (!v) {
			comp(c, init, s, tail && i == n - 1);
			continue;
		}
		if (v->lambda_init && !v->boxed) {
			note_line(c, init);
			struct fn *lf = comp_lambda(c, P_CAR(P_CDR(init)),
						    P_CDR(P_CDR(init)), s,
						    v->id, init, s);
			emit_op(f, OP_SETLOCAL, 1, v->slot, 0, 0);
			for (int j = 0; j < lf->ncaps; j++) {
				struct var *t = lf->caps[j];
				if (t->fn == f && t->scope == s && !t->initialized) {
					pend = grow(p, pend, sizeof *pend, &cappend, npend + 1);
					pend[npend].clo_slot = v->slot;
					pend[npend].index = j;
					pend[npend].target = t;
					npend++;
				}
			}
			v->initialized = 1;
			for (int k = 0; k < npend; k++)
				if (pend[k].target == v) {
					emit_op(f, OP_PATCH, 3, pend[k].clo_slot,
						pend[k].index, v->slot);
					pend[k].target = NULL;
				}
		} else {
			comp(c, init, s, 0);
			emit_op(f, v->boxed ? OP_SETLOCALBOX : OP_SETLOCAL, 1,
				v->slot, 0, 0);
			v->initialized = 1;
		}
	}
	(void)whole;
	if (last_expr != n - 1) {
		emit_const(f, P_VOID);
		emit_ret(f, tail);
	}
}

static void comp_letrec(struct cx *c, val x, struct scope *sc, int tail)
{
	P *p = c->p;
	if (list_length(x) < 3 || list_length(P_CAR(P_CDR(x))) < 0)
		bad(c, "letrec", x);
	val bindings = P_CAR(P_CDR(x));
	long n = list_length(bindings);
	struct scope *s = scope_new(p, sc, c->fn);
	struct item *items = raw(p, sizeof(struct item) * (size_t)(n + 1));
	int i = 0;
	for (val b = bindings; b != P_NIL; b = P_CDR(b), i++) {
		if (list_length(P_CAR(b)) != 2 || !IS_IDENT(P_CAR(P_CAR(b))))
			bad(c, "letrec", x);
		items[i].var = scope_add(p, s, P_CAR(P_CAR(b)));
		items[i].init = P_CAR(P_CDR(P_CAR(b)));
	}
	comp_items(c, items, i, s, 0, x);
	comp_body(c, P_CDR(P_CDR(x)), s, tail, x);
}

/* --- definitions and bodies --- */

/* (define id expr) / (define (id . formals) body...) -> id, init */
static void parse_define(struct cx *c, val x, val *id, val *init)
{
	P *p = c->p;
	if (list_length(x) < 2)
		bad(c, "define", x);
	val target = P_CAR(P_CDR(x));
	if (IS_IDENT(target)) {
		long n = list_length(x);
		if (n == 2)
			*init = p_cons(p, special(p, SF_QUOTE), p_cons(p, P_VOID, P_NIL));
		else if (n == 3)
			*init = P_CAR(P_CDR(P_CDR(x)));
		else
			bad(c, "define", x);
		*id = target;
		return;
	}
	/* curried define: (define ((f a) b) ...) */
	if (!P_IS_PAIR(target) || list_length(x) < 3)
		bad(c, "define", x);
	val body = P_CDR(P_CDR(x));
	while (P_IS_PAIR(P_CAR(target))) {
		body = p_cons(p, p_cons(p, special(p, SF_LAMBDA),
					p_cons(p, P_CDR(target), body)), P_NIL);
		target = P_CAR(target);
	}
	if (!IS_IDENT(P_CAR(target)))
		bad(c, "define", x);
	*id = P_CAR(target);
	*init = p_cons(p, special(p, SF_LAMBDA), p_cons(p, P_CDR(target), body));
	p_note_line(p, *init, line_of(p, x));
}

static val expand_define_values(struct cx *c, val x)
{
	P *p = c->p;
	if (list_length(x) != 3)
		bad(c, "define-values", x);
	val formals = P_CAR(P_CDR(x));
	val expr = P_CAR(P_CDR(P_CDR(x)));
	val tmp = p_gensym(p, "vals");
	val thunk = L3(p, special(p, SF_LAMBDA), P_NIL, expr);
	val forms = P_NIL;
	forms = p_cons(p, L3(p, special(p, SF_DEFINE), tmp,
			     L3(p, sys(p, "call-with-values"), thunk, sys(p, "list"))), forms);
	long i = 0;
	val l = formals;
	for (; P_IS_PAIR(l); l = P_CDR(l), i++) {
		if (!IS_IDENT(P_CAR(l)))
			bad(c, "define-values", x);
		forms = p_cons(p, L3(p, special(p, SF_DEFINE), P_CAR(l),
				     L3(p, sys(p, "list-ref"), tmp, P_FIX(i))), forms);
	}
	if (IS_IDENT(l))
		forms = p_cons(p, L3(p, special(p, SF_DEFINE), l,
				     L3(p, sys(p, "list-tail"), tmp, P_FIX(i))), forms);
	else if (l != P_NIL)
		bad(c, "define-values", x);
	return p_cons(p, special(p, SF_BEGIN), core_list_reverse(forms, P_NIL));
}

static val quoted(P *p, val x)
{
	return L2(p, special(p, SF_QUOTE), x);
}

static val expand_record_type(struct cx *c, val x)
{
	P *p = c->p;
	if (list_length(x) < 4)
		bad(c, "define-record-type", x);
	val tname = P_CAR(P_CDR(x));
	val ctor = P_CAR(P_CDR(P_CDR(x)));
	val pred = P_CAR(P_CDR(P_CDR(P_CDR(x))));
	val fields = P_CDR(P_CDR(P_CDR(P_CDR(x))));
	if (P_IS_PAIR(tname))
		tname = P_CAR(tname);
	if (!IS_IDENT(tname) || !IS_IDENT(pred))
		bad(c, "define-record-type", x);
	val fnames = P_NIL;
	for (val l = fields; l != P_NIL; l = P_CDR(l)) {
		val fs = P_CAR(l);
		if (IS_IDENT(fs))
			fs = p_cons(p, fs, P_NIL);
		if (list_length(fs) < 1 || list_length(fs) > 3 || !IS_IDENT(P_CAR(fs)))
			bad(c, "define-record-type", x);
		fnames = p_cons(p, syntax_strip(p, P_CAR(fs)), fnames);
	}
	fnames = core_list_reverse(fnames, P_NIL);
	val def = special(p, SF_DEFINE);
	val forms = P_NIL;
	forms = p_cons(p, L3(p, def, tname,
			     L3(p, sys(p, "%make-record-type"),
				quoted(p, syntax_strip(p, tname)), quoted(p, fnames))), forms);
	if (P_IS_PAIR(ctor) || IS_IDENT(ctor)) {
		val cname = P_IS_PAIR(ctor) ? P_CAR(ctor) : ctor;
		val cargs = P_IS_PAIR(ctor) ? syntax_strip(p, P_CDR(ctor)) : fnames;
		for (val a = cargs; P_IS_PAIR(a); a = P_CDR(a)) {
			int found = 0;
			for (val fl = fnames; fl != P_NIL; fl = P_CDR(fl))
				found |= P_CAR(fl) == P_CAR(a);
			if (!found)
				bad(c, "define-record-type: constructor field is not a field", x);
		}
		forms = p_cons(p, L3(p, def, cname,
				     p_list(p, 4, sys(p, "%record-constructor"), tname,
					    quoted(p, cargs), quoted(p, syntax_strip(p, cname)))), forms);
	} else if (ctor != P_FALSE) {
		bad(c, "define-record-type", x);
	}
	forms = p_cons(p, L3(p, def, pred,
			     L3(p, sys(p, "%record-predicate"), tname,
				quoted(p, syntax_strip(p, pred)))), forms);
	for (val l = fields; l != P_NIL; l = P_CDR(l)) {
		val fs = P_CAR(l);
		if (!P_IS_PAIR(fs))
			continue;
		val fname = quoted(p, syntax_strip(p, P_CAR(fs)));
		if (P_CDR(fs) != P_NIL)
			forms = p_cons(p, L3(p, def, P_CAR(P_CDR(fs)),
					     p_list(p, 4, sys(p, "%record-accessor"), tname, fname,
						    quoted(p, syntax_strip(p, P_CAR(P_CDR(fs)))))), forms);
		if (P_CDR(fs) != P_NIL && P_CDR(P_CDR(fs)) != P_NIL)
			forms = p_cons(p, L3(p, def, P_CAR(P_CDR(P_CDR(fs))),
					     p_list(p, 4, sys(p, "%record-modifier"), tname, fname,
						    quoted(p, syntax_strip(p, P_CAR(P_CDR(P_CDR(fs))))))), forms);
	}
	return p_cons(p, special(p, SF_BEGIN), core_list_reverse(forms, P_NIL));
}

static val macro_for(struct cx *c, val spec, struct scope *sc, val whole)
{
	struct res r = head_of(c, spec, sc);
	if (r.kind == RES_SPECIAL && r.code == SF_SYNTAX_RULES)
		return macro_make(c->p, spec, c->env, sc);
	bad(c, "define-syntax: expected syntax-rules", whole);
}

static val expand_use(struct cx *c, val m, val x, struct scope *sc)
{
	val e = macro_expand(c->p, m, x, c->env, sc);
	if (P_IS_PAIR(e) && !line_of(c->p, e))
		p_note_line(c->p, e, line_of(c->p, x));
	return e;
}

static void comp_body(struct cx *c, val body, struct scope *sc, int tail, val whole)
{
	P *p = c->p;
	if (list_length(body) < 1)
		bad(c, "body", whole);
	struct scope *s = scope_new(p, sc, c->fn);
	struct item *items = NULL;
	int n = 0, cap = 0;
	val queue = body;
	while (queue != P_NIL) {
		val x = P_CAR(queue);
		queue = P_CDR(queue);
		struct res r = head_of(c, x, s);
		if (r.kind == RES_MACRO) {
			queue = p_cons(p, expand_use(c, r.b, x, s), queue);
			continue;
		}
		if (r.kind == RES_SPECIAL) {
			val add = 0;
			switch (r.code) {
			case SF_BEGIN:
				if (list_length(x) < 1)
					bad(c, "begin", x);
				add = P_CDR(x);
				break;
			case SF_DEFINE_VALUES:
				add = p_cons(p, expand_define_values(c, x), P_NIL);
				break;
			case SF_DEFINE_RECORD_TYPE:
				add = p_cons(p, expand_record_type(c, x), P_NIL);
				break;
			case SF_INCLUDE:
			case SF_INCLUDE_CI:
				add = include_forms(c, x, r.code == SF_INCLUDE_CI);
				break;
			case SF_COND_EXPAND:
				add = cond_expand_body(c, x);
				break;
			case SF_DEFINE_SYNTAX: {
				if (list_length(x) != 3 || !IS_IDENT(P_CAR(P_CDR(x))))
					bad(c, "define-syntax", x);
				struct var *v = scope_add(p, s, P_CAR(P_CDR(x)));
				v->macro = macro_for(c, P_CAR(P_CDR(P_CDR(x))), s, x);
				continue;
			}
			case SF_DEFINE: {
				val id, init;
				parse_define(c, x, &id, &init);
				items = grow(p, items, sizeof *items, &cap, n + 1);
				items[n].var = scope_add(p, s, id);
				items[n].init = init;
				n++;
				continue;
			}
			default:
				break;
			}
			if (add) {
				val rev = core_list_reverse(syntax_copy_list(p, add), P_NIL);
				for (; rev != P_NIL; rev = P_CDR(rev))
					queue = p_cons(p, P_CAR(rev), queue);
				continue;
			}
		}
		items = grow(p, items, sizeof *items, &cap, n + 1);
		items[n].var = NULL;
		items[n].init = x;
		n++;
	}
	if (n == 0)
		bad(c, "body: no expression in", whole);
	comp_items(c, items, n, s, tail, whole);
}

val syntax_copy_list(P *p, val l)
{
	val out = P_NIL;
	for (; P_IS_PAIR(l); l = P_CDR(l))
		out = p_cons(p, P_CAR(l), out);
	return core_list_reverse(out, P_NIL);
}

static void comp_let_syntax(struct cx *c, val x, struct scope *sc, int tail, int rec)
{
	P *p = c->p;
	if (list_length(x) < 3 || list_length(P_CAR(P_CDR(x))) < 0)
		bad(c, rec ? "letrec-syntax" : "let-syntax", x);
	struct scope *s = scope_new(p, sc, c->fn);
	for (val b = P_CAR(P_CDR(x)); b != P_NIL; b = P_CDR(b)) {
		val bd = P_CAR(b);
		if (list_length(bd) != 2 || !IS_IDENT(P_CAR(bd)))
			bad(c, rec ? "letrec-syntax" : "let-syntax", x);
		struct var *v = scope_add(p, s, P_CAR(bd));
		v->macro = macro_for(c, P_CAR(P_CDR(bd)), rec ? s : sc, x);
	}
	comp_body(c, P_CDR(P_CDR(x)), s, tail, x);
}

/* --- quasiquote --- */

static int qq_kind(struct cx *c, val x, struct scope *sc, int code)
{
	struct res r = head_of(c, x, sc);
	return r.kind == RES_SPECIAL && r.code == code && list_length(x) == 2;
}

static val qq(struct cx *c, val x, struct scope *sc, int depth)
{
	P *p = c->p;
	if (P_IS_PAIR(x)) {
		if (qq_kind(c, x, sc, SF_UNQUOTE)) {
			if (depth == 1)
				return P_CAR(P_CDR(x));
			return L3(p, sys(p, "list"), quoted(p, sym_intern_cstr(p, "unquote")),
				  qq(c, P_CAR(P_CDR(x)), sc, depth - 1));
		}
		if (qq_kind(c, x, sc, SF_QUASIQUOTE))
			return L3(p, sys(p, "list"), quoted(p, sym_intern_cstr(p, "quasiquote")),
				  qq(c, P_CAR(P_CDR(x)), sc, depth + 1));
		val a = P_CAR(x);
		if (qq_kind(c, a, sc, SF_UNQUOTE_SPLICING)) {
			val rest = qq(c, P_CDR(x), sc, depth);
			if (depth == 1)
				return L3(p, sys(p, "append"), P_CAR(P_CDR(a)), rest);
			return L3(p, sys(p, "cons"),
				  L3(p, sys(p, "list"), quoted(p, sym_intern_cstr(p, "unquote-splicing")),
				     qq(c, P_CAR(P_CDR(a)), sc, depth - 1)), rest);
		}
		return L3(p, sys(p, "cons"), qq(c, a, sc, depth), qq(c, P_CDR(x), sc, depth));
	}
	if (P_IS_VECTOR(x)) {
		val l = P_NIL;
		for (size_t i = P_VEC_LEN(x); i > 0; i--)
			l = p_cons(p, P_VEC(x)[i - 1], l);
		return L2(p, sys(p, "list->vector"), qq(c, l, sc, depth));
	}
	return quoted(p, x);
}

/* --- dispatch --- */

static void comp_special(struct cx *c, int code, val x, struct scope *sc, int tail)
{
	P *p = c->p;
	note_line(c, x);
	switch (code) {
	case SF_QUOTE:
		if (list_length(x) != 2)
			bad(c, "quote", x);
		comp_quote(c, P_CAR(P_CDR(x)), tail);
		return;
	case SF_QUASIQUOTE:
		if (list_length(x) != 2)
			bad(c, "quasiquote", x);
		comp(c, qq(c, P_CAR(P_CDR(x)), sc, 1), sc, tail);
		return;
	case SF_LAMBDA:
		comp_lambda_form(c, x, sc, tail, 0);
		return;
	case SF_IF:
		comp_if(c, x, sc, tail);
		return;
	case SF_SET:
		comp_set(c, x, sc, tail);
		return;
	case SF_BEGIN:
		check_list(c, "begin", P_CDR(x), 1);
		comp_seq(c, P_CDR(x), sc, tail, x);
		return;
	case SF_LET:
		comp_let(c, x, sc, tail);
		return;
	case SF_LETREC:
	case SF_LETREC_STAR:
		comp_letrec(c, x, sc, tail);
		return;
	case SF_LET_SYNTAX:
	case SF_LETREC_SYNTAX:
		comp_let_syntax(c, x, sc, tail, code == SF_LETREC_SYNTAX);
		return;
	case SF_CASE_LAMBDA:
		comp_case_lambda(c, x, sc, tail);
		return;
	case SF_INCLUDE:
	case SF_INCLUDE_CI:
		comp_seq(c, include_forms(c, x, code == SF_INCLUDE_CI), sc, tail, x);
		return;
	case SF_COND_EXPAND:
		comp_seq(c, cond_expand_body(c, x), sc, tail, x);
		return;
	case SF_SYNTAX_ERROR: {
		val msg = list_length(x) >= 2 ? P_CAR(P_CDR(x)) : str_c(p, "syntax-error");
		if (!P_IS_STRING(msg))
			bad(c, "syntax-error", x);
		err_raise(p, err_make(p, PE_ERROR, msg,
				      syntax_strip(p, P_CDR(P_CDR(x)))));
	}
	case SF_DEFINE:
	case SF_DEFINE_SYNTAX:
	case SF_DEFINE_VALUES:
	case SF_DEFINE_RECORD_TYPE:
	case SF_IMPORT:
	case SF_DEFINE_LIBRARY:
		bad(c, "definition not allowed here", x);
	default:
		bad(c, "misplaced keyword", x);
	}
}

static void comp(struct cx *c, val x, struct scope *sc, int tail)
{
	if (IS_IDENT(x)) {
		comp_ref(c, x, sc, tail);
		return;
	}
	if (!P_IS_PAIR(x)) {
		if (x == P_NIL)
			bad(c, "empty application", x);
		if (P_HAS_TYPE(x, T_SYNTAX))
			bad(c, "misplaced keyword", x);
		comp_quote(c, x, tail);
		return;
	}
	struct res r = head_of(c, x, sc);
	if (r.kind == RES_SPECIAL) {
		comp_special(c, r.code, x, sc, tail);
		return;
	}
	if (r.kind == RES_MACRO) {
		comp(c, expand_use(c, r.b, x, sc), sc, tail);
		return;
	}
	comp_args_call(c, x, sc, tail);
}

/* --- top level --- */

void comp_top_seq(struct cx *c, val forms, int tail, val whole)
{
	if (forms == P_NIL) {
		emit_const(c->fn, P_VOID);
		emit_ret(c->fn, tail);
		return;
	}
	if (list_length(forms) < 0)
		bad(c, "begin", whole);
	for (; forms != P_NIL; forms = P_CDR(forms))
		comp_top(c, P_CAR(forms), tail && P_CDR(forms) == P_NIL);
}

void comp_top(struct cx *c, val x, int tail)
{
	P *p = c->p;
	struct fn *f = c->fn;
	struct res r = head_of(c, x, NULL);
	if (r.kind == RES_MACRO) {
		comp_top(c, expand_use(c, r.b, x, NULL), tail);
		return;
	}
	if (r.kind != RES_SPECIAL) {
		comp(c, x, NULL, tail);
		return;
	}
	note_line(c, x);
	switch (r.code) {
	case SF_BEGIN:
		comp_top_seq(c, P_CDR(x), tail, x);
		return;
	case SF_DEFINE: {
		val id, init;
		parse_define(c, x, &id, &init);
		val cell = env_define_cell(p, c->env, ident_symbol(id));
		if (is_lambda_form(c, init, NULL)) {
			note_line(c, init);
			comp_lambda(c, P_CAR(P_CDR(init)), P_CDR(P_CDR(init)), NULL,
				    id, init, NULL);
		} else {
			comp(c, init, NULL, 0);
		}
		emit_op(f, OP_DEFGLOBAL, 1, add_const(f, cell), 0, 0);
		emit_ret(f, tail);
		return;
	}
	case SF_DEFINE_SYNTAX:
		if (list_length(x) != 3 || !IS_IDENT(P_CAR(P_CDR(x))))
			bad(c, "define-syntax", x);
		env_bind(p, c->env, ident_symbol(P_CAR(P_CDR(x))),
			 macro_for(c, P_CAR(P_CDR(P_CDR(x))), NULL, x));
		emit_const(f, P_VOID);
		emit_ret(f, tail);
		return;
	case SF_DEFINE_VALUES:
		comp_top(c, expand_define_values(c, x), tail);
		return;
	case SF_DEFINE_RECORD_TYPE:
		comp_top(c, expand_record_type(c, x), tail);
		return;
	case SF_INCLUDE:
	case SF_INCLUDE_CI:
		comp_top_seq(c, include_forms(c, x, r.code == SF_INCLUDE_CI), tail, x);
		return;
	case SF_COND_EXPAND:
		comp_top_seq(c, cond_expand_body(c, x), tail, x);
		return;
	case SF_IMPORT: {
		val libs = lib_import(p, c->env, P_CDR(x));
		val forms = P_NIL;
		for (; libs != P_NIL; libs = P_CDR(libs))
			forms = p_cons(p, L2(p, sys(p, "%library-run"),
					     quoted(p, P_CAR(libs))), forms);
		comp_seq(c, forms, NULL, tail, x);
		return;
	}
	case SF_DEFINE_LIBRARY:
		lib_define(p, x, c->env);
		emit_const(f, P_VOID);
		emit_ret(f, tail);
		return;
	default:
		comp_special(c, r.code, x, NULL, tail);
	}
}

val compile_toplevel(P *p, val x, val env)
{
	long saved_serial = p->compile_serial;
	p->compile_serial = ++p->serial_next;
	struct cx c = { .p = p, .env = env, .fn = NULL };
	struct fn *f = fn_new(&c, P_FALSE);
	prescan_set(p, x, &f->setvars, 0);
	do {
		/* again when a let variable turned out to be assigned */
		fn_reset(f);
		c.fn = f;
		emit_op(f, OP_ENTRY, 4, 0, 0, 0);
		emit(f, 0);
		comp_top(&c, x, 1);
	} while (f->restart);
	f->code[3] = f->nslots;
	f->code[4] = f->maxdepth + 4;
	val code = make_code(&c, f, 0, 0);
	val clo = p_alloc(p, T_CLOSURE, sizeof(val));
	P_SLOTS(clo)[0] = code;
	p->compile_serial = saved_serial;
	return clo;
}

/* A library body: like a top-level begin in the library's environment. */
val compile_body_forms(P *p, val forms, val env)
{
	return compile_toplevel(p, p_cons(p, special(p, SF_BEGIN), forms), env);
}
