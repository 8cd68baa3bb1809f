/*
 * expand.c - syntax-rules: pattern matching and hygienic template
 * instantiation.
 *
 * Hygiene by renaming: every identifier a template introduces becomes an
 * alias recording the macro's definition environment (one alias per name
 * per expansion).  The compiler resolves an alias first among the bindings
 * made by the expansion itself, then in that definition environment, so a
 * macro's free identifiers keep their meaning and its bindings never
 * capture the user's identifiers.  Literals match by free-identifier=?.
 *
 * Pattern bindings are an alist (var . (depth . match)); a match of depth
 * d > 0 is the list of the depth d-1 matches.
 */
#include "compile_int.h"
#include "addrtab.h"

struct xctx {
	P *p;
	val macro;
	val ellipsis;		/* symbol, or 0 while (... ...) escapes */
	val literals;
	val menv;		/* macro definition environment */
	struct scope *msc;
	val uenv;		/* use environment */
	struct scope *usc;
	val renames;		/* alist symbol-or-alias -> alias */
	val form;
};

val ident_symbol(val id)
{
	while (IS_ALIAS(id))
		id = P_SLOTS(id)[SYN_A];
	return id;
}

/* Budget of a walk without a memo: enough for any acyclic datum of
 * reasonable size; shared or cyclic structure beyond it is walked again
 * with a memo. */
#define ALIAS_WALK_BUDGET ((size_t)1 << 18)

/* Whether x holds an alias; seen, when given, makes shared and cyclic
 * structure count once.  -1: the budget ran out first. */
static int alias_walk(P *p, val x, struct addrtab *seen)
{
	struct vstack s;
	size_t steps = 0;
	vs_init(&s, p);
	vs_push(&s, x);
	while (s.n) {
		x = s.v[--s.n];
		while (P_IS_PAIR(x) || P_IS_VECTOR(x) || IS_ALIAS(x)) {
			if (IS_ALIAS(x))
				return 1;
			if (seen) {
				if (addrtab_get(seen, x))
					break;
				addrtab_put(seen, x, P_TRUE);
			} else if (++steps > ALIAS_WALK_BUDGET) {
				return -1;
			}
			if (P_IS_VECTOR(x)) {
				for (size_t i = 0; i < P_VEC_LEN(x); i++)
					if (P_IS_PTR(P_VEC(x)[i]))
						vs_push(&s, P_VEC(x)[i]);
				break;
			}
			if (P_IS_PTR(P_CAR(x)))
				vs_push(&s, P_CAR(x));
			x = P_CDR(x);
		}
	}
	return 0;
}

static int has_alias(P *p, val x)
{
	int r = alias_walk(p, x, NULL);
	if (r >= 0)
		return r;
	struct addrtab seen;
	addrtab_init(&seen, p);
	return alias_walk(p, x, &seen);
}

/* The copy of x without aliases: a fresh object, registered in memo and
 * queued on s for filling, for a pair or vector not copied yet. */
static val strip_node(P *p, struct addrtab *memo, struct vstack *s, val x)
{
	if (IS_ALIAS(x))
		return ident_symbol(x);
	if (!P_IS_PAIR(x) && !P_IS_VECTOR(x))
		return x;
	val m = addrtab_get(memo, x);
	if (m)
		return m;
	m = P_IS_PAIR(x) ? p_cons(p, P_FALSE, P_NIL)
			 : p_make_vector(p, P_VEC_LEN(x), P_FALSE);
	addrtab_put(memo, x, m);
	vs_push(s, x);
	vs_push(s, m);
	return m;
}

/* Copies x with aliases replaced, keeping shared and cyclic structure. */
static val strip_copy(P *p, val x)
{
	struct addrtab memo;
	struct vstack s;
	addrtab_init(&memo, p);
	vs_init(&s, p);
	val top = strip_node(p, &memo, &s, x);
	while (s.n) {
		val m = s.v[--s.n], from = s.v[--s.n];
		if (P_IS_VECTOR(from)) {
			for (size_t i = 0; i < P_VEC_LEN(from); i++)
				P_SET_SLOT(m, i, strip_node(p, &memo, &s, P_VEC(from)[i]));
		} else {
			P_SET_CAR(m, strip_node(p, &memo, &s, P_CAR(from)));
			P_SET_CDR(m, strip_node(p, &memo, &s, P_CDR(from)));
		}
	}
	return top;
}

val syntax_strip(P *p, val x)
{
	if (IS_ALIAS(x))
		return ident_symbol(x);
	if (!P_IS_PAIR(x) && !P_IS_VECTOR(x))
		return x;
	return has_alias(p, x) ? strip_copy(p, x) : x;
}

static val scope_fix(struct scope *sc)
{
	return sc ? (val)(uintptr_t)sc | 1 : P_FALSE;
}

struct scope *syn_scope(P *p, val s, int slot)
{
	val v = P_SLOTS(s)[slot];
	if (v == P_FALSE || P_SLOTS(s)[slot + 1] != P_FIX(p->compile_serial))
		return NULL;
	return (struct scope *)(v & ~(uintptr_t)1);
}

val alias_make(P *p, val sym, val env, struct scope *sc)
{
	val a = p_alloc(p, T_SYNTAX, 5 * sizeof(val));
	P_SET_SLOT(a, SYN_KIND, P_FIX(SYNK_ALIAS));
	P_SET_SLOT(a, SYN_A, sym);
	P_SET_SLOT(a, SYN_B, env);
	P_SET_SLOT(a, SYN_C, scope_fix(sc));
	P_SET_SLOT(a, SYN_D, P_FIX(p->compile_serial));
	return a;
}

static val list_to_vector(P *p, val l)
{
	long n = list_length(l);
	val v = p_make_vector(p, (size_t)n, P_FALSE);
	for (long i = 0; i < n; i++, l = P_CDR(l))
		P_SET_SLOT(v, i, P_CAR(l));
	return v;
}

static val vector_to_list(P *p, val v)
{
	val l = P_NIL;
	for (size_t i = P_VEC_LEN(v); i > 0; i--)
		l = p_cons(p, P_VEC(v)[i - 1], l);
	return l;
}

static int is_literal(struct xctx *x, val id)
{
	for (val l = x->literals; P_IS_PAIR(l); l = P_CDR(l))
		if (P_CAR(l) == id)
			return 1;
	return 0;
}

/* An ellipsis listed among the literals is a literal (R7RS 4.3.2). */
static int is_ellipsis(struct xctx *x, val id)
{
	return x->ellipsis && IS_IDENT(id) &&
	       ident_symbol(id) == ident_symbol(x->ellipsis) &&
	       !is_literal(x, id);
}

static int is_underscore(val id)
{
	return IS_IDENT(id) && sym_is(ident_symbol(id), "_");
}

/* --- checking and building macros --- */

val macro_make(P *p, val spec, val env, struct scope *sc)
{
	/* spec: (syntax-rules [ellipsis] (literal ...) (pattern template) ...) */
	val rest = P_CDR(spec);
	val ellipsis = sym_intern_cstr(p, "...");
	if (P_IS_PAIR(rest) && IS_IDENT(P_CAR(rest))) {
		ellipsis = P_CAR(rest);
		rest = P_CDR(rest);
	}
	if (!P_IS_PAIR(rest) || list_length(P_CAR(rest)) < 0)
		err_syntax(p, "syntax-rules", spec);
	for (val l = P_CAR(rest); l != P_NIL; l = P_CDR(l))
		if (!IS_IDENT(P_CAR(l)))
			err_syntax(p, "syntax-rules", spec);
	for (val r = P_CDR(rest); r != P_NIL; r = P_CDR(r)) {
		if (!P_IS_PAIR(r) || list_length(P_CAR(r)) != 2 ||
		    !P_IS_PAIR(P_CAR(P_CAR(r))))
			err_syntax(p, "syntax-rules", spec);
	}
	if (list_length(P_CDR(rest)) < 0)
		err_syntax(p, "syntax-rules", spec);
	val m = p_alloc(p, T_SYNTAX, 7 * sizeof(val));
	P_SET_SLOT(m, SYN_KIND, P_FIX(SYNK_MACRO));
	P_SET_SLOT(m, SYN_A, ellipsis);
	P_SET_SLOT(m, SYN_B, P_CAR(rest));
	P_SET_SLOT(m, SYN_C, P_CDR(rest));
	P_SET_SLOT(m, SYN_D, env);
	P_SET_SLOT(m, SYN_E, scope_fix(sc));
	P_SET_SLOT(m, SYN_F, P_FIX(p->compile_serial));
	return m;
}

/* --- matching --- */

static val bind(P *p, val binds, val var, int depth, val m)
{
	return p_cons(p, p_cons(p, var, p_cons(p, P_FIX(depth), m)), binds);
}

static void pattern_vars(struct xctx *x, val pat, int depth, val *out)
{
	P *p = x->p;
	if (IS_IDENT(pat)) {
		if (!is_ellipsis(x, pat) && !is_literal(x, pat) &&
		    !is_underscore(pat))
			*out = bind(p, *out, pat, depth, P_NIL);
		return;
	}
	if (P_IS_VECTOR(pat))
		pat = vector_to_list(p, pat);
	while (P_IS_PAIR(pat)) {
		val sub = P_CAR(pat);
		int d = depth;
		if (P_IS_PAIR(P_CDR(pat)) && is_ellipsis(x, P_CAR(P_CDR(pat)))) {
			d++;
			pat = P_CDR(pat);
		}
		pattern_vars(x, sub, d, out);
		pat = P_CDR(pat);
	}
	if (pat != P_NIL)
		pattern_vars(x, pat, depth, out);
}

static int match(struct xctx *x, val pat, val form, val *binds);

/* Matches sub ... against each of the n elements of form; every pattern
 * variable of sub gets the list of its matches. */
static int match_ellipsis(struct xctx *x, val sub, val form, long n, val *binds)
{
	P *p = x->p;
	val vars = P_NIL;
	pattern_vars(x, sub, 0, &vars);
	val per = P_NIL;	/* list of binding alists, reversed */
	for (long i = 0; i < n; i++, form = P_CDR(form)) {
		val b = P_NIL;
		if (!match(x, sub, P_CAR(form), &b))
			return 0;
		per = p_cons(p, b, per);
	}
	for (val v = vars; v != P_NIL; v = P_CDR(v)) {
		val var = P_CAR(P_CAR(v));
		int depth = -1;
		val ms = P_NIL;
		for (val l = per; l != P_NIL; l = P_CDR(l))
			for (val b = P_CAR(l); b != P_NIL; b = P_CDR(b))
				if (P_CAR(P_CAR(b)) == var) {
					val e = P_CDR(P_CAR(b));
					depth = (int)P_FIXVAL(P_CAR(e));
					ms = p_cons(p, e, ms);
					break;
				}
		if (depth < 0) {
			/* no iterations: find the variable's depth in sub */
			val all = P_NIL;
			pattern_vars(x, sub, 0, &all);
			for (val a = all; a != P_NIL; a = P_CDR(a))
				if (P_CAR(P_CAR(a)) == var)
					depth = (int)P_FIXVAL(P_CAR(P_CDR(P_CAR(a))));
		}
		val items = P_NIL;
		for (val l = ms; l != P_NIL; l = P_CDR(l))
			items = p_cons(p, P_CDR(P_CAR(l)), items);
		*binds = bind(p, *binds, var, depth + 1, core_list_reverse(items, P_NIL));
	}
	return 1;
}

static int match(struct xctx *x, val pat, val form, val *binds)
{
	P *p = x->p;
	err_check_depth(p, "syntax-rules", form);
	if (IS_IDENT(pat)) {
		/* A literal _ matches only _ (R7RS 4.3.2: the literals list
		 * takes precedence). */
		if (is_literal(x, pat))
			return IS_IDENT(form) &&
			       compile_free_ident_eq(p, form, x->uenv, x->usc,
						     pat, x->menv, x->msc);
		if (is_underscore(pat))
			return 1;
		*binds = bind(p, *binds, pat, 0, form);
		return 1;
	}
	if (P_IS_VECTOR(pat)) {
		if (!P_IS_VECTOR(form))
			return 0;
		return match(x, vector_to_list(p, pat), vector_to_list(p, form), binds);
	}
	if (P_IS_PAIR(pat)) {
		/* find an ellipsis at this level */
		long before = 0;
		val q = pat;
		while (P_IS_PAIR(q) && !(P_IS_PAIR(P_CDR(q)) &&
					 is_ellipsis(x, P_CAR(P_CDR(q))))) {
			before++;
			q = P_CDR(q);
		}
		if (!P_IS_PAIR(q)) {
			/* no ellipsis: element-wise */
			while (P_IS_PAIR(pat)) {
				if (!P_IS_PAIR(form) ||
				    !match(x, P_CAR(pat), P_CAR(form), binds))
					return 0;
				pat = P_CDR(pat);
				form = P_CDR(form);
			}
			return match(x, pat, form, binds);
		}
		val sub = P_CAR(q);
		val after = P_CDR(P_CDR(q));
		long nafter = 0;
		val t = after;
		for (; P_IS_PAIR(t); t = P_CDR(t))
			nafter++;
		val tailpat = t;
		long avail = 0;
		val f = form;
		for (; P_IS_PAIR(f); f = P_CDR(f))
			avail++;
		long nrep = avail - before - nafter;
		if (nrep < 0)
			return 0;
		for (long i = 0; i < before; i++) {
			if (!match(x, P_CAR(pat), P_CAR(form), binds))
				return 0;
			pat = P_CDR(pat);
			form = P_CDR(form);
		}
		if (!match_ellipsis(x, sub, form, nrep, binds))
			return 0;
		for (long i = 0; i < nrep; i++)
			form = P_CDR(form);
		for (; P_IS_PAIR(after); after = P_CDR(after), form = P_CDR(form))
			if (!match(x, P_CAR(after), P_CAR(form), binds))
				return 0;
		if (tailpat == P_NIL)
			return form == P_NIL;
		return match(x, tailpat, form, binds);
	}
	if (pat == P_NIL)
		return form == P_NIL;
	return p_equal_p(p, pat, form);
}

/* --- instantiation --- */

static val lookup_bind(val binds, val id)
{
	for (; binds != P_NIL; binds = P_CDR(binds))
		if (P_CAR(P_CAR(binds)) == id)
			return P_CDR(P_CAR(binds));
	return 0;
}

static val rename(struct xctx *x, val id)
{
	P *p = x->p;
	for (val l = x->renames; l != P_NIL; l = P_CDR(l))
		if (P_CAR(P_CAR(l)) == id)
			return P_CDR(P_CAR(l));
	val a = alias_make(p, id, x->menv, x->msc);
	x->renames = p_cons(p, p_cons(p, id, a), x->renames);
	return a;
}

/* Pattern variables of depth > 0 used in tmpl. */
static void iter_vars(struct xctx *x, val tmpl, val binds, val *out)
{
	P *p = x->p;
	if (IS_IDENT(tmpl)) {
		val b = lookup_bind(binds, tmpl);
		if (b && P_FIXVAL(P_CAR(b)) > 0)
			*out = p_cons(p, tmpl, *out);
		return;
	}
	if (P_IS_VECTOR(tmpl)) {
		for (size_t i = 0; i < P_VEC_LEN(tmpl); i++)
			iter_vars(x, P_VEC(tmpl)[i], binds, out);
		return;
	}
	if (P_IS_PAIR(tmpl)) {
		iter_vars(x, P_CAR(tmpl), binds, out);
		iter_vars(x, P_CDR(tmpl), binds, out);
	}
}

static val instantiate(struct xctx *x, val tmpl, val binds);

/* sub followed by `extra` more ellipses: the list of its instances. */
static val instantiate_ellipsis(struct xctx *x, val sub, int extra, val binds)
{
	P *p = x->p;
	val vars = P_NIL;
	iter_vars(x, sub, binds, &vars);
	if (vars == P_NIL)
		err_syntax(p, "syntax-rules: no pattern variable to repeat in template", x->form);
	long n = -1;
	for (val v = vars; v != P_NIL; v = P_CDR(v)) {
		long len = list_length(P_CDR(lookup_bind(binds, P_CAR(v))));
		if (n < 0 || len < n)
			n = len;
	}
	val out = P_NIL;
	for (long i = 0; i < n; i++) {
		val nb = binds;
		for (val v = vars; v != P_NIL; v = P_CDR(v)) {
			val b = lookup_bind(binds, P_CAR(v));
			val items = P_CDR(b);
			for (long k = 0; k < i; k++)
				items = P_CDR(items);
			nb = bind(p, nb, P_CAR(v), (int)P_FIXVAL(P_CAR(b)) - 1,
				  P_CAR(items));
		}
		if (extra > 0) {
			val part = instantiate_ellipsis(x, sub, extra - 1, nb);
			out = core_list_reverse(part, out);
		} else {
			out = p_cons(p, instantiate(x, sub, nb), out);
		}
	}
	return core_list_reverse(out, P_NIL);
}

static val instantiate(struct xctx *x, val tmpl, val binds)
{
	P *p = x->p;
	err_check_depth(p, "syntax-rules", tmpl);
	if (IS_IDENT(tmpl)) {
		val b = lookup_bind(binds, tmpl);
		if (b) {
			if (P_FIXVAL(P_CAR(b)) != 0)
				err_syntax(p, "syntax-rules: pattern variable used without ellipsis", x->form);
			return P_CDR(b);
		}
		return rename(x, tmpl);
	}
	if (P_IS_VECTOR(tmpl))
		return list_to_vector(p, instantiate(x, vector_to_list(p, tmpl), binds));
	if (!P_IS_PAIR(tmpl))
		return tmpl;
	/* (... ...) and (... template) escapes */
	if (is_ellipsis(x, P_CAR(tmpl)) && P_IS_PAIR(P_CDR(tmpl))) {
		val saved = x->ellipsis;
		x->ellipsis = 0;
		val r = instantiate(x, P_CAR(P_CDR(tmpl)), binds);
		x->ellipsis = saved;
		return r;
	}
	val sub = P_CAR(tmpl);
	val rest = P_CDR(tmpl);
	int extra = -1;
	while (P_IS_PAIR(rest) && is_ellipsis(x, P_CAR(rest))) {
		extra++;
		rest = P_CDR(rest);
	}
	val tail = instantiate(x, rest, binds);
	if (extra >= 0) {
		val items = instantiate_ellipsis(x, sub, extra, binds);
		return core_list_reverse(core_list_reverse(items, P_NIL), tail);
	}
	return p_cons(p, instantiate(x, sub, binds), tail);
}

val macro_expand(P *p, val m, val form, val use_env, struct scope *use_sc)
{
	struct xctx x = {
		.p = p, .macro = m, .ellipsis = P_SLOTS(m)[SYN_A],
		.literals = P_SLOTS(m)[SYN_B], .menv = P_SLOTS(m)[SYN_D],
		.msc = syn_scope(p, m, SYN_E), .uenv = use_env, .usc = use_sc,
		.renames = P_NIL, .form = form,
	};
	for (val r = P_SLOTS(m)[SYN_C]; r != P_NIL; r = P_CDR(r)) {
		val rule = P_CAR(r);
		val binds = P_NIL;
		/* the keyword position is ignored */
		if (match(&x, P_CDR(P_CAR(rule)), P_CDR(form), &binds))
			return instantiate(&x, P_CAR(P_CDR(rule)), binds);
	}
	val head = P_IS_PAIR(form) ? ident_symbol(P_CAR(form)) : P_FALSE;
	char who[128] = "macro";
	if (P_IS_SYMBOL(head)) {
		size_t n;
		const char *s = sym_chars(head, &n);
		if (n > sizeof who - 1)
			n = sizeof who - 1;
		memcpy(who, s, n);
		who[n] = 0;
	}
	err_syntax(p, who, form);
}
