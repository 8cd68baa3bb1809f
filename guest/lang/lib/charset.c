/*
 * charset.c - the set engine under (srfi 14): inversion lists.
 *
 * A set of code points is a vector of fixnums s0 e0 s1 e1 ..., strictly
 * increasing, each pair the half-open range [s, e) of members.  Membership
 * is a binary search, set algebra one merge of two sorted lists, and the
 * standard sets come straight from the generated Unicode class runs
 * (uni_classes), so none of it walks the 1.1 million code points.
 *
 * Collections happen only at VM safe points, never inside a primitive, so
 * the scratch bytevector of from-points stays put while the result is
 * allocated.
 */
#include <string.h>

#include "core.h"
#include "args.h"
#include "charset.h"
#include "string_obj.h"
#include "unicode.h"

#define INV(v, i) ((uint32_t)P_FIXVAL(P_VEC(v)[i]))

static val inversion_arg(P *p, const char *who, val *argv, int i)
{
	val v = p_arg_vector(p, who, argv, i);
	p_arg_expect(p, who, argv, i, P_VEC_LEN(v) % 2 == 0, "inversion list");
	return v;
}

static uint32_t point_arg(P *p, const char *who, val *argv, int i)
{
	if (P_IS_CHAR(argv[i]))
		return P_CHARVAL(argv[i]);
	p_arg_expect(p, who, argv, i, P_IS_FIX(argv[i]), "character or code point");
	if (P_FIXVAL(argv[i]) < 0 || P_FIXVAL(argv[i]) > UNI_MAX + 1)
		p_range_error(p, who, i + 1, argv[i]);
	return (uint32_t)P_FIXVAL(argv[i]);
}

/* Index of the first boundary greater than c; odd means c is a member. */
static size_t boundary_after(val inv, uint32_t c)
{
	size_t lo = 0, hi = P_VEC_LEN(inv);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (INV(inv, mid) <= c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* (inversion-member? inv c) */
static val prim_member(P *p, int argc, val *argv)
{
	(void)argc;
	val inv = inversion_arg(p, "char-set-contains?", argv, 0);
	uint32_t c = point_arg(p, "char-set-contains?", argv, 1);
	return P_BOOL(boundary_after(inv, c) % 2);
}

/* (inversion-next inv c): the least member at or above c, or -1. */
static val prim_next(P *p, int argc, val *argv)
{
	(void)argc;
	val inv = inversion_arg(p, "char-set-cursor-next", argv, 0);
	uint32_t c = point_arg(p, "char-set-cursor-next", argv, 1);
	size_t i = boundary_after(inv, c);
	if (i % 2)
		return P_FIX(c);
	return i < P_VEC_LEN(inv) ? P_VEC(inv)[i] : P_FIX(-1);
}

/* Runs arrive in increasing order through add_run, which joins runs that
 * touch or overlap; the sink counts the boundaries (out #f, a first pass
 * sizing the vector) or writes them. */
struct run_sink { val out; size_t n; };

static void emit_run(struct run_sink *s, uint32_t start, uint32_t end)
{
	if (s->out != P_FALSE) {
		P_VEC(s->out)[s->n] = P_FIX(start);
		P_VEC(s->out)[s->n + 1] = P_FIX(end);
	}
	s->n += 2;
}

struct run_builder { struct run_sink sink; int open; uint32_t start, end; };

enum { SET_UNION, SET_INTERSECTION, SET_DIFFERENCE, SET_XOR, SET_OP_COUNT };

/* Where a result's runs come from: one of the three producers below. */
struct run_source {
	void (*produce)(struct run_builder *b, const struct run_source *src);
	uint32_t cats;			/* categories: general category bits */
	unsigned flag;			/* property: a UNI_* flag */
	unsigned bits;			/* categories: UNI_SRFI14_* bits */
	val x, y;			/* merge: the two lists */
	int op;				/* merge: SET_* */
	const uint32_t *points;		/* points: sorted code points */
	size_t npoints;
};

static void add_run(struct run_builder *b, uint32_t start, uint32_t end)
{
	if (start >= end)
		return;
	if (b->open && start <= b->end) {
		if (end > b->end)
			b->end = end;
		return;
	}
	if (b->open)
		emit_run(&b->sink, b->start, b->end);
	b->open = 1;
	b->start = start;
	b->end = end;
}

static void finish_runs(struct run_builder *b)
{
	if (b->open)
		emit_run(&b->sink, b->start, b->end);
	b->open = 0;
}

/* Two passes over the source: one counting the boundaries, one writing
 * them into a vector of that size. */
static val build_inversion(P *p, const struct run_source *src)
{
	struct run_builder b = { { P_FALSE, 0 }, 0, 0, 0 };
	src->produce(&b, src);
	b.sink.out = p_make_vector(p, b.sink.n, P_FIX(0));
	b.sink.n = 0;
	src->produce(&b, src);
	return b.sink.out;
}

/* Parses a category spec: two-letter general categories (Lu, Nd, ...) and
 * "lc"/"uc" for SRFI 14's lower-case and upper-case bits. */
static int category_spec(val spec, uint32_t *cats, unsigned *bits)
{
	size_t n = p_string_length(spec);

	*cats = 0;
	*bits = 0;
	if (n % 2)
		return 0;
	for (size_t i = 0; i < n; i += 2) {
		char code[3] = { (char)p_string_ref(spec, i),
				 (char)p_string_ref(spec, i + 1), 0 };
		if (code[0] == 'l' && code[1] == 'c') {
			*bits |= UNI_SRFI14_LOWER;
			continue;
		}
		if (code[0] == 'u' && code[1] == 'c') {
			*bits |= UNI_SRFI14_UPPER;
			continue;
		}
		const char *names = uni_category_names;
		size_t k = 0;
		while (names[2 * k] &&
		       (names[2 * k] != code[0] || names[2 * k + 1] != code[1]))
			k++;
		if (!names[2 * k])
			return 0;
		*cats |= (uint32_t)1 << k;
	}
	return 1;
}

static void category_runs(struct run_builder *b, const struct run_source *src)
{
	uint32_t cats = src->cats;
	unsigned bits = src->bits;

	for (size_t i = 0; i < uni_nclasses; i++) {
		unsigned cls = uni_classes[i] & 0xff;
		uint32_t start = uni_classes[i] >> 8;
		uint32_t end = i + 1 < uni_nclasses ? uni_classes[i + 1] >> 8
			: UNI_MAX + 1;
		if ((cats >> (cls & UNI_CATEGORY_MASK) & 1) || (cls & bits))
			add_run(b, start, end);
	}
	finish_runs(b);
}

/* (inversion-of-categories spec) */
static val prim_categories(P *p, int argc, val *argv)
{
	(void)argc;
	val spec = p_arg_string(p, "inversion-of-categories", argv, 0);
	uint32_t cats;
	unsigned bits;
	if (!category_spec(spec, &cats, &bits))
		p_range_error(p, "inversion-of-categories", 1, spec);
	struct run_source src = { .produce = category_runs, .cats = cats,
				  .bits = bits };
	return build_inversion(p, &src);
}

static void property_runs(struct run_builder *b, const struct run_source *src)
{
	for (size_t i = 0; i < uni_nranges; i++) {
		uint32_t end = i + 1 < uni_nranges ? uni_ranges[i + 1].start
			: UNI_MAX + 1;
		if (uni_ranges[i].flags & src->flag)
			add_run(b, uni_ranges[i].start, end);
	}
	finish_runs(b);
}

/* (inversion-of-property name): the code points with the property R7RS's
 * char-alphabetic?, char-upper-case?, char-lower-case? or
 * char-whitespace? test, named alphabetic, uppercase, lowercase or
 * white-space. */
static val prim_property(P *p, int argc, val *argv)
{
	(void)argc;
	static const struct { const char *name; unsigned flag; } props[] = {
		{ "alphabetic", UNI_ALPHA }, { "uppercase", UNI_UPPER },
		{ "lowercase", UNI_LOWER }, { "white-space", UNI_SPACE },
	};
	val name = p_arg_symbol(p, "inversion-of-property", argv, 0);
	const char *text = p_string_cstr(p, p_symbol_name(name));
	for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
		if (strcmp(text, props[i].name) == 0) {
			struct run_source src = { .produce = property_runs,
						  .flag = props[i].flag };
			return build_inversion(p, &src);
		}
	}
	p_range_error(p, "inversion-of-property", 1, name);
}

static int op_keeps(int op, int in_a, int in_b)
{
	switch (op) {
	case SET_UNION:
		return in_a || in_b;
	case SET_INTERSECTION:
		return in_a && in_b;
	case SET_DIFFERENCE:
		return in_a && !in_b;
	default:
		return in_a != in_b;
	}
}

/* Sweeps the boundaries of a and b in order; between two consecutive
 * boundaries membership in each is constant, so the result's runs are the
 * stretches op keeps. */
static void merge_runs(struct run_builder *b, const struct run_source *src)
{
	val x = src->x, y = src->y;
	int op = src->op;
	size_t i = 0, j = 0, nx = P_VEC_LEN(x), ny = P_VEC_LEN(y);
	uint32_t at = 0;

	while (i < nx || j < ny) {
		uint32_t next = i < nx && (j >= ny || INV(x, i) <= INV(y, j))
			? INV(x, i) : INV(y, j);
		if (op_keeps(op, i % 2, j % 2))
			add_run(b, at, next);
		while (i < nx && INV(x, i) == next)
			i++;
		while (j < ny && INV(y, j) == next)
			j++;
		at = next;
	}
	finish_runs(b);
}

/* (inversion-merge a b op): op 0 union, 1 intersection, 2 difference,
 * 3 symmetric difference. */
static val prim_merge(P *p, int argc, val *argv)
{
	(void)argc;
	val x = inversion_arg(p, "char-set-union", argv, 0);
	val y = inversion_arg(p, "char-set-union", argv, 1);
	if (!P_IS_FIX(argv[2]) || P_FIXVAL(argv[2]) < 0 ||
	    P_FIXVAL(argv[2]) >= SET_OP_COUNT)
		p_type_error(p, "inversion-merge", 3, "set operation", argv[2]);
	int op = (int)P_FIXVAL(argv[2]);
	struct run_source src = { .produce = merge_runs, .x = x, .y = y,
				  .op = op };
	return build_inversion(p, &src);
}

/* Heapsort, in place: no allocation and O(n log n) on any input. */
static void sift_down(uint32_t *a, size_t i, size_t n)
{
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			return;
		if (c + 1 < n && a[c + 1] > a[c])
			c++;
		if (a[i] >= a[c])
			return;
		uint32_t t = a[i];
		a[i] = a[c];
		a[c] = t;
		i = c;
	}
}

static void sort_points(uint32_t *a, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(a, i, n);
	for (size_t k = n; k-- > 1;) {
		uint32_t t = a[0];
		a[0] = a[k];
		a[k] = t;
		sift_down(a, 0, k);
	}
}

static void point_runs(struct run_builder *b, const struct run_source *src)
{
	for (size_t i = 0; i < src->npoints; i++)
		add_run(b, src->points[i], src->points[i] + 1);
	finish_runs(b);
}

/* (inversion-of-points chars): the set of the characters of chars, a
 * string or a proper list of characters. */
static val prim_points(P *p, int argc, val *argv)
{
	(void)argc;
	const char *who = "list->char-set";
	val chars = argv[0];
	size_t n = 0;
	if (P_IS_STRING(chars)) {
		n = p_string_length(chars);
	} else {
		val slow = chars;
		for (val l = chars; l != P_NIL; l = P_CDR(l)) {
			if (!P_IS_PAIR(l) || !P_IS_CHAR(P_CAR(l)))
				p_type_error(p, who, 1, "list of characters", chars);
			if (++n % 2 == 0) {
				slow = P_CDR(slow);
				if (slow == P_CDR(l))
					p_type_error(p, who, 1, "list of characters",
						     chars);
			}
		}
	}
	val scratch = p_make_bytevector(p, n * sizeof(uint32_t), 0);
	uint32_t *a = (uint32_t *)(void *)P_BV_DATA(scratch);
	if (P_IS_STRING(chars)) {
		for (size_t i = 0; i < n; i++)
			a[i] = p_string_ref(chars, i);
	} else {
		size_t i = 0;
		for (val l = chars; l != P_NIL; l = P_CDR(l))
			a[i++] = P_CHARVAL(P_CAR(l));
	}
	sort_points(a, n);
	struct run_source src = { .produce = point_runs, .points = a,
				  .npoints = n };
	return build_inversion(p, &src);
}

const struct p_prim charset_prims[] = {
	{ "pxen charset", "inversion-member?", prim_member, 2, 2, 0 },
	{ "pxen charset", "inversion-next", prim_next, 2, 2, 0 },
	{ "pxen charset", "inversion-of-categories", prim_categories, 1, 1, 0 },
	{ "pxen charset", "inversion-merge", prim_merge, 3, 3, 0 },
	{ "pxen charset", "inversion-of-property", prim_property, 1, 1, 0 },
	{ "pxen charset", "inversion-of-points", prim_points, 1, 1, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
