/*
 * vectors.c - vectors.  vector-map and vector-for-each, which call
 * procedures, are in the prelude.
 */
#include "core.h"
#include "args.h"

val p_make_vector(P *p, size_t n, val fill)
{
	if (n > (size_t)1 << 40)
		p_raise_error(p, PE_HEAP, "heap exhausted", 0);
	val v = p_alloc(p, T_VECTOR, n * sizeof(val));
	for (size_t i = 0; i < n; i++)
		P_VEC(v)[i] = fill;	/* fresh: no barrier (value.h) */
	return v;
}

static val prim_vectorp(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(P_IS_VECTOR(argv[0]));
}

static val prim_make_vector(P *p, int argc, val *argv)
{
	size_t n = p_arg_size(p, "make-vector", argv, 0, (size_t)1 << 40);
	return p_make_vector(p, n, argc > 1 ? argv[1] : P_FALSE);
}

static val prim_vector(P *p, int argc, val *argv)
{
	val v = p_make_vector(p, (size_t)argc, P_FALSE);
	for (int i = 0; i < argc; i++)
		P_SET_SLOT(v, i, argv[i]);
	return v;
}

static val prim_vector_length(P *p, int argc, val *argv)
{
	(void)argc;
	return P_FIX(P_VEC_LEN(p_arg_vector(p, "vector-length", argv, 0)));
}

static val prim_vector_ref(P *p, int argc, val *argv)
{
	(void)argc;
	val v = p_arg_vector(p, "vector-ref", argv, 0);
	return P_VEC(v)[p_arg_index(p, "vector-ref", argv, 1, P_VEC_LEN(v))];
}

static val prim_vector_set(P *p, int argc, val *argv)
{
	(void)argc;
	val v = p_arg_vector(p, "vector-set!", argv, 0);
	P_SET_SLOT(v, p_arg_index(p, "vector-set!", argv, 1, P_VEC_LEN(v)), argv[2]);
	return P_VOID;
}

static val prim_vector_to_list(P *p, int argc, val *argv)
{
	val v = p_arg_vector(p, "vector->list", argv, 0);
	size_t s, e;
	p_arg_range(p, "vector->list", argc, argv, 1, P_VEC_LEN(v), &s, &e);
	val l = P_NIL;
	for (size_t i = e; i > s; i--)
		l = p_cons(p, P_VEC(v)[i - 1], l);
	return l;
}

static val prim_list_to_vector(P *p, int argc, val *argv)
{
	(void)argc;
	long n = list_length(argv[0]);
	if (n < 0)
		p_type_error(p, "list->vector", 1, "list", argv[0]);
	val v = p_make_vector(p, (size_t)n, P_FALSE);
	val l = argv[0];
	for (long i = 0; i < n; i++, l = P_CDR(l))
		P_SET_SLOT(v, i, P_CAR(l));
	return v;
}

static val prim_vector_fill(P *p, int argc, val *argv)
{
	val v = p_arg_vector(p, "vector-fill!", argv, 0);
	size_t s, e;
	p_arg_range(p, "vector-fill!", argc, argv, 2, P_VEC_LEN(v), &s, &e);
	for (size_t i = s; i < e; i++)
		P_SET_SLOT(v, i, argv[1]);
	return P_VOID;
}

static val prim_vector_copy(P *p, int argc, val *argv)
{
	val v = p_arg_vector(p, "vector-copy", argv, 0);
	size_t s, e;
	p_arg_range(p, "vector-copy", argc, argv, 1, P_VEC_LEN(v), &s, &e);
	val r = p_make_vector(p, e - s, P_FALSE);
	memcpy(P_VEC(r), P_VEC(v) + s, (e - s) * sizeof(val));
	return r;
}

static val prim_vector_copy_to(P *p, int argc, val *argv)
{
	val to = p_arg_vector(p, "vector-copy!", argv, 0);
	size_t at = p_arg_size(p, "vector-copy!", argv, 1, P_VEC_LEN(to));
	val from = p_arg_vector(p, "vector-copy!", argv, 2);
	size_t s, e;
	p_arg_range(p, "vector-copy!", argc, argv, 3, P_VEC_LEN(from), &s, &e);
	if (e - s > P_VEC_LEN(to) - at)
		p_range_error(p, "vector-copy!", 2, argv[1]);
	memmove(P_VEC(to) + at, P_VEC(from) + s, (e - s) * sizeof(val));
	P_WROTE_SLOTS(to, at, e - s);
	return P_VOID;
}

static val prim_vector_append(P *p, int argc, val *argv)
{
	size_t n = 0;
	for (int i = 0; i < argc; i++)
		n += P_VEC_LEN(p_arg_vector(p, "vector-append", argv, i));
	val r = p_make_vector(p, n, P_FALSE);
	n = 0;
	for (int i = 0; i < argc; i++) {
		memcpy(P_VEC(r) + n, P_VEC(argv[i]), P_VEC_LEN(argv[i]) * sizeof(val));
		n += P_VEC_LEN(argv[i]);
	}
	return r;
}

const struct p_prim vector_prims[] = {
	{ "base", "vector?", prim_vectorp, 1, 1, 0 },
	{ "base", "make-vector", prim_make_vector, 1, 2, 0 },
	{ "base", "vector", prim_vector, 0, -1, 0 },
	{ "base", "vector-length", prim_vector_length, 1, 1, 0 },
	{ "base", "vector-ref", prim_vector_ref, 2, 2, 0 },
	{ "base", "vector-set!", prim_vector_set, 3, 3, 0 },
	{ "base", "vector->list", prim_vector_to_list, 1, 3, 0 },
	{ "base", "list->vector", prim_list_to_vector, 1, 1, 0 },
	{ "base", "vector-fill!", prim_vector_fill, 2, 4, 0 },
	{ "base", "vector-copy", prim_vector_copy, 1, 3, 0 },
	{ "base", "vector-copy!", prim_vector_copy_to, 3, 5, 0 },
	{ "base", "vector-append", prim_vector_append, 0, -1, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
