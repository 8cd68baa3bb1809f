/* bytevector.c - bytevectors and their procedures in (scheme base), with the
 * UTF-8 conversions between strings and bytevectors. */
#include <string.h>

#include "string_obj.h"
#include "args.h"

val p_make_bytevector(P *p, size_t n, int fill)
{
	val bv = p_alloc(p, T_BYTEVECTOR, sizeof(uintptr_t) + n);

	P_BV_LEN(bv) = n;
	memset(P_BV_DATA(bv), fill, n);
	return bv;
}

static int arg_byte(P *p, const char *who, val *argv, int i)
{
	return (int)p_arg_size(p, who, argv, i, 255);
}

static val prim_bytevector_p(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(P_IS_BYTEVECTOR(argv[0]));
}

static val prim_make_bytevector(P *p, int argc, val *argv)
{
	size_t n = p_arg_size(p, "make-bytevector", argv, 0, (size_t)P_FIX_MAX);
	int fill = 0;

	if (p_arg_present(argc, argv, 1))
		fill = arg_byte(p, "make-bytevector", argv, 1);
	return p_make_bytevector(p, n, fill);
}

static val prim_bytevector(P *p, int argc, val *argv)
{
	val bv;

	for (int i = 0; i < argc; i++)
		arg_byte(p, "bytevector", argv, i);
	bv = p_make_bytevector(p, (unsigned)argc, 0);
	for (int i = 0; i < argc; i++)
		P_BV_DATA(bv)[i] = (uint8_t)P_FIXVAL(argv[i]);
	return bv;
}

static val prim_bytevector_length(P *p, int argc, val *argv)
{
	(void)argc;
	return P_FIX(P_BV_LEN(p_arg_bytevector(p, "bytevector-length", argv, 0)));
}

static size_t arg_bv_index(P *p, const char *who, val bv, val *argv, int i)
{
	return p_arg_index(p, who, argv, i, P_BV_LEN(bv));
}

static val prim_bytevector_u8_ref(P *p, int argc, val *argv)
{
	val bv = p_arg_bytevector(p, "bytevector-u8-ref", argv, 0);

	(void)argc;
	return P_FIX(P_BV_DATA(bv)[arg_bv_index(p, "bytevector-u8-ref", bv, argv, 1)]);
}

static val prim_bytevector_u8_set(P *p, int argc, val *argv)
{
	val bv = p_arg_bytevector(p, "bytevector-u8-set!", argv, 0);
	size_t k = arg_bv_index(p, "bytevector-u8-set!", bv, argv, 1);

	(void)argc;
	P_BV_DATA(bv)[k] = (uint8_t)arg_byte(p, "bytevector-u8-set!", argv, 2);
	return P_VOID;
}

static val prim_bytevector_copy(P *p, int argc, val *argv)
{
	val bv = p_arg_bytevector(p, "bytevector-copy", argv, 0), r;
	size_t start, end;

	p_arg_range(p, "bytevector-copy", argc, argv, 1, P_BV_LEN(bv), &start, &end);
	r = p_make_bytevector(p, end - start, 0);
	memcpy(P_BV_DATA(r), P_BV_DATA(bv) + start, end - start);
	return r;
}

static val prim_bytevector_copy_x(P *p, int argc, val *argv)
{
	val to = p_arg_bytevector(p, "bytevector-copy!", argv, 0);
	size_t at = p_arg_size(p, "bytevector-copy!", argv, 1, P_BV_LEN(to));
	val from = p_arg_bytevector(p, "bytevector-copy!", argv, 2);
	size_t start, end;

	p_arg_range(p, "bytevector-copy!", argc, argv, 3, P_BV_LEN(from), &start, &end);
	if (end - start > P_BV_LEN(to) - at)
		p_range_error(p, "bytevector-copy!", 2, argv[1]);
	memmove(P_BV_DATA(to) + at, P_BV_DATA(from) + start, end - start);
	return P_VOID;
}

static val prim_bytevector_append(P *p, int argc, val *argv)
{
	size_t total = 0, k = 0;
	val r;

	for (int i = 0; i < argc; i++)
		total += P_BV_LEN(p_arg_bytevector(p, "bytevector-append", argv, i));
	r = p_make_bytevector(p, total, 0);
	for (int i = 0; i < argc; i++) {
		memcpy(P_BV_DATA(r) + k, P_BV_DATA(argv[i]), P_BV_LEN(argv[i]));
		k += P_BV_LEN(argv[i]);
	}
	return r;
}

static val prim_utf8_to_string(P *p, int argc, val *argv)
{
	val bv = p_arg_bytevector(p, "utf8->string", argv, 0);
	size_t start, end;

	p_arg_range(p, "utf8->string", argc, argv, 1, P_BV_LEN(bv), &start, &end);
	return p_string_from_utf8(p, (const char *)P_BV_DATA(bv) + start,
				  end - start);
}

static val prim_string_to_utf8(P *p, int argc, val *argv)
{
	val s = p_arg_string(p, "string->utf8", argv, 0), bv;
	size_t start, end;

	p_arg_range(p, "string->utf8", argc, argv, 1, STR_LEN(s), &start, &end);
	bv = p_make_bytevector(p, string_utf8_length(s, start, end), 0);
	string_utf8_encode(s, start, end, P_BV_DATA(bv));
	return bv;
}

const struct p_prim bytevector_prims[] = {
	{"base", "bytevector?", prim_bytevector_p, 1, 1, 0},
	{"base", "make-bytevector", prim_make_bytevector, 1, 2, 0},
	{"base", "bytevector", prim_bytevector, 0, -1, 0},
	{"base", "bytevector-length", prim_bytevector_length, 1, 1, 0},
	{"base", "bytevector-u8-ref", prim_bytevector_u8_ref, 2, 2, 0},
	{"base", "bytevector-u8-set!", prim_bytevector_u8_set, 3, 3, 0},
	{"base", "bytevector-copy", prim_bytevector_copy, 1, 3, 0},
	{"base", "bytevector-copy!", prim_bytevector_copy_x, 3, 5, 0},
	{"base", "bytevector-append", prim_bytevector_append, 0, -1, 0},
	{"base", "utf8->string", prim_utf8_to_string, 1, 3, 0},
	{"base", "string->utf8", prim_string_to_utf8, 1, 3, 0},
	{NULL, NULL, NULL, 0, 0, 0},
};
