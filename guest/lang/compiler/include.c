/*
 * include.c - include, include-ci and cond-expand, and reading whole source
 * files through the platform (on the guest they come from dom0).
 */
#include "compile_int.h"
#include "string_obj.h"
#include "port.h"

const char *source_dir(P *p)
{
	if (!P_IS_STRING(p->cur_file))
		return "";
	size_t n;
	const char *s = string_utf8_raw(p, p->cur_file, &n);
	size_t cut = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '/')
			cut = i + 1;
	char *d = P_RAW(p_alloc(p, T_BYTES, cut + 1));
	memcpy(d, s, cut);
	d[cut] = 0;
	return d;
}

/* The whole file as a P string, or a negative platform error. */
static long slurp(P *p, const char *path, val *out)
{
	int h = plat_open(path, PLAT_O_READ);
	if (h < 0)
		return h;
	size_t cap = 8192, len = 0;
	char *buf = P_RAW(p_alloc(p, T_BYTES, cap));
	for (;;) {
		if (len == cap) {
			char *nb = P_RAW(p_alloc(p, T_BYTES, cap * 2));
			memcpy(nb, buf, len);
			buf = nb;
			cap *= 2;
		}
		long n = plat_read(h, buf + len, cap - len);
		if (n < 0) {
			plat_close(h);
			return n;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	plat_close(h);
	*out = p_string_from_utf8(p, buf, len);
	return 0;
}

static char *join(P *p, const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *s = P_RAW(p_alloc(p, T_BYTES, a + b + 1));
	memcpy(s, dir, a);
	memcpy(s + a, name, b + 1);
	return s;
}

val read_file_datums(P *p, const char *who, val path, int fold_case)
{
	size_t n;
	const char *name = string_utf8_raw(p, path, &n);
	val text = 0, found = path;
	long err = -PLAT_ENOENT;
	if (name[0] != '/') {
		const char *dir = source_dir(p);
		if (dir[0]) {
			const char *joined = join(p, dir, name);
			err = slurp(p, joined, &text);
			if (err >= 0)
				found = str_c(p, joined);
		}
	}
	if (err < 0)
		err = slurp(p, name, &text);
	if (err < 0)
		p_file_error(p, who, (int)err, path);
	if (fold_case) {
		val pre = str_c(p, "#!fold-case ");
		val both = string_alloc(p, STR_LEN(pre) + STR_LEN(text), 4);
		for (size_t i = 0; i < STR_LEN(pre); i++)
			p_string_set(p, both, i, p_string_ref(pre, i));
		for (size_t i = 0; i < STR_LEN(text); i++)
			p_string_set(p, both, STR_LEN(pre) + i, p_string_ref(text, i));
		text = both;
	}
	return read_text_datums(p, text, found);
}

val read_text_datums(P *p, val text, val name)
{
	val port = p_open_input_string(p, text);
	if (P_IS_STRING(name))
		P_SET_SLOT(port, PORT_NAME, name);
	val forms = P_NIL;
	for (;;) {
		val d = p_read_datum(p, port);
		if (d == P_EOF)
			break;
		forms = p_cons(p, d, forms);
	}
	return core_list_reverse(forms, P_NIL);
}

val include_forms(struct cx *c, val x, int ci)
{
	P *p = c->p;
	const char *who = ci ? "include-ci" : "include";
	if (list_length(x) < 2)
		err_syntax(p, who, x);
	val all = P_NIL;
	for (val l = P_CDR(x); l != P_NIL; l = P_CDR(l)) {
		if (!P_IS_STRING(P_CAR(l)))
			err_syntax(p, who, x);
		val forms = read_file_datums(p, who, P_CAR(l), ci);
		all = core_list_reverse(forms, all);
	}
	return core_list_reverse(all, P_NIL);
}

static int req_true(P *p, val req, val whole);

static int all_of(P *p, val l, int want, val whole)
{
	for (; P_IS_PAIR(l); l = P_CDR(l))
		if (req_true(p, P_CAR(l), whole) != want)
			return !want;
	return want;
}

/* Whether the feature requirement req (without aliases) holds. */
static int req_true(P *p, val req, val whole)
{
	err_check_depth(p, "cond-expand", whole);
	if (P_IS_SYMBOL(req))
		return lib_cond_feature(p, req);
	if (!P_IS_PAIR(req) || !P_IS_SYMBOL(P_CAR(req)))
		err_syntax(p, "cond-expand", whole);
	val h = P_CAR(req);
	if (sym_is(h, "and"))
		return all_of(p, P_CDR(req), 1, whole);
	if (sym_is(h, "or"))
		return all_of(p, P_CDR(req), 0, whole);
	if (sym_is(h, "not") && list_length(req) == 2)
		return !req_true(p, P_CAR(P_CDR(req)), whole);
	if (sym_is(h, "library") && list_length(req) == 2)
		return lib_cond_feature(p, req);
	err_syntax(p, "cond-expand", whole);
}

val cond_expand_body(struct cx *c, val x)
{
	P *p = c->p;
	for (val l = P_CDR(x); l != P_NIL; l = P_CDR(l)) {
		val clause = P_CAR(l);
		if (!P_IS_PAIR(clause))
			err_syntax(p, "cond-expand", x);
		val req = P_CAR(clause);
		if ((IS_IDENT(req) && sym_is(ident_symbol(req), "else")) ||
		    req_true(p, syntax_strip(p, req), x))
			return P_CDR(clause);
	}
	return P_NIL;
}
