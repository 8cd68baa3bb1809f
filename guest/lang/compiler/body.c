/*
 * body.c - binding forms and bodies: let, named let, letrec(*), let-syntax,
 * and bodies with internal definitions, which are compiled as letrec*.
 *
 * A letrec-bound lambda is created before the variables it refers to are
 * initialised; its captured slots are patched (OP_PATCH) once they are.
 */
#include "core.h"
#include "compile_int.h"

void comp_let(struct cx *c, val x, struct scope *sc, int tail)
{
	P *p = c->p;
	struct fn *f = c->fn;
	if (list_length(x) < 3)
		comp_bad(c, "let", x);
	val bindings = P_CAR(P_CDR(x));
	val body = P_CDR(P_CDR(x));
	if (IS_IDENT(bindings)) {
		/* named let: ((letrec ((name (lambda vars body))) name) inits) */
		val name = bindings;
		if (list_length(x) < 4)
			comp_bad(c, "let", x);
		bindings = P_CAR(P_CDR(P_CDR(x)));
		body = P_CDR(P_CDR(P_CDR(x)));
		val vars = P_NIL, inits = P_NIL;
		if (list_length(bindings) < 0)
			comp_bad(c, "let", x);
		for (val b = bindings; b != P_NIL; b = P_CDR(b)) {
			if (list_length(P_CAR(b)) != 2 || !IS_IDENT(P_CAR(P_CAR(b))))
				comp_bad(c, "let", x);
			vars = p_cons(p, P_CAR(P_CAR(b)), vars);
			inits = p_cons(p, P_CAR(P_CDR(P_CAR(b))), inits);
		}
		vars = core_list_reverse(vars, P_NIL);
		inits = core_list_reverse(inits, P_NIL);
		val lam = p_cons(p, special(p, SF_LAMBDA), p_cons(p, vars, body));
		val lr = comp_list3(p, special(p, SF_LETREC), p_cons(p, comp_list2(p, name, lam), P_NIL), name);
		val call = p_cons(p, lr, inits);
		p_note_line(p, call, line_of(p, x));
		comp(c, call, sc, tail);
		return;
	}
	if (list_length(bindings) < 0)
		comp_bad(c, "let", x);
	int n = 0;
	for (val b = bindings; b != P_NIL; b = P_CDR(b), n++) {
		val bd = P_CAR(b);
		if (list_length(bd) != 2 || !IS_IDENT(P_CAR(bd)))
			comp_bad(c, "let", x);
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

int comp_is_lambda_form(struct cx *c, val x, struct scope *sc)
{
	struct res r = resolve_head(c, x, sc);
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
		v->lambda_init = !v->boxed && comp_is_lambda_form(c, items[i].init, s);
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
			emit_line(c, init);
			struct fn *lf = comp_lambda(c, P_CAR(P_CDR(init)),
						    P_CDR(P_CDR(init)), s,
						    v->id, init, s);
			emit_op(f, OP_SETLOCAL, 1, v->slot, 0, 0);
			for (int j = 0; j < lf->ncaps; j++) {
				struct var *t = lf->caps[j];
				if (t->fn == f && t->scope == s && !t->initialized) {
					pend = comp_grow(p, pend, sizeof *pend, &cappend, npend + 1);
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

void comp_letrec(struct cx *c, val x, struct scope *sc, int tail)
{
	P *p = c->p;
	if (list_length(x) < 3 || list_length(P_CAR(P_CDR(x))) < 0)
		comp_bad(c, "letrec", x);
	val bindings = P_CAR(P_CDR(x));
	long n = list_length(bindings);
	struct scope *s = scope_new(p, sc, c->fn);
	struct item *items = comp_raw(p, sizeof(struct item) * (size_t)(n + 1));
	int i = 0;
	for (val b = bindings; b != P_NIL; b = P_CDR(b), i++) {
		if (list_length(P_CAR(b)) != 2 || !IS_IDENT(P_CAR(P_CAR(b))))
			comp_bad(c, "letrec", x);
		items[i].var = scope_add(p, s, P_CAR(P_CAR(b)));
		items[i].init = P_CAR(P_CDR(P_CAR(b)));
	}
	comp_items(c, items, i, s, 0, x);
	comp_body(c, P_CDR(P_CDR(x)), s, tail, x);
}

val comp_macro_for(struct cx *c, val spec, struct scope *sc, val whole)
{
	struct res r = resolve_head(c, spec, sc);
	if (r.kind == RES_SPECIAL && r.code == SF_SYNTAX_RULES)
		return macro_make(c->p, spec, c->env, sc);
	comp_bad(c, "define-syntax: expected syntax-rules", whole);
}

val comp_expand_use(struct cx *c, val m, val x, struct scope *sc)
{
	val e = macro_expand(c->p, m, x, c->env, sc);
	if (P_IS_PAIR(e) && !line_of(c->p, e))
		p_note_line(c->p, e, line_of(c->p, x));
	return e;
}

void comp_body(struct cx *c, val body, struct scope *sc, int tail, val whole)
{
	P *p = c->p;
	if (list_length(body) < 1)
		comp_bad(c, "body", whole);
	struct scope *s = scope_new(p, sc, c->fn);
	struct item *items = NULL;
	int n = 0, cap = 0;
	val queue = body;
	while (queue != P_NIL) {
		val x = P_CAR(queue);
		queue = P_CDR(queue);
		struct res r = resolve_head(c, x, s);
		if (r.kind == RES_MACRO) {
			queue = p_cons(p, comp_expand_use(c, r.b, x, s), queue);
			continue;
		}
		if (r.kind == RES_SPECIAL) {
			val add = 0;
			switch (r.code) {
			case SF_BEGIN:
				if (list_length(x) < 1)
					comp_bad(c, "begin", x);
				add = P_CDR(x);
				break;
			case SF_DEFINE_VALUES:
				add = p_cons(p, derive_define_values(c, x), P_NIL);
				break;
			case SF_DEFINE_RECORD_TYPE:
				add = p_cons(p, derive_record_type(c, x), P_NIL);
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
					comp_bad(c, "define-syntax", x);
				struct var *v = scope_add(p, s, P_CAR(P_CDR(x)));
				v->macro = comp_macro_for(c, P_CAR(P_CDR(P_CDR(x))), s, x);
				continue;
			}
			case SF_DEFINE: {
				val id, init;
				derive_define(c, x, &id, &init);
				items = comp_grow(p, items, sizeof *items, &cap, n + 1);
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
		items = comp_grow(p, items, sizeof *items, &cap, n + 1);
		items[n].var = NULL;
		items[n].init = x;
		n++;
	}
	if (n == 0)
		comp_bad(c, "body: no expression in", whole);
	comp_items(c, items, n, s, tail, whole);
}

void comp_let_syntax(struct cx *c, val x, struct scope *sc, int tail, int rec)
{
	P *p = c->p;
	if (list_length(x) < 3 || list_length(P_CAR(P_CDR(x))) < 0)
		comp_bad(c, rec ? "letrec-syntax" : "let-syntax", x);
	struct scope *s = scope_new(p, sc, c->fn);
	for (val b = P_CAR(P_CDR(x)); b != P_NIL; b = P_CDR(b)) {
		val bd = P_CAR(b);
		if (list_length(bd) != 2 || !IS_IDENT(P_CAR(bd)))
			comp_bad(c, rec ? "letrec-syntax" : "let-syntax", x);
		struct var *v = scope_add(p, s, P_CAR(bd));
		v->macro = comp_macro_for(c, P_CAR(P_CDR(bd)), rec ? s : sc, x);
	}
	comp_body(c, P_CDR(P_CDR(x)), s, tail, x);
}
