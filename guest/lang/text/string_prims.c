/* string_prims.c - the string and symbol procedures of (scheme base) and
 * (scheme char). */
#include <string.h>

#include "string_obj.h"
#include "args.h"
#include "unicode.h"

static val prim_string_p(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(P_IS_STRING(argv[0]));
}

static val prim_make_string(P *p, int argc, val *argv)
{
	size_t n = p_arg_size(p, "make-string", argv, 0, (size_t)P_FIX_MAX);
	uint32_t fill = ' ';

	if (p_arg_present(argc, argv, 1))
		fill = p_arg_char(p, "make-string", argv, 1);
	return p_make_string(p, n, fill);
}

static val prim_string(P *p, int argc, val *argv)
{
	uint32_t max = 0;
	val s;

	for (int i = 0; i < argc; i++) {
		uint32_t c = p_arg_char(p, "string", argv, i);
		if (c > max)
			max = c;
	}
	s = string_alloc(p, (size_t)argc, max < 256 ? 1 : 4);
	for (int i = 0; i < argc; i++)
		p_string_set(p, s, (size_t)i, P_CHARVAL(argv[i]));
	return s;
}

static val prim_string_length(P *p, int argc, val *argv)
{
	(void)argc;
	return P_FIX(STR_LEN(p_arg_string(p, "string-length", argv, 0)));
}

static val prim_string_ref(P *p, int argc, val *argv)
{
	val s = p_arg_string(p, "string-ref", argv, 0);
	size_t k;

	(void)argc;
	k = p_arg_index(p, "string-ref", argv, 1, STR_LEN(s));
	return P_CHAR(p_string_ref(s, k));
}

static val prim_string_set(P *p, int argc, val *argv)
{
	val s = p_arg_string(p, "string-set!", argv, 0);
	size_t k;
	uint32_t c;

	(void)argc;
	k = p_arg_index(p, "string-set!", argv, 1, STR_LEN(s));
	c = p_arg_char(p, "string-set!", argv, 2);
	p_string_set(p, s, k, c);
	return P_VOID;
}

static val compare(P *p, const char *who, int argc, val *argv, int ci,
		   int (*ok)(int))
{
	int result = 1;

	for (int i = 0; i < argc; i++) {
		p_arg_string(p, who, argv, i);
		if (i > 0 && result && !ok(string_compare(argv[i - 1], argv[i], ci)))
			result = 0;
	}
	return P_BOOL(result);
}

static int eq(int c) { return c == 0; }
static int lt(int c) { return c < 0; }
static int gt(int c) { return c > 0; }
static int le(int c) { return c <= 0; }
static int ge(int c) { return c >= 0; }

#define CMP(fname, who, ci, op) \
	static val fname(P *p, int argc, val *argv) \
	{ \
		return compare(p, who, argc, argv, ci, op); \
	}
CMP(prim_string_eq, "string=?", 0, eq)
CMP(prim_string_lt, "string<?", 0, lt)
CMP(prim_string_gt, "string>?", 0, gt)
CMP(prim_string_le, "string<=?", 0, le)
CMP(prim_string_ge, "string>=?", 0, ge)
CMP(prim_string_ci_eq, "string-ci=?", 1, eq)
CMP(prim_string_ci_lt, "string-ci<?", 1, lt)
CMP(prim_string_ci_gt, "string-ci>?", 1, gt)
CMP(prim_string_ci_le, "string-ci<=?", 1, le)
CMP(prim_string_ci_ge, "string-ci>=?", 1, ge)

static val prim_substring(P *p, int argc, val *argv)
{
	val s = p_arg_string(p, "substring", argv, 0);
	size_t start, end;

	p_arg_range(p, "substring", argc, argv, 1, STR_LEN(s), &start, &end);
	return string_substring(p, s, start, end);
}

static val prim_string_copy(P *p, int argc, val *argv)
{
	val s = p_arg_string(p, "string-copy", argv, 0);
	size_t start, end;

	p_arg_range(p, "string-copy", argc, argv, 1, STR_LEN(s), &start, &end);
	return string_substring(p, s, start, end);
}

static val prim_string_append(P *p, int argc, val *argv)
{
	size_t total = 0, k = 0;
	int width = 1;
	val r;

	for (int i = 0; i < argc; i++) {
		val s = p_arg_string(p, "string-append", argv, i);
		total += STR_LEN(s);
		if (STR_WIDTH(s) == 4)
			width = 4;
	}
	r = string_alloc(p, total, width);
	for (int i = 0; i < argc; i++) {
		val s = argv[i];
		size_t n = STR_LEN(s);
		if (STR_WIDTH(s) == width) {
			memcpy(STR_BYTES(r) + k * (size_t)width, STR_BYTES(s),
			       n * (size_t)width);
		} else {
			for (size_t j = 0; j < n; j++)
				STR_WIDE(r)[k + j] = STR_BYTES(s)[j];
		}
		k += n;
	}
	return r;
}

static val prim_string_to_list(P *p, int argc, val *argv)
{
	val s = p_arg_string(p, "string->list", argv, 0), list = P_NIL;
	size_t start, end;

	p_arg_range(p, "string->list", argc, argv, 1, STR_LEN(s), &start, &end);
	while (end > start)
		list = p_cons(p, P_CHAR(p_string_ref(s, --end)), list);
	return list;
}

/* Two passes over the list: the first checks it and finds the width, so
 * the string is allocated once at its size. */
static val prim_list_to_string(P *p, int argc, val *argv)
{
	uint32_t max = 0;
	size_t n = 0, i = 0;
	val l, slow = argv[0], s;

	(void)argc;
	for (l = argv[0]; P_IS_PAIR(l); l = P_CDR(l)) {
		if (!P_IS_CHAR(P_CAR(l)))
			p_type_error(p, "list->string", 1, "list of characters",
				     argv[0]);
		if (P_CHARVAL(P_CAR(l)) > max)
			max = P_CHARVAL(P_CAR(l));
		if (++n % 2 == 0) {
			slow = P_CDR(slow);
			if (slow == P_CDR(l))
				break;
		}
	}
	if (l != P_NIL)
		p_type_error(p, "list->string", 1, "proper list", argv[0]);
	s = string_alloc(p, n, max < 256 ? 1 : 4);
	if (max < 256)
		for (l = argv[0]; l != P_NIL; l = P_CDR(l))
			STR_BYTES(s)[i++] = (uint8_t)P_CHARVAL(P_CAR(l));
	else
		for (l = argv[0]; l != P_NIL; l = P_CDR(l))
			STR_WIDE(s)[i++] = P_CHARVAL(P_CAR(l));
	return s;
}

static val prim_string_copy_x(P *p, int argc, val *argv)
{
	val to = p_arg_string(p, "string-copy!", argv, 0);
	size_t at = p_arg_size(p, "string-copy!", argv, 1, STR_LEN(to));
	val from = p_arg_string(p, "string-copy!", argv, 2);
	size_t start, end, n;

	p_arg_range(p, "string-copy!", argc, argv, 3, STR_LEN(from), &start, &end);
	n = end - start;
	if (n > STR_LEN(to) - at)
		p_range_error(p, "string-copy!", 2, argv[1]);
	/* Copy in the direction that is safe when to and from overlap. */
	if (at <= start) {
		for (size_t i = 0; i < n; i++)
			p_string_set(p, to, at + i, p_string_ref(from, start + i));
	} else {
		for (size_t i = n; i-- > 0;)
			p_string_set(p, to, at + i, p_string_ref(from, start + i));
	}
	return P_VOID;
}

static val prim_string_fill(P *p, int argc, val *argv)
{
	val s = p_arg_string(p, "string-fill!", argv, 0);
	uint32_t c = p_arg_char(p, "string-fill!", argv, 1);
	size_t start, end;

	p_arg_range(p, "string-fill!", argc, argv, 2, STR_LEN(s), &start, &end);
	for (size_t i = start; i < end; i++)
		p_string_set(p, s, i, c);
	return P_VOID;
}

static val prim_string_to_vector(P *p, int argc, val *argv)
{
	val s = p_arg_string(p, "string->vector", argv, 0), v;
	size_t start, end;

	p_arg_range(p, "string->vector", argc, argv, 1, STR_LEN(s), &start, &end);
	v = p_make_vector(p, end - start, P_FALSE);
	for (size_t i = start; i < end; i++)
		P_SET_SLOT(v, i - start, P_CHAR(p_string_ref(s, i)));
	return v;
}

static val prim_vector_to_string(P *p, int argc, val *argv)
{
	struct strbuf b;
	val v = argv[0];
	size_t start, end;

	p_arg_vector(p, "vector->string", argv, 0);
	p_arg_range(p, "vector->string", argc, argv, 1, P_VEC_LEN(v), &start, &end);
	strbuf_init(&b, p);
	for (size_t i = start; i < end; i++) {
		if (!P_IS_CHAR(P_VEC(v)[i]))
			p_type_error(p, "vector->string", 1,
				     "vector of characters", v);
		strbuf_push(&b, P_CHARVAL(P_VEC(v)[i]));
	}
	return strbuf_string(&b);
}

/* Whole-string case conversion with the full (one to many) mappings.  A
 * capital sigma downcases to final sigma at the end of a word. */
static val convert_case(P *p, const char *who, val *argv, int which)
{
	val s = p_arg_string(p, who, argv, 0);
	size_t n = STR_LEN(s);
	struct strbuf b;
	uint32_t out[3];

	strbuf_init(&b, p);
	for (size_t i = 0; i < n; i++) {
		uint32_t c = p_string_ref(s, i);
		if (which == 'D' && c == 0x3A3 && i > 0
		    && (uni_flags(p_string_ref(s, i - 1)) & UNI_ALPHA)
		    && (i + 1 == n
			|| !(uni_flags(p_string_ref(s, i + 1)) & UNI_ALPHA))) {
			strbuf_push(&b, 0x3C2);
			continue;
		}
		int k = uni_full_case(which, c, out);
		for (int j = 0; j < k; j++)
			strbuf_push(&b, out[j]);
	}
	return strbuf_string(&b);
}

static val prim_string_upcase(P *p, int argc, val *argv)
{
	(void)argc;
	return convert_case(p, "string-upcase", argv, 'U');
}

static val prim_string_downcase(P *p, int argc, val *argv)
{
	(void)argc;
	return convert_case(p, "string-downcase", argv, 'D');
}

static val prim_string_foldcase(P *p, int argc, val *argv)
{
	(void)argc;
	return convert_case(p, "string-foldcase", argv, 'F');
}

static val prim_string_to_symbol(P *p, int argc, val *argv)
{
	size_t len;
	const char *u = string_utf8_raw(p, p_arg_string(p, "string->symbol", argv, 0),
					&len);

	(void)argc;
	return p_intern(p, u, len);
}

static val prim_symbol_to_string(P *p, int argc, val *argv)
{
	val name;

	(void)argc;
	p_arg_symbol(p, "symbol->string", argv, 0);
	/* A copy: mutating the result must not rename the symbol. */
	name = p_symbol_name(argv[0]);
	return string_substring(p, name, 0, STR_LEN(name));
}

static val prim_symbol_eq(P *p, int argc, val *argv)
{
	int result = 1;

	for (int i = 0; i < argc; i++) {
		p_arg_symbol(p, "symbol=?", argv, i);
		if (i > 0 && argv[i] != argv[0])
			result = 0;
	}
	return P_BOOL(result);
}

const struct p_prim string_prims[] = {
	{"base", "string?", prim_string_p, 1, 1, 0},
	{"base", "make-string", prim_make_string, 1, 2, 0},
	{"base", "string", prim_string, 0, -1, 0},
	{"base", "string-length", prim_string_length, 1, 1, 0},
	{"base", "string-ref", prim_string_ref, 2, 2, 0},
	{"base", "string-set!", prim_string_set, 3, 3, 0},
	{"base", "string=?", prim_string_eq, 1, -1, 0},
	{"base", "string<?", prim_string_lt, 1, -1, 0},
	{"base", "string>?", prim_string_gt, 1, -1, 0},
	{"base", "string<=?", prim_string_le, 1, -1, 0},
	{"base", "string>=?", prim_string_ge, 1, -1, 0},
	{"char", "string-ci=?", prim_string_ci_eq, 1, -1, 0},
	{"char", "string-ci<?", prim_string_ci_lt, 1, -1, 0},
	{"char", "string-ci>?", prim_string_ci_gt, 1, -1, 0},
	{"char", "string-ci<=?", prim_string_ci_le, 1, -1, 0},
	{"char", "string-ci>=?", prim_string_ci_ge, 1, -1, 0},
	{"base", "substring", prim_substring, 3, 3, 0},
	{"base", "string-copy", prim_string_copy, 1, 3, 0},
	{"base", "string-append", prim_string_append, 0, -1, 0},
	{"base", "string->list", prim_string_to_list, 1, 3, 0},
	{"base", "list->string", prim_list_to_string, 1, 1, 0},
	{"base", "string-copy!", prim_string_copy_x, 3, 5, 0},
	{"base", "string-fill!", prim_string_fill, 2, 4, 0},
	{"base", "string->vector", prim_string_to_vector, 1, 3, 0},
	{"base", "vector->string", prim_vector_to_string, 1, 3, 0},
	{"char", "string-upcase", prim_string_upcase, 1, 1, 0},
	{"char", "string-downcase", prim_string_downcase, 1, 1, 0},
	{"char", "string-foldcase", prim_string_foldcase, 1, 1, 0},
	{"base", "string->symbol", prim_string_to_symbol, 1, 1, 0},
	{"base", "symbol->string", prim_symbol_to_string, 1, 1, 0},
	{"base", "symbol=?", prim_symbol_eq, 1, -1, 0},
	{NULL, NULL, NULL, 0, 0, 0},
};
