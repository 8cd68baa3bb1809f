/*
 * scope.c - lexical scopes of the function being compiled, resolution of
 * identifiers (through the expander's aliases) to locals, globals, special
 * forms and macros, and the captures of flat closures.
 */
#include "core.h"
#include "compile_int.h"

struct scope *scope_new(P *p, struct scope *up, struct fn *fn)
{
	struct scope *s = comp_raw(p, sizeof *s);
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

struct var *scope_add(P *p, struct scope *s, val id)
{
	struct var *v = comp_raw(p, sizeof *v);
	memset(v, 0, sizeof *v);
	v->id = id;
	v->fn = s->fn;
	v->scope = s;
	v->slot = -1;
	if (s->fn) {
		struct fn *f = s->fn;
		v->num = f->nbind++;
		f->boxset = comp_grow(p, f->boxset, 1, &f->boxcap, f->nbind);
		if (f->nbind > f->boxknown) {
			f->boxset[v->num] = 0;
			f->boxknown = f->nbind;
		}
		v->boxed = f->boxset[v->num] || in_list(id, f->setvars);
	}
	s->vars = comp_grow(p, s->vars, sizeof(struct var *), &s->cap, s->n + 1);
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

struct res resolve_head(struct cx *c, val x, struct scope *sc)
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

void var_box_and_restart(struct var *v)
{
	struct fn *f = v->fn;
	f->boxset[v->num] = 1;
	f->restart = 1;
}

int fn_capture_index(struct fn *f, struct var *v)
{
	for (int i = 0; i < f->ncaps; i++)
		if (f->caps[i] == v)
			return i;
	if (f->up == v->fn && v->letrec && !v->initialized && !v->boxed &&
	    !(v->lambda_init && f->patch_scope == v->scope))
		var_box_and_restart(v);
	if (f->up != v->fn)
		fn_capture_index(f->up, v);
	f->caps = comp_grow(f->p, f->caps, sizeof(struct var *), &f->capcaps, f->ncaps + 1);
	f->caps[f->ncaps] = v;
	return f->ncaps++;
}

void emit_load_raw(struct cx *c, struct var *v)
{
	if (v->fn == c->fn)
		emit_op(c->fn, OP_LOCAL, 1, v->slot, 0, 0);
	else
		emit_op(c->fn, OP_FREE, 1, fn_capture_index(c->fn, v), 0, 0);
}

void emit_load_var(struct cx *c, struct var *v)
{
	if (v->fn == c->fn)
		emit_op(c->fn, v->boxed ? OP_LOCALBOX : OP_LOCAL, 1, v->slot, 0, 0);
	else
		emit_op(c->fn, v->boxed ? OP_FREEBOX : OP_FREE, 1,
			fn_capture_index(c->fn, v), 0, 0);
}
