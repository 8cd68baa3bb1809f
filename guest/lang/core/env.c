/*
 * env.c - global environments: hash tables from symbols to bindings.
 *
 * A binding is a cell for a variable or a T_SYNTAX object for a keyword.
 * Importing copies bindings (the cell itself is shared, so a library's
 * variable seen through several environments is one location).  A
 * definition in an environment that only imported the name makes a fresh
 * cell there instead of assigning the library's.
 */
#include "core.h"

val env_make(P *p, val name)
{
	val e = p_alloc(p, T_ENVIRONMENT, ENV_NSLOTS * sizeof(val));
	P_SET_SLOT(e, ENV_TABLE, p_make_vector(p, 64, P_NIL));
	P_SET_SLOT(e, ENV_COUNT, P_FIX(0));
	P_SET_SLOT(e, ENV_NAME, name);
	return e;
}

val cell_make(P *p, val name, val owner)
{
	val c = p_alloc(p, T_BOX, CELL_NSLOTS * sizeof(val));
	P_SET_SLOT(c, CELL_VALUE, P_UNBOUND);
	P_SET_SLOT(c, CELL_NAME, name);
	P_SET_SLOT(c, CELL_OWNER, owner);
	return c;
}

val syn_special(P *p, int code, val name)
{
	val s = p_alloc(p, T_SYNTAX, SYN_NSLOTS * sizeof(val));
	P_SET_SLOT(s, SYN_KIND, P_FIX(SYNK_SPECIAL));
	P_SET_SLOT(s, SYN_A, P_FIX(code));
	P_SET_SLOT(s, SYN_B, name);
	P_SET_SLOT(s, SYN_C, P_FALSE);
	P_SET_SLOT(s, SYN_D, P_FALSE);
	return s;
}

static size_t bucket(val tab, val sym)
{
	return sym_hash(sym) & (P_VEC_LEN(tab) - 1);
}

static val chain(val env, val sym)
{
	val tab = P_SLOTS(env)[ENV_TABLE];
	return P_VEC(tab)[bucket(tab, sym)];
}

val env_lookup(P *p, val env, val sym)
{
	(void)p;
	for (val l = chain(env, sym); l != P_NIL; l = P_CDR(l))
		if (P_CAR(P_CAR(l)) == sym)
			return P_CDR(P_CAR(l));
	return 0;
}

static void grow(P *p, val env)
{
	val old = P_SLOTS(env)[ENV_TABLE];
	size_t n = P_VEC_LEN(old);
	P_SET_SLOT(env, ENV_TABLE, p_make_vector(p, n * 2, P_NIL));
	for (size_t i = 0; i < n; i++)
		for (val l = P_VEC(old)[i]; l != P_NIL;) {
			val next = P_CDR(l);
			val tab = P_SLOTS(env)[ENV_TABLE];
			size_t b = bucket(tab, P_CAR(P_CAR(l)));
			P_SET_CDR(l, P_VEC(tab)[b]);
			P_SET_SLOT(tab, b, l);
			l = next;
		}
}

void env_bind(P *p, val env, val sym, val binding)
{
	for (val l = chain(env, sym); l != P_NIL; l = P_CDR(l))
		if (P_CAR(P_CAR(l)) == sym) {
			P_SET_CDR(P_CAR(l), binding);
			return;
		}
	intptr_t count = P_FIXVAL(P_SLOTS(env)[ENV_COUNT]) + 1;
	P_SET_SLOT(env, ENV_COUNT, P_FIX(count));
	if ((size_t)count > P_VEC_LEN(P_SLOTS(env)[ENV_TABLE]) * 2)
		grow(p, env);
	val entry = p_cons(p, sym, binding);
	val tab = P_SLOTS(env)[ENV_TABLE];
	size_t b = bucket(tab, sym);
	P_SET_SLOT(tab, b, p_cons(p, entry, P_VEC(tab)[b]));
}

val env_define_cell(P *p, val env, val sym)
{
	val b = env_lookup(p, env, sym);
	if (b && P_HAS_TYPE(b, T_BOX) && P_SLOTS(b)[CELL_OWNER] == env)
		return b;
	val c = cell_make(p, sym, env);
	env_bind(p, env, sym, c);
	return c;
}

val env_ref_cell(P *p, val env, val sym)
{
	val b = env_lookup(p, env, sym);
	if (b)
		return P_HAS_TYPE(b, T_BOX) ? b : 0;
	val c = cell_make(p, sym, env);
	env_bind(p, env, sym, c);
	return c;
}

void env_for_each(P *p, val env, void (*fn)(P *, val, val, void *), void *ctx)
{
	val tab = P_SLOTS(env)[ENV_TABLE];
	for (size_t i = 0; i < P_VEC_LEN(tab); i++)
		for (val l = P_VEC(tab)[i]; l != P_NIL; l = P_CDR(l))
			fn(p, P_CAR(P_CAR(l)), P_CDR(P_CAR(l)), ctx);
}
