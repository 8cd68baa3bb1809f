/*
 * compile.c - expands and compiles Scheme forms to threaded byte code in one
 * pass: expressions, lambda, dispatch on special forms, and the top level.
 * Its helpers: emit.c (code buffers), scope.c (resolution and captures),
 * body.c (binding forms and bodies), derived.c (rewritten forms).
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

_Noreturn void comp_bad(struct cx *c, const char *who, val x)
{
	err_syntax(c->p, who, x);
}

static void comp_check_list(struct cx *c, const char *who, val x, long min)
{
	long n = list_length(x);
	if (n < min)
		comp_bad(c, who, x);
}

static void comp_ref(struct cx *c, val id, struct scope *sc, int tail)
{
	struct res r = resolve(c->p, id, sc, c->env);
	switch (r.kind) {
	case RES_LOCAL:
		emit_load_var(c, r.var);
		break;
	case RES_GLOBAL:
		emit_op(c->fn, OP_GLOBAL, 1, emit_const_index(c->fn, r.b), 0, 0);
		break;
	case RES_UNBOUND:
		emit_op(c->fn, OP_GLOBAL, 1,
			emit_const_index(c->fn, env_ref_cell(c->p, r.env, r.sym)), 0, 0);
		break;
	default:
		comp_bad(c, "keyword used as a variable", ident_symbol(id));
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

/* Compiles x and pushes its value; a plain variable of this frame in one
 * instruction (the value is not left in acc then). */
static void comp_push(struct cx *c, val x, struct scope *sc)
{
	struct fn *f = c->fn;
	if (IS_IDENT(x)) {
		struct res r = resolve(c->p, x, sc, c->env);
		if (r.kind == RES_LOCAL && r.var->fn == f && !r.var->boxed) {
			emit_op(f, OP_PUSHLOCAL, 1, r.var->slot, 0, 0);
			emit_depth(f, 1);
			return;
		}
	}
	comp(c, x, sc, 0);
	emit_word(f, OP_PUSH);
	emit_depth(f, 1);
}

static int inline_op(P *p, val cell, int nargs)
{
	val v = P_SLOTS(cell)[CELL_VALUE];
	if (!P_HAS_TYPE(v, T_PRIMITIVE))
		return -1;
	val tab = p->roots[R_INLINE];
	for (int op = 0; op < OP_COUNT; op++)
		if (vm_ops[op].prim && P_VEC(tab)[op] == v)
			return VM_OP_ARITY(op) == nargs ? op : -1;
	return -1;
}

/* Whether the global cell holds the system's raise or error: these never
 * return, so a call of them in tail position can keep its frame, which
 * the condition and the report cite as where it was raised. */
static int never_returns(P *p, val cell)
{
	static const char *const names[] = { "raise", "error" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (env_lookup(p, p->roots[R_SYSENV], sym_intern_cstr(p, names[i])) == cell)
			return 1;
	return 0;
}

static void comp_args_call(struct cx *c, val x, struct scope *sc, int tail)
{
	struct fn *f = c->fn;
	long n = list_length(P_CDR(x));
	if (n < 0)
		comp_bad(c, "application", x);
	emit_line(c, x);
	val head = P_CAR(x);
	if (tail && IS_IDENT(head)) {
		struct res r = resolve(c->p, head, sc, c->env);
		if (r.kind == RES_GLOBAL && never_returns(c->p, r.b)) {
			comp_args_call(c, x, sc, 0);
			emit_ret(f, 1);
			return;
		}
	}
	if (IS_IDENT(head) && n >= 1 && n <= 3) {
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
				emit_word(f, OP_PUSH);
				emit_depth(f, 1);
				comp(c, a, sc, 0);
				emit_word(f, OP_SWAP);
				emit_depth(f, -1);
			} else {
				val rest = P_CDR(x);
				for (; P_CDR(rest) != P_NIL; rest = P_CDR(rest))
					comp_push(c, P_CAR(rest), sc);
				comp(c, P_CAR(rest), sc, 0);
				emit_depth(f, 1 - (int)n);
			}
			emit_line(c, x);
			emit_op(f, op, 1, emit_const_index(f, r.b), 0, 0);
			emit_ret(f, tail);
			return;
		}
	}
	int fpos = -1;
	if (!tail) {
		emit_op(f, OP_FRAME, 1, 0, 0, 0);
		fpos = f->ncode - 1;
		emit_depth(f, FRAME_WORDS);
	}
	for (val a = P_CDR(x); a != P_NIL; a = P_CDR(a))
		comp_push(c, P_CAR(a), sc);
	comp(c, head, sc, 0);
	emit_line(c, x);
	emit_op(f, tail ? OP_TAILCALL : OP_CALL, 1, n, 0, 0);
	emit_depth(f, -(int)n - (tail ? 0 : FRAME_WORDS));
	if (!tail)
		f->code[fpos] = f->ncode - (fpos + 1);
}

static void comp_if(struct cx *c, val x, struct scope *sc, int tail)
{
	long n = list_length(x);
	if (n != 3 && n != 4)
		comp_bad(c, "if", x);
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
	comp_check_list(c, "begin", body, 1);
	(void)whole;
	for (; body != P_NIL; body = P_CDR(body))
		comp(c, P_CAR(body), sc, tail && P_CDR(body) == P_NIL);
}

static void comp_set(struct cx *c, val x, struct scope *sc, int tail)
{
	if (list_length(x) != 3 || !IS_IDENT(P_CAR(P_CDR(x))))
		comp_bad(c, "set!", x);
	val id = P_CAR(P_CDR(x));
	struct res r = resolve(c->p, id, sc, c->env);
	comp(c, P_CAR(P_CDR(P_CDR(x))), sc, 0);
	struct fn *f = c->fn;
	switch (r.kind) {
	case RES_LOCAL:
		if (!r.var->boxed)
			var_box_and_restart(r.var);
		if (r.var->fn == f)
			emit_op(f, OP_SETLOCALBOX, 1, r.var->slot, 0, 0);
		else
			emit_op(f, OP_SETFREEBOX, 1, fn_capture_index(f, r.var), 0, 0);
		break;
	case RES_GLOBAL:
		if (P_SLOTS(r.b)[CELL_OWNER] != r.env && r.env != c->p->roots[R_SYSENV])
			comp_bad(c, "set!: cannot assign an imported variable", x);
		emit_op(f, OP_SETGLOBAL, 1, emit_const_index(f, r.b), 0, 0);
		break;
	case RES_UNBOUND:
		emit_op(f, OP_SETGLOBAL, 1,
			emit_const_index(f, env_ref_cell(c->p, r.env, r.sym)), 0, 0);
		break;
	default:
		comp_bad(c, "set!", x);
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

struct fn *comp_lambda(struct cx *c, val formals, val body, struct scope *sc,
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
			comp_bad(c, "lambda", whole);
		for (val k = P_CDR(l); P_IS_PAIR(k); k = P_CDR(k))
			if (P_CAR(k) == P_CAR(l))
				comp_bad(c, "lambda: duplicate parameter", whole);
		nreq++;
	}
	val code;
	do {
		fn_reset(f);
		c->fn = f;
		struct scope *s = scope_new(p, sc, f);
		/* the procedure starts where its form does: a message about
		 * an anonymous procedure cites it */
		emit_line(c, whole);
		emit_op(f, OP_ENTRY, 4, nreq, rest, 0);
		emit_word(f, 0);
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
	code = fn_make_code(c, f, nreq, rest);
	for (int i = 0; i < f->ncaps; i++) {
		emit_load_raw(c, f->caps[i]);
		emit_word(parent, OP_PUSH);
		emit_depth(parent, 1);
	}
	if (f->ncaps == 0) {
		/* nothing to capture: one closure serves every evaluation */
		val clo = p_alloc(p, T_CLOSURE, sizeof(val));
		P_SET_SLOT(clo, 0, code);
		emit_op(parent, OP_CONST, 1, emit_const_index(parent, clo), 0, 0);
		return f;
	}
	emit_op(parent, OP_CLOSURE, 2, emit_const_index(parent, code), f->ncaps, 0);
	emit_depth(parent, -f->ncaps);
	return f;
}

static void comp_lambda_form(struct cx *c, val x, struct scope *sc, int tail, val name)
{
	if (list_length(x) < 3)
		comp_bad(c, "lambda", x);
	emit_line(c, x);
	comp_lambda(c, P_CAR(P_CDR(x)), P_CDR(P_CDR(x)), sc, name, x, NULL);
	emit_ret(c->fn, tail);
}

static void comp_case_lambda(struct cx *c, val x, struct scope *sc, int tail)
{
	struct fn *f = c->fn;
	long n = list_length(P_CDR(x));
	if (n < 0)
		comp_bad(c, "case-lambda", x);
	for (val l = P_CDR(x); l != P_NIL; l = P_CDR(l)) {
		val clause = P_CAR(l);
		if (list_length(clause) < 2)
			comp_bad(c, "case-lambda", x);
		comp_lambda(c, P_CAR(clause), P_CDR(clause), sc, P_FALSE, x, NULL);
		emit_word(f, OP_PUSH);
		emit_depth(f, 1);
	}
	emit_op(f, OP_CLOSURE, 2, emit_const_index(f, c->p->roots[R_CASE_CODE]), n, 0);
	emit_depth(f, -(int)n);
	emit_ret(f, tail);
}

/* --- dispatch --- */

static void comp_special(struct cx *c, int code, val x, struct scope *sc, int tail)
{
	P *p = c->p;
	emit_line(c, x);
	switch (code) {
	case SF_QUOTE:
		if (list_length(x) != 2)
			comp_bad(c, "quote", x);
		comp_quote(c, P_CAR(P_CDR(x)), tail);
		return;
	case SF_QUASIQUOTE:
		if (list_length(x) != 2)
			comp_bad(c, "quasiquote", x);
		comp(c, derive_qq(c, P_CAR(P_CDR(x)), sc, 1), sc, tail);
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
		comp_check_list(c, "begin", P_CDR(x), 1);
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
			comp_bad(c, "syntax-error", x);
		err_raise(p, err_make(p, PE_ERROR, msg,
				      syntax_strip(p, P_CDR(P_CDR(x)))));
	}
	case SF_DEFINE:
	case SF_DEFINE_SYNTAX:
	case SF_DEFINE_VALUES:
	case SF_DEFINE_RECORD_TYPE:
	case SF_IMPORT:
	case SF_DEFINE_LIBRARY:
		comp_bad(c, "definition not allowed here", x);
	default:
		comp_bad(c, "misplaced keyword", x);
	}
}

void comp(struct cx *c, val x, struct scope *sc, int tail)
{
	err_check_depth(c->p, "compile", x);
	if (IS_IDENT(x)) {
		comp_ref(c, x, sc, tail);
		return;
	}
	if (!P_IS_PAIR(x)) {
		if (x == P_NIL)
			comp_bad(c, "empty application", x);
		if (P_HAS_TYPE(x, T_SYNTAX))
			comp_bad(c, "misplaced keyword", x);
		comp_quote(c, x, tail);
		return;
	}
	struct res r = resolve_head(c, x, sc);
	if (r.kind == RES_SPECIAL) {
		comp_special(c, r.code, x, sc, tail);
		return;
	}
	if (r.kind == RES_MACRO) {
		comp(c, comp_expand_use(c, r.b, x, sc), sc, tail);
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
		comp_bad(c, "begin", whole);
	for (; forms != P_NIL; forms = P_CDR(forms))
		comp_top(c, P_CAR(forms), tail && P_CDR(forms) == P_NIL);
}

void comp_top(struct cx *c, val x, int tail)
{
	P *p = c->p;
	err_check_depth(p, "compile", x);
	struct fn *f = c->fn;
	struct res r = resolve_head(c, x, NULL);
	if (r.kind == RES_MACRO) {
		comp_top(c, comp_expand_use(c, r.b, x, NULL), tail);
		return;
	}
	if (r.kind != RES_SPECIAL) {
		comp(c, x, NULL, tail);
		return;
	}
	emit_line(c, x);
	switch (r.code) {
	case SF_BEGIN:
		comp_top_seq(c, P_CDR(x), tail, x);
		return;
	case SF_DEFINE: {
		val id, init;
		derive_define(c, x, &id, &init);
		val cell = env_define_cell(p, c->env, ident_symbol(id));
		if (comp_is_lambda_form(c, init, NULL)) {
			emit_line(c, init);
			comp_lambda(c, P_CAR(P_CDR(init)), P_CDR(P_CDR(init)), NULL,
				    id, init, NULL);
		} else {
			comp(c, init, NULL, 0);
		}
		emit_op(f, OP_DEFGLOBAL, 1, emit_const_index(f, cell), 0, 0);
		emit_ret(f, tail);
		return;
	}
	case SF_DEFINE_SYNTAX:
		if (list_length(x) != 3 || !IS_IDENT(P_CAR(P_CDR(x))))
			comp_bad(c, "define-syntax", x);
		env_bind(p, c->env, ident_symbol(P_CAR(P_CDR(x))),
			 comp_macro_for(c, P_CAR(P_CDR(P_CDR(x))), NULL, x));
		emit_const(f, P_VOID);
		emit_ret(f, tail);
		return;
	case SF_DEFINE_VALUES:
		comp_top(c, derive_define_values(c, x), tail);
		return;
	case SF_DEFINE_RECORD_TYPE:
		comp_top(c, derive_record_type(c, x), tail);
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
			forms = p_cons(p, comp_list2(p, sys(p, "%library-run"),
					     comp_quoted(p, P_CAR(libs))), forms);
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
		emit_word(f, 0);
		comp_top(&c, x, 1);
	} while (f->restart);
	f->code[3] = f->nslots;
	f->code[4] = f->maxdepth + 4;
	val code = fn_make_code(&c, f, 0, 0);
	val clo = p_alloc(p, T_CLOSURE, sizeof(val));
	P_SET_SLOT(clo, 0, code);
	p->compile_serial = saved_serial;
	return clo;
}

/* A library body: like a top-level begin in the library's environment. */
val compile_body_forms(P *p, val forms, val env)
{
	return compile_toplevel(p, p_cons(p, special(p, SF_BEGIN), forms), env);
}
