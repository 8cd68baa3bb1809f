/*
 * derived.c - forms the compiler rewrites into simpler ones before
 * compiling them: procedure and curried define, define-values,
 * define-record-type and quasiquote.  The generated code refers to the
 * system environment's procedures through aliases (sys), so user bindings
 * cannot capture them.
 */
#include "core.h"
#include "compile_int.h"

val special(P *p, int code)
{
	return P_VEC(p->roots[R_SPECIALS])[code];
}

val sys(P *p, const char *name)
{
	return alias_make(p, sym_intern_cstr(p, name), p->roots[R_SYSENV], NULL);
}

val comp_list2(P *p, val a, val b)
{
	return p_cons(p, a, p_cons(p, b, P_NIL));
}

val comp_list3(P *p, val a, val b, val c)
{
	return p_cons(p, a, comp_list2(p, b, c));
}

val comp_quoted(P *p, val x)
{
	return comp_list2(p, special(p, SF_QUOTE), x);
}

val syntax_copy_list(P *p, val l)
{
	val out = P_NIL;
	for (; P_IS_PAIR(l); l = P_CDR(l))
		out = p_cons(p, P_CAR(l), out);
	return core_list_reverse(out, P_NIL);
}

/* (define id expr) / (define (id . formals) body...) -> id, init */
void derive_define(struct cx *c, val x, val *id, val *init)
{
	P *p = c->p;
	if (list_length(x) < 2)
		comp_bad(c, "define", x);
	val target = P_CAR(P_CDR(x));
	if (IS_IDENT(target)) {
		long n = list_length(x);
		if (n == 2)
			*init = p_cons(p, special(p, SF_QUOTE), p_cons(p, P_VOID, P_NIL));
		else if (n == 3)
			*init = P_CAR(P_CDR(P_CDR(x)));
		else
			comp_bad(c, "define", x);
		*id = target;
		return;
	}
	/* curried define: (define ((f a) b) ...) */
	if (!P_IS_PAIR(target) || list_length(x) < 3)
		comp_bad(c, "define", x);
	val body = P_CDR(P_CDR(x));
	while (P_IS_PAIR(P_CAR(target))) {
		body = p_cons(p, p_cons(p, special(p, SF_LAMBDA),
					p_cons(p, P_CDR(target), body)), P_NIL);
		target = P_CAR(target);
	}
	if (!IS_IDENT(P_CAR(target)))
		comp_bad(c, "define", x);
	*id = P_CAR(target);
	*init = p_cons(p, special(p, SF_LAMBDA), p_cons(p, P_CDR(target), body));
	p_note_line(p, *init, line_of(p, x));
}

val derive_define_values(struct cx *c, val x)
{
	P *p = c->p;
	if (list_length(x) != 3)
		comp_bad(c, "define-values", x);
	val formals = P_CAR(P_CDR(x));
	val expr = P_CAR(P_CDR(P_CDR(x)));
	val tmp = p_gensym(p, "vals");
	val thunk = comp_list3(p, special(p, SF_LAMBDA), P_NIL, expr);
	val forms = P_NIL;
	forms = p_cons(p, comp_list3(p, special(p, SF_DEFINE), tmp,
			     comp_list3(p, sys(p, "call-with-values"), thunk, sys(p, "list"))), forms);
	long i = 0;
	val l = formals;
	for (; P_IS_PAIR(l); l = P_CDR(l), i++) {
		if (!IS_IDENT(P_CAR(l)))
			comp_bad(c, "define-values", x);
		forms = p_cons(p, comp_list3(p, special(p, SF_DEFINE), P_CAR(l),
				     comp_list3(p, sys(p, "list-ref"), tmp, P_FIX(i))), forms);
	}
	if (IS_IDENT(l))
		forms = p_cons(p, comp_list3(p, special(p, SF_DEFINE), l,
				     comp_list3(p, sys(p, "list-tail"), tmp, P_FIX(i))), forms);
	else if (l != P_NIL)
		comp_bad(c, "define-values", x);
	return p_cons(p, special(p, SF_BEGIN), core_list_reverse(forms, P_NIL));
}

val derive_record_type(struct cx *c, val x)
{
	P *p = c->p;
	if (list_length(x) < 4)
		comp_bad(c, "define-record-type", x);
	val tname = P_CAR(P_CDR(x));
	val ctor = P_CAR(P_CDR(P_CDR(x)));
	val pred = P_CAR(P_CDR(P_CDR(P_CDR(x))));
	val fields = P_CDR(P_CDR(P_CDR(P_CDR(x))));
	if (P_IS_PAIR(tname))
		tname = P_CAR(tname);
	if (!IS_IDENT(tname) || !IS_IDENT(pred))
		comp_bad(c, "define-record-type", x);
	val fnames = P_NIL;
	for (val l = fields; l != P_NIL; l = P_CDR(l)) {
		val fs = P_CAR(l);
		if (IS_IDENT(fs))
			fs = p_cons(p, fs, P_NIL);
		if (list_length(fs) < 1 || list_length(fs) > 3 || !IS_IDENT(P_CAR(fs)))
			comp_bad(c, "define-record-type", x);
		fnames = p_cons(p, syntax_strip(p, P_CAR(fs)), fnames);
	}
	fnames = core_list_reverse(fnames, P_NIL);
	val def = special(p, SF_DEFINE);
	val forms = P_NIL;
	forms = p_cons(p, comp_list3(p, def, tname,
			     comp_list3(p, sys(p, "%make-record-type"),
				comp_quoted(p, syntax_strip(p, tname)), comp_quoted(p, fnames))), forms);
	if (P_IS_PAIR(ctor) || IS_IDENT(ctor)) {
		val cname = P_IS_PAIR(ctor) ? P_CAR(ctor) : ctor;
		val cargs = P_IS_PAIR(ctor) ? syntax_strip(p, P_CDR(ctor)) : fnames;
		for (val a = cargs; P_IS_PAIR(a); a = P_CDR(a)) {
			int found = 0;
			for (val fl = fnames; fl != P_NIL; fl = P_CDR(fl))
				found |= P_CAR(fl) == P_CAR(a);
			if (!found)
				comp_bad(c, "define-record-type: constructor field is not a field", x);
		}
		forms = p_cons(p, comp_list3(p, def, cname,
				     p_list(p, 4, sys(p, "%record-constructor"), tname,
					    comp_quoted(p, cargs), comp_quoted(p, syntax_strip(p, cname)))), forms);
	} else if (ctor != P_FALSE) {
		comp_bad(c, "define-record-type", x);
	}
	forms = p_cons(p, comp_list3(p, def, pred,
			     comp_list3(p, sys(p, "%record-predicate"), tname,
				comp_quoted(p, syntax_strip(p, pred)))), forms);
	for (val l = fields; l != P_NIL; l = P_CDR(l)) {
		val fs = P_CAR(l);
		if (!P_IS_PAIR(fs))
			continue;
		val fname = comp_quoted(p, syntax_strip(p, P_CAR(fs)));
		if (P_CDR(fs) != P_NIL)
			forms = p_cons(p, comp_list3(p, def, P_CAR(P_CDR(fs)),
					     p_list(p, 4, sys(p, "%record-accessor"), tname, fname,
						    comp_quoted(p, syntax_strip(p, P_CAR(P_CDR(fs)))))), forms);
		if (P_CDR(fs) != P_NIL && P_CDR(P_CDR(fs)) != P_NIL)
			forms = p_cons(p, comp_list3(p, def, P_CAR(P_CDR(P_CDR(fs))),
					     p_list(p, 4, sys(p, "%record-modifier"), tname, fname,
						    comp_quoted(p, syntax_strip(p, P_CAR(P_CDR(P_CDR(fs))))))), forms);
	}
	return p_cons(p, special(p, SF_BEGIN), core_list_reverse(forms, P_NIL));
}

static int qq_kind(struct cx *c, val x, struct scope *sc, int code)
{
	struct res r = resolve_head(c, x, sc);
	return r.kind == RES_SPECIAL && r.code == code && list_length(x) == 2;
}

/* Whether x holds no unquote and no unquote-splicing at any level: then
 * the template is its own value, however deep or long.  Past budget
 * pairs and vector elements the answer is no, which keeps the checks of
 * the parts of a template linear in its size. */
static int qq_constant(struct cx *c, val x, struct scope *sc, long budget)
{
	struct vstack s;
	vs_init(&s, c->p);
	vs_push(&s, x);
	while (s.n) {
		x = s.v[--s.n];
		for (; P_IS_PAIR(x); x = P_CDR(x)) {
			if (--budget < 0)
				return 0;
			struct res r = resolve_head(c, x, sc);
			if (r.kind == RES_SPECIAL &&
			    (r.code == SF_UNQUOTE || r.code == SF_UNQUOTE_SPLICING))
				return 0;
			vs_push(&s, P_CAR(x));
		}
		if (P_IS_VECTOR(x) && (budget -= (long)P_VEC_LEN(x)) < 0)
			return 0;
		if (P_IS_VECTOR(x))
			for (size_t i = 0; i < P_VEC_LEN(x); i++)
				vs_push(&s, P_VEC(x)[i]);
	}
	return 1;
}

/* The parts of a template that is not constant are checked up to this
 * many pairs each. */
#define QQ_PART_BUDGET 64

static val qq_parts(struct cx *c, val x, struct scope *sc, int depth)
{
	P *p = c->p;
	if ((P_IS_PAIR(x) || P_IS_VECTOR(x)) && qq_constant(c, x, sc, QQ_PART_BUDGET))
		return comp_quoted(p, x);
	err_check_depth(p, "quasiquote", x);
	if (P_IS_PAIR(x)) {
		if (qq_kind(c, x, sc, SF_UNQUOTE)) {
			if (depth == 1)
				return P_CAR(P_CDR(x));
			return comp_list3(p, sys(p, "list"), comp_quoted(p, sym_intern_cstr(p, "unquote")),
				  qq_parts(c, P_CAR(P_CDR(x)), sc, depth - 1));
		}
		if (qq_kind(c, x, sc, SF_QUASIQUOTE))
			return comp_list3(p, sys(p, "list"), comp_quoted(p, sym_intern_cstr(p, "quasiquote")),
				  qq_parts(c, P_CAR(P_CDR(x)), sc, depth + 1));
		val a = P_CAR(x);
		if (qq_kind(c, a, sc, SF_UNQUOTE_SPLICING)) {
			val rest = qq_parts(c, P_CDR(x), sc, depth);
			if (depth == 1)
				return comp_list3(p, sys(p, "append"), P_CAR(P_CDR(a)), rest);
			return comp_list3(p, sys(p, "cons"),
				  comp_list3(p, sys(p, "list"), comp_quoted(p, sym_intern_cstr(p, "unquote-splicing")),
				     qq_parts(c, P_CAR(P_CDR(a)), sc, depth - 1)), rest);
		}
		return comp_list3(p, sys(p, "cons"), qq_parts(c, a, sc, depth), qq_parts(c, P_CDR(x), sc, depth));
	}
	if (P_IS_VECTOR(x)) {
		val l = P_NIL;
		for (size_t i = P_VEC_LEN(x); i > 0; i--)
			l = p_cons(p, P_VEC(x)[i - 1], l);
		return comp_list2(p, sys(p, "list->vector"), qq_parts(c, l, sc, depth));
	}
	return comp_quoted(p, x);
}

val derive_qq(struct cx *c, val x, struct scope *sc, int depth)
{
	if ((P_IS_PAIR(x) || P_IS_VECTOR(x)) && qq_constant(c, x, sc, __LONG_MAX__))
		return comp_quoted(c->p, x);
	return qq_parts(c, x, sc, depth);
}
