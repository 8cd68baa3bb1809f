/*
 * lists.c - pairs, lists, the symbol and boolean predicates and the equivalence predicates.
 * Procedures that take procedure arguments (map, member with a predicate,
 * ...) are written in Scheme in the prelude.
 */
#include "core.h"
#include "num.h"
#include "string_obj.h"
#include "addrtab.h"
#include "args.h"

/* Brent's cycle detection: each pair is read once, and a saved pair, moved
 * ahead at every power of two, is met again only on a cycle. */
long list_length(val l)
{
	long n = 0, next_save = 2;
	val saved = l;
	while (P_IS_PAIR(l)) {
		l = P_CDR(l);
		if (++n == next_save) {
			saved = l;
			next_save *= 2;
		} else if (l == saved) {
			return -1;
		}
	}
	return l == P_NIL ? n : -1;
}

val p_cons(P *p, val a, val d)
{
	val c = p_alloc(p, T_PAIR, 2 * sizeof(val));
	P_CAR(c) = a;	/* fresh: no barrier (value.h) */
	P_CDR(c) = d;
	return c;
}

val p_list(P *p, int n, ...)
{
	va_list ap;
	val tmp[32];
	if (n > 32)
		n = 32;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		tmp[i] = va_arg(ap, val);
	va_end(ap);
	val l = P_NIL;
	for (int i = n - 1; i >= 0; i--)
		l = p_cons(p, tmp[i], l);
	return l;
}

static val pair_arg(P *p, const char *who, val v, int argno)
{
	if (!P_IS_PAIR(v))
		p_type_error(p, who, argno, "pair", v);
	return v;
}

static val list_arg(P *p, const char *who, val v, int argno)
{
	if (list_length(v) < 0)
		p_type_error(p, who, argno, "list", v);
	return v;
}

static val prim_pairp(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(P_IS_PAIR(argv[0]));
}

static val prim_cons(P *p, int argc, val *argv)
{
	(void)argc;
	return p_cons(p, argv[0], argv[1]);
}

static val prim_car(P *p, int argc, val *argv)
{
	(void)argc;
	return P_CAR(pair_arg(p, "car", argv[0], 1));
}

static val prim_cdr(P *p, int argc, val *argv)
{
	(void)argc;
	return P_CDR(pair_arg(p, "cdr", argv[0], 1));
}

static val prim_set_car(P *p, int argc, val *argv)
{
	(void)argc;
	P_SET_CAR(pair_arg(p, "set-car!", argv[0], 1), argv[1]);
	return P_VOID;
}

static val prim_set_cdr(P *p, int argc, val *argv)
{
	(void)argc;
	P_SET_CDR(pair_arg(p, "set-cdr!", argv[0], 1), argv[1]);
	return P_VOID;
}

/* c[ad]+r: the name spells the path, applied right to left. */
static val cxr(P *p, int argc, val *argv)
{
	(void)argc;
	const char *name = PRIM_DESC(p_prim_self(p))->name;
	size_t n = strlen(name);
	val v = argv[0];
	for (size_t i = n - 2; i >= 1; i--) {
		if (!P_IS_PAIR(v))
			p_type_error(p, name, 1, "list deep enough", argv[0]);
		v = name[i] == 'a' ? P_CAR(v) : P_CDR(v);
	}
	return v;
}

static val prim_nullp(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(argv[0] == P_NIL);
}

static val prim_listp(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(list_length(argv[0]) >= 0);
}

static val prim_make_list(P *p, int argc, val *argv)
{
	size_t n = p_arg_size(p, "make-list", argv, 0, (size_t)P_FIX_MAX);
	val fill = argc > 1 ? argv[1] : P_FALSE;
	val l = P_NIL;
	while (n--)
		l = p_cons(p, fill, l);
	return l;
}

static val prim_list(P *p, int argc, val *argv)
{
	val l = P_NIL;
	for (int i = argc - 1; i >= 0; i--)
		l = p_cons(p, argv[i], l);
	return l;
}

static val prim_length(P *p, int argc, val *argv)
{
	(void)argc;
	long n = list_length(argv[0]);
	if (n < 0)
		p_type_error(p, "length", 1, "list", argv[0]);
	return P_FIX(n);
}

static val prim_append(P *p, int argc, val *argv)
{
	if (argc == 0)
		return P_NIL;
	val result = argv[argc - 1];
	for (int i = argc - 2; i >= 0; i--) {
		list_arg(p, "append", argv[i], i + 1);
		val rev = P_NIL;
		for (val l = argv[i]; l != P_NIL; l = P_CDR(l))
			rev = p_cons(p, P_CAR(l), rev);
		result = core_list_reverse(rev, result);
	}
	return result;
}

static val prim_reverse(P *p, int argc, val *argv)
{
	(void)argc;
	list_arg(p, "reverse", argv[0], 1);
	val r = P_NIL;
	for (val l = argv[0]; l != P_NIL; l = P_CDR(l))
		r = p_cons(p, P_CAR(l), r);
	return r;
}

/* The tail of the list argv[0] after argv[1] elements. */
static val tail_of(P *p, const char *who, val *argv)
{
	val l = argv[0], k = argv[1];
	size_t n = p_arg_size(p, who, argv, 1, (size_t)P_FIX_MAX);
	for (size_t i = 0; i < n; i++) {
		if (!P_IS_PAIR(l))
			p_range_error(p, who, 2, k);
		l = P_CDR(l);
	}
	return l;
}

static val prim_list_tail(P *p, int argc, val *argv)
{
	(void)argc;
	return tail_of(p, "list-tail", argv);
}

static val prim_list_ref(P *p, int argc, val *argv)
{
	(void)argc;
	val t = tail_of(p, "list-ref", argv);
	if (!P_IS_PAIR(t))
		p_range_error(p, "list-ref", 2, argv[1]);
	return P_CAR(t);
}

static val prim_list_set(P *p, int argc, val *argv)
{
	(void)argc;
	val t = tail_of(p, "list-set!", argv);
	if (!P_IS_PAIR(t))
		p_range_error(p, "list-set!", 2, argv[1]);
	P_SET_CAR(t, argv[2]);
	return P_VOID;
}

static val prim_list_copy(P *p, int argc, val *argv)
{
	(void)argc;
	val rev = P_NIL, l = argv[0];
	for (; P_IS_PAIR(l); l = P_CDR(l))
		rev = p_cons(p, P_CAR(l), rev);
	return core_list_reverse(rev, l);
}

/* memq, memv and %member (equal?), data 0, 1, 2: which equivalence.  The
 * prelude's member and assoc call the % forms; errors name them without it. */
static inline int same(P *p, val a, val b, intptr_t kind)
{
	if (a == b)
		return 1;
	/* only two heap objects can be eqv? or equal? without being eq? */
	if (kind == 0 || !P_IS_PTR(a) || !P_IS_PTR(b))
		return 0;
	return kind == 1 ? p_eqv(a, b) : p_equal_p(p, a, b);
}

static val prim_mem(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);
	const char *who = d->name + (d->name[0] == '%');
	val x = argv[0], l = argv[1];

	(void)argc;
	for (; P_IS_PAIR(l); l = P_CDR(l))
		if (same(p, P_CAR(l), x, d->data))
			return l;
	if (l != P_NIL)
		p_type_error(p, who, 2, "list", l);
	return P_FALSE;
}

/* assq, assv and %assoc, data as for prim_mem. */
static val prim_ass(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);
	const char *who = d->name + (d->name[0] == '%');
	val x = argv[0], l = argv[1];

	(void)argc;
	for (; P_IS_PAIR(l); l = P_CDR(l)) {
		val e = P_CAR(l);
		if (!P_IS_PAIR(e))
			p_type_error(p, who, 2, "association list", argv[1]);
		if (same(p, P_CAR(e), x, d->data))
			return e;
	}
	if (l != P_NIL)
		p_type_error(p, who, 2, "list", l);
	return P_FALSE;
}

/* --- symbols and booleans --- */

static val prim_symbolp(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(P_IS_SYMBOL(argv[0]));
}

static val prim_booleanp(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(argv[0] == P_TRUE || argv[0] == P_FALSE);
}

static val prim_boolean_eq(P *p, int argc, val *argv)
{
	for (int i = 0; i < argc; i++)
		if (argv[i] != P_TRUE && argv[i] != P_FALSE)
			p_type_error(p, "boolean=?", i + 1, "boolean", argv[i]);
	for (int i = 1; i < argc; i++)
		if (argv[i] != argv[0])
			return P_FALSE;
	return P_TRUE;
}

static val prim_not(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(argv[0] == P_FALSE);
}

/* --- equivalence --- */

int p_eqv(val a, val b)
{
	if (a == b)
		return 1;
	if (P_IS_PTR(a) && P_IS_PTR(b) &&
	    (P_IS_FLO(a) || P_HAS_TYPE(a, T_BIGNUM) || P_HAS_TYPE(a, T_RATNUM)
	     || P_HAS_TYPE(a, T_COMPNUM)))
		return num_eqv(a, b);
	return 0;
}

/* Structural comparison of leaves; 1 if a and b are compound nodes of
 * the same shape whose children must be compared. */
enum { EQ_NO, EQ_YES, EQ_CHILDREN };
static int equal_node(val a, val b)
{
	if (p_eqv(a, b))
		return EQ_YES;
	if (P_IS_PAIR(a) && P_IS_PAIR(b))
		return EQ_CHILDREN;
	if (P_IS_VECTOR(a) && P_IS_VECTOR(b))
		return P_VEC_LEN(a) == P_VEC_LEN(b) ? EQ_CHILDREN : EQ_NO;
	if (P_IS_STRING(a) && P_IS_STRING(b))
		return string_compare(a, b, 0) == 0 ? EQ_YES : EQ_NO;
	if (P_IS_BYTEVECTOR(a) && P_IS_BYTEVECTOR(b))
		return P_BV_LEN(a) == P_BV_LEN(b) &&
		       memcmp(P_BV_DATA(a), P_BV_DATA(b), P_BV_LEN(a)) == 0;
	return EQ_NO;
}

/* Plain recursion, giving up (-1) on deep nesting or a cycle in a cdr
 * chain, which the union-find version handles. */
static int equal_plain(val a, val b, int depth)
{
	val slow = a;
	for (long steps = 1;; steps++) {
		int k = equal_node(a, b);
		if (k != EQ_CHILDREN)
			return k;
		if (depth > 1000)
			return -1;
		if (P_IS_VECTOR(a)) {
			size_t n = P_VEC_LEN(a);
			for (size_t i = 0; i < n; i++) {
				int r = equal_plain(P_VEC(a)[i], P_VEC(b)[i], depth + 1);
				if (r != 1)
					return r;
			}
			return 1;
		}
		int r = equal_plain(P_CAR(a), P_CAR(b), depth + 1);
		if (r != 1)
			return r;
		a = P_CDR(a);
		b = P_CDR(b);
		/* half the speed of a: moving on the first step too would
		 * meet a at once and send every list of three or more to
		 * the slow union-find version */
		if (!(steps & 1))
			slow = P_CDR(slow);
		if (a == slow && P_IS_PAIR(a))
			return -1;
	}
}

static val uf_find(struct addrtab *t, val x)
{
	val r = x, n;
	while ((n = addrtab_get(t, r)) != 0 && n != r)
		r = n;
	while (x != r) {
		n = addrtab_get(t, x);
		addrtab_put(t, x, r);
		x = n ? n : r;
	}
	return r;
}

/* Bisimulation with union-find: terminates on cyclic data and uses an
 * explicit stack, so depth does not matter. */
static int equal_unbounded(P *p, val a, val b)
{
	struct addrtab uf;
	addrtab_init(&uf, p);
	size_t cap = 256, n = 0;
	val *stk = P_RAW(p_alloc(p, T_BYTES, cap * sizeof(val)));
	stk[n++] = a;
	stk[n++] = b;
	while (n) {
		val y = stk[--n], x = stk[--n];
		int k = equal_node(x, y);
		if (k == EQ_NO)
			return 0;
		if (k == EQ_YES)
			continue;
		val rx = uf_find(&uf, x), ry = uf_find(&uf, y);
		if (rx == ry)
			continue;
		addrtab_put(&uf, rx, ry);
		size_t need = P_IS_VECTOR(x) ? 2 * P_VEC_LEN(x) : 4;
		if (n + need > cap) {
			while (n + need > cap)
				cap *= 2;
			val *ns = P_RAW(p_alloc(p, T_BYTES, cap * sizeof(val)));
			memcpy(ns, stk, n * sizeof(val));
			stk = ns;
		}
		if (P_IS_VECTOR(x)) {
			for (size_t i = P_VEC_LEN(x); i > 0; i--) {
				stk[n++] = P_VEC(x)[i - 1];
				stk[n++] = P_VEC(y)[i - 1];
			}
		} else {
			stk[n++] = P_CDR(x);
			stk[n++] = P_CDR(y);
			stk[n++] = P_CAR(x);
			stk[n++] = P_CAR(y);
		}
	}
	return 1;
}

int p_equal_p(P *p, val a, val b)
{
	int r = equal_plain(a, b, 0);
	return r >= 0 ? r : equal_unbounded(p, a, b);
}

static val prim_eq(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(argv[0] == argv[1]);
}

static val prim_eqv(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(p_eqv(argv[0], argv[1]));
}

static val prim_equal(P *p, int argc, val *argv)
{
	(void)argc;
	return P_BOOL(p_equal_p(p, argv[0], argv[1]));
}

const struct p_prim list_prims[] = {
	{ "base", "pair?", prim_pairp, 1, 1, 0 },
	{ "base", "cons", prim_cons, 2, 2, 0 },
	{ "base", "car", prim_car, 1, 1, 0 },
	{ "base", "cdr", prim_cdr, 1, 1, 0 },
	{ "base", "set-car!", prim_set_car, 2, 2, 0 },
	{ "base", "set-cdr!", prim_set_cdr, 2, 2, 0 },
	{ "base", "caar", cxr, 1, 1, 0 }, { "base", "cadr", cxr, 1, 1, 0 },
	{ "base", "cdar", cxr, 1, 1, 0 }, { "base", "cddr", cxr, 1, 1, 0 },
	{ "cxr", "caaar", cxr, 1, 1, 0 }, { "cxr", "caadr", cxr, 1, 1, 0 },
	{ "cxr", "cadar", cxr, 1, 1, 0 }, { "cxr", "caddr", cxr, 1, 1, 0 },
	{ "cxr", "cdaar", cxr, 1, 1, 0 }, { "cxr", "cdadr", cxr, 1, 1, 0 },
	{ "cxr", "cddar", cxr, 1, 1, 0 }, { "cxr", "cdddr", cxr, 1, 1, 0 },
	{ "cxr", "caaaar", cxr, 1, 1, 0 }, { "cxr", "caaadr", cxr, 1, 1, 0 },
	{ "cxr", "caadar", cxr, 1, 1, 0 }, { "cxr", "caaddr", cxr, 1, 1, 0 },
	{ "cxr", "cadaar", cxr, 1, 1, 0 }, { "cxr", "cadadr", cxr, 1, 1, 0 },
	{ "cxr", "caddar", cxr, 1, 1, 0 }, { "cxr", "cadddr", cxr, 1, 1, 0 },
	{ "cxr", "cdaaar", cxr, 1, 1, 0 }, { "cxr", "cdaadr", cxr, 1, 1, 0 },
	{ "cxr", "cdadar", cxr, 1, 1, 0 }, { "cxr", "cdaddr", cxr, 1, 1, 0 },
	{ "cxr", "cddaar", cxr, 1, 1, 0 }, { "cxr", "cddadr", cxr, 1, 1, 0 },
	{ "cxr", "cdddar", cxr, 1, 1, 0 }, { "cxr", "cddddr", cxr, 1, 1, 0 },
	{ "base", "null?", prim_nullp, 1, 1, 0 },
	{ "base", "list?", prim_listp, 1, 1, 0 },
	{ "base", "make-list", prim_make_list, 1, 2, 0 },
	{ "base", "list", prim_list, 0, -1, 0 },
	{ "base", "length", prim_length, 1, 1, 0 },
	{ "base", "append", prim_append, 0, -1, 0 },
	{ "base", "reverse", prim_reverse, 1, 1, 0 },
	{ "base", "list-tail", prim_list_tail, 2, 2, 0 },
	{ "base", "list-ref", prim_list_ref, 2, 2, 0 },
	{ "base", "list-set!", prim_list_set, 3, 3, 0 },
	{ "base", "list-copy", prim_list_copy, 1, 1, 0 },
	{ "base", "memq", prim_mem, 2, 2, 0 },
	{ "base", "memv", prim_mem, 2, 2, 1 },
	{ "base", "%member", prim_mem, 2, 2, 2 },
	{ "base", "assq", prim_ass, 2, 2, 0 },
	{ "base", "assv", prim_ass, 2, 2, 1 },
	{ "base", "%assoc", prim_ass, 2, 2, 2 },
	{ "base", "symbol?", prim_symbolp, 1, 1, 0 },
	{ "base", "boolean?", prim_booleanp, 1, 1, 0 },
	{ "base", "boolean=?", prim_boolean_eq, 2, -1, 0 },
	{ "base", "not", prim_not, 1, 1, 0 },
	{ "base", "eq?", prim_eq, 2, 2, 0 },
	{ "base", "eqv?", prim_eqv, 2, 2, 0 },
	{ "base", "equal?", prim_equal, 2, 2, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
