/*
 * library.c - define-library, import and the built-in libraries.
 *
 * Every built-in binding lives in the system environment and carries a
 * library tag ("base", "char", "pxen net", ...); (scheme X) exports the
 * bindings tagged X and (pxen X) those tagged "pxen X".  A user library is
 * a vector [name env exports deps thunk started] registered by name; its
 * body is compiled when it is defined and run (once, after its own
 * imports) by %library-run before the code that imported it.  Libraries
 * not yet registered are taken from the sources embedded in the
 * interpreter (lib/lib_sources.h), then looked for as NAME/PARTS.sld along the
 * search path (the program's directory, ".", "lib/", then $P_LIBRARY_PATH).
 */
#include "compile_int.h"
#include "string_obj.h"
#include "lib_sources.h"

enum { LIB_NAME, LIB_ENV, LIB_EXPORTS, LIB_DEPS, LIB_THUNK, LIB_STARTED, LIB_NSLOTS };

void lib_tag(P *p, const char *lib, val sym)
{
	env_bind(p, p->roots[R_TAGS], sym, sym_intern_cstr(p, lib));
}

/* The tag for a library name: (scheme X) -> X, (pxen X) -> "pxen X". */
static val builtin_tag(P *p, val name)
{
	if (list_length(name) != 2 || !P_IS_SYMBOL(P_CAR(name)) ||
	    !P_IS_SYMBOL(P_CAR(P_CDR(name))))
		return 0;
	size_t n;
	const char *s = sym_chars(P_CAR(P_CDR(name)), &n);
	if (sym_is(P_CAR(name), "scheme"))
		return p_intern(p, s, n);
	if (sym_is(P_CAR(name), "pxen")) {
		char buf[128];
		if (n > 100)
			return 0;
		memcpy(buf, "pxen ", 5);
		memcpy(buf + 5, s, n);
		return p_intern(p, buf, n + 5);
	}
	return 0;
}

static const char *const r5rs_tags[] = {
	"base", "inexact", "complex", "cxr", "char", "lazy", "eval", "load",
	"read", "write", "file", "process-context", "repl", NULL
};

struct collect {
	val tag;
	int r5rs;
	val out;
};

static void collect_one(P *p, val sym, val tag, void *ctx)
{
	struct collect *c = ctx;
	int take = tag == c->tag;
	if (c->r5rs)
		for (int i = 0; r5rs_tags[i]; i++)
			take |= sym_is(tag, r5rs_tags[i]);
	if (!take)
		return;
	val b = env_lookup(p, p->roots[R_SYSENV], sym);
	if (b)
		c->out = p_cons(p, p_cons(p, sym, b), c->out);
}

static val builtin_library(P *p, val name)
{
	val tag = builtin_tag(p, name);
	if (!tag)
		return 0;
	struct collect c = { tag, sym_is(tag, "r5rs"), P_NIL };
	env_for_each(p, p->roots[R_TAGS], collect_one, &c);
	if (c.out == P_NIL)
		return 0;
	val lib = p_make_vector(p, LIB_NSLOTS, P_FALSE);
	P_SET_SLOT(lib, LIB_NAME, name);
	P_SET_SLOT(lib, LIB_ENV, p->roots[R_SYSENV]);
	P_SET_SLOT(lib, LIB_EXPORTS, c.out);
	P_SET_SLOT(lib, LIB_DEPS, P_NIL);
	P_SET_SLOT(lib, LIB_STARTED, P_TRUE);
	p->roots[R_LIBS] = p_cons(p, p_cons(p, name, lib), p->roots[R_LIBS]);
	return lib;
}

static val registered(P *p, val name)
{
	for (val l = p->roots[R_LIBS]; l != P_NIL; l = P_CDR(l))
		if (p_equal_p(p, P_CAR(P_CAR(l)), name))
			return P_CDR(P_CAR(l));
	return 0;
}

static int valid_name(val name)
{
	if (list_length(name) < 1)
		return 0;
	for (; name != P_NIL; name = P_CDR(name))
		if (!P_IS_SYMBOL(P_CAR(name)) &&
		    !(P_IS_FIX(P_CAR(name)) && P_FIXVAL(P_CAR(name)) >= 0))
			return 0;
	return 1;
}

/* "foo/bar.sld" for (foo bar). */
static val sld_path(P *p, const char *dir, val name)
{
	struct strbuf b;
	strbuf_init(&b, p);
	strbuf_push_ascii(&b, dir);
	for (val l = name; l != P_NIL; l = P_CDR(l)) {
		val part = p_write_to_string(p, P_CAR(l), 1);
		for (size_t i = 0; i < STR_LEN(part); i++)
			strbuf_push(&b, p_string_ref(part, i));
		strbuf_push(&b, P_CDR(l) == P_NIL ? '.' : '/');
	}
	strbuf_push_ascii(&b, "sld");
	return strbuf_string(&b);
}

/* The embedded source named like name ("srfi 1" for (srfi 1)), or NULL. */
static const struct lib_source *embedded_source(P *p, val name)
{
	char key[128];
	size_t n = 0;
	for (val l = name; l != P_NIL; l = P_CDR(l)) {
		val part = p_write_to_string(p, P_CAR(l), 1);
		size_t len = p_string_utf8(part, key + n, sizeof key - n);
		if (n + len + 1 >= sizeof key)
			return NULL;
		n += len;
		key[n++] = P_CDR(l) == P_NIL ? 0 : ' ';
	}
	for (const struct lib_source *s = lib_sources; s->name; s++)
		if (!strcmp(s->name, key))
			return s;
	return NULL;
}

static val find_library(P *p, val name, val whole);

/* Defines an embedded library on its first import; an alias shares the
 * library object of the name it stands for. */
static val embedded_library(P *p, val name, val whole)
{
	const struct lib_source *s = embedded_source(p, name);
	if (!s)
		return 0;
	if (s->alias_of) {
		struct strbuf b;
		strbuf_init(&b, p);
		strbuf_push_ascii(&b, "(");
		strbuf_push_ascii(&b, s->alias_of);
		strbuf_push_ascii(&b, ")");
		val target = read_text_datums(p, strbuf_string(&b), P_FALSE);
		val lib = find_library(p, P_CAR(target), whole);
		p->roots[R_LIBS] = p_cons(p, p_cons(p, name, lib), p->roots[R_LIBS]);
		return lib;
	}
	val saved = p->cur_file;
	p->cur_file = str_c(p, s->file);
	val forms = read_text_datums(p, p_string_from_utf8(p, s->text, strlen(s->text)),
				     p->cur_file);
	for (; forms != P_NIL; forms = P_CDR(forms))
		lib_define(p, P_CAR(forms), p->roots[R_SYSENV]);
	p->cur_file = saved;
	return registered(p, name);
}

static val find_library(P *p, val name, val whole)
{
	val lib = registered(p, name);
	if (lib)
		return lib;
	lib = builtin_library(p, name);
	if (lib)
		return lib;
	lib = embedded_library(p, name, whole);
	if (lib)
		return lib;
	for (val d = p->roots[R_LIBPATH]; d != P_NIL; d = P_CDR(d)) {
		val path = sld_path(p, string_utf8_raw(p, P_CAR(d), &(size_t){0}), name);
		struct plat_stat st;
		if (plat_stat(string_utf8_raw(p, path, &(size_t){0}), &st) < 0 ||
		    st.type != PLAT_FT_FILE)
			continue;
		val saved = p->cur_file;
		p->cur_file = path;
		val forms = read_file_datums(p, "import", path, 0);
		for (; forms != P_NIL; forms = P_CDR(forms)) {
			val f = P_CAR(forms);
			if (P_IS_PAIR(f) && P_IS_SYMBOL(P_CAR(f)) &&
			    sym_is(P_CAR(f), "define-library"))
				lib_define(p, f, p->roots[R_SYSENV]);
		}
		p->cur_file = saved;
		lib = registered(p, name);
		if (lib)
			return lib;
	}
	val e = err_make(p, PE_ERROR, str_c(p, "import: library not found"),
			 p_cons(p, name, P_NIL));
	(void)whole;
	err_raise(p, e);
}

static int id_in(val id, val l)
{
	for (; P_IS_PAIR(l); l = P_CDR(l))
		if (P_CAR(l) == id)
			return 1;
	return 0;
}

/* An import set, without aliases, as an alist (name . binding); *libs gets
 * user libraries. */
static val import_set(P *p, val spec, val *libs, val whole)
{
	err_check_depth(p, "import", whole);
	if (!P_IS_PAIR(spec))
		err_syntax(p, "import", whole);
	val h = P_CAR(spec);
	long n = list_length(spec);
	if (P_IS_SYMBOL(h) && n >= 2 && P_IS_PAIR(P_CAR(P_CDR(spec))) &&
	    (sym_is(h, "only") || sym_is(h, "except") || sym_is(h, "prefix") ||
	     sym_is(h, "rename"))) {
		val inner = import_set(p, P_CAR(P_CDR(spec)), libs, whole);
		val args = P_CDR(P_CDR(spec));
		val out = P_NIL;
		if (sym_is(h, "only") || sym_is(h, "except")) {
			int only = sym_is(h, "only");
			for (val a = args; a != P_NIL; a = P_CDR(a)) {
				if (!P_IS_SYMBOL(P_CAR(a)))
					err_syntax(p, "import", whole);
				int found = 0;
				for (val l = inner; l != P_NIL; l = P_CDR(l))
					found |= P_CAR(P_CAR(l)) == P_CAR(a);
				if (!found) {
					val e = err_make(p, PE_ERROR,
						str_c(p, "import: identifier not exported"),
						p_list(p, 2, P_CAR(a), spec));
					err_raise(p, e);
				}
			}
			for (val l = inner; l != P_NIL; l = P_CDR(l))
				if (id_in(P_CAR(P_CAR(l)), args) == only)
					out = p_cons(p, P_CAR(l), out);
			return out;
		}
		if (sym_is(h, "prefix")) {
			if (n != 3 || !P_IS_SYMBOL(P_CAR(args)))
				err_syntax(p, "import", whole);
			size_t pl;
			const char *pre = sym_chars(P_CAR(args), &pl);
			for (val l = inner; l != P_NIL; l = P_CDR(l)) {
				size_t sl;
				const char *s = sym_chars(P_CAR(P_CAR(l)), &sl);
				char *buf = P_RAW(p_alloc(p, T_BYTES, pl + sl + 1));
				memcpy(buf, pre, pl);
				memcpy(buf + pl, s, sl);
				out = p_cons(p, p_cons(p, p_intern(p, buf, pl + sl),
						       P_CDR(P_CAR(l))), out);
			}
			return out;
		}
		/* rename */
		for (val l = inner; l != P_NIL; l = P_CDR(l)) {
			val nm = P_CAR(P_CAR(l));
			for (val a = args; a != P_NIL; a = P_CDR(a)) {
				val r = P_CAR(a);
				if (list_length(r) != 2 || !P_IS_SYMBOL(P_CAR(r)) ||
				    !P_IS_SYMBOL(P_CAR(P_CDR(r))))
					err_syntax(p, "import", whole);
				if (P_CAR(r) == P_CAR(P_CAR(l)))
					nm = P_CAR(P_CDR(r));
			}
			out = p_cons(p, p_cons(p, nm, P_CDR(P_CAR(l))), out);
		}
		return out;
	}
	if (!valid_name(spec))
		err_syntax(p, "import", whole);
	val lib = find_library(p, spec, whole);
	if (P_VEC(lib)[LIB_THUNK] != P_FALSE && !id_in(lib, *libs))
		*libs = p_cons(p, lib, *libs);
	return P_VEC(lib)[LIB_EXPORTS];
}

val lib_import(P *p, val env, val specs)
{
	val libs = P_NIL;
	val whole = p_cons(p, sym_intern_cstr(p, "import"), specs);
	if (list_length(specs) < 0)
		err_syntax(p, "import", whole);
	for (val s = specs; s != P_NIL; s = P_CDR(s)) {
		val set = import_set(p, syntax_strip(p, P_CAR(s)), &libs, whole);
		for (; set != P_NIL; set = P_CDR(set))
			env_bind(p, env, P_CAR(P_CAR(set)), P_CDR(P_CAR(set)));
	}
	return core_list_reverse(libs, P_NIL);
}

/* Library declarations into *body, *exports, *deps. */
static void lib_decls(P *p, val decls, val env, val *body, val *exports,
		      val *deps, val whole)
{
	for (; decls != P_NIL; decls = P_CDR(decls)) {
		val d = P_CAR(decls);
		if (!P_IS_PAIR(d) || !P_IS_SYMBOL(P_CAR(d)) || list_length(d) < 1)
			err_syntax(p, "define-library", whole);
		val h = P_CAR(d);
		if (sym_is(h, "export")) {
			for (val e = P_CDR(d); e != P_NIL; e = P_CDR(e)) {
				val s = P_CAR(e);
				if (P_IS_SYMBOL(s))
					*exports = p_cons(p, p_cons(p, s, s), *exports);
				else if (list_length(s) == 3 && P_IS_SYMBOL(P_CAR(s)) &&
					 sym_is(P_CAR(s), "rename"))
					*exports = p_cons(p, p_cons(p, P_CAR(P_CDR(s)),
								    P_CAR(P_CDR(P_CDR(s)))), *exports);
				else
					err_syntax(p, "export", whole);
			}
		} else if (sym_is(h, "import")) {
			val libs = lib_import(p, env, P_CDR(d));
			*deps = core_list_reverse(core_list_reverse(*deps, P_NIL),
						  libs);
		} else if (sym_is(h, "begin")) {
			*body = core_list_reverse(syntax_copy_list(p, P_CDR(d)), *body);
		} else if (sym_is(h, "include") || sym_is(h, "include-ci")) {
			int ci = sym_is(h, "include-ci");
			for (val f = P_CDR(d); f != P_NIL; f = P_CDR(f)) {
				if (!P_IS_STRING(P_CAR(f)))
					err_syntax(p, "include", whole);
				*body = core_list_reverse(
					read_file_datums(p, "include", P_CAR(f), ci), *body);
			}
		} else if (sym_is(h, "include-library-declarations")) {
			for (val f = P_CDR(d); f != P_NIL; f = P_CDR(f)) {
				if (!P_IS_STRING(P_CAR(f)))
					err_syntax(p, "include-library-declarations", whole);
				lib_decls(p, read_file_datums(p, "include-library-declarations",
							      P_CAR(f), 0),
					  env, body, exports, deps, whole);
			}
		} else if (sym_is(h, "cond-expand")) {
			struct cx c = { .p = p, .env = env };
			lib_decls(p, cond_expand_body(&c, d), env, body, exports, deps, whole);
		} else {
			err_syntax(p, "define-library", whole);
		}
	}
}

val lib_define(P *p, val form, val env)
{
	(void)env;
	form = syntax_strip(p, form);
	if (list_length(form) < 2 || !valid_name(P_CAR(P_CDR(form))))
		err_syntax(p, "define-library", form);
	val name = P_CAR(P_CDR(form));
	val lenv = env_make(p, name);
	val body = P_NIL, exports = P_NIL, deps = P_NIL;
	lib_decls(p, P_CDR(P_CDR(form)), lenv, &body, &exports, &deps, form);
	body = core_list_reverse(body, P_NIL);
	val thunk = compile_body_forms(p, body == P_NIL ? p_cons(p, P_VOID, P_NIL) : body, lenv);
	val out = P_NIL;
	for (val e = exports; e != P_NIL; e = P_CDR(e)) {
		val b = env_lookup(p, lenv, P_CAR(P_CAR(e)));
		if (!b) {
			val err = err_make(p, PE_ERROR,
					   str_c(p, "define-library: exported identifier is not defined"),
					   p_list(p, 2, P_CAR(P_CAR(e)), name));
			err_raise(p, err);
		}
		out = p_cons(p, p_cons(p, P_CDR(P_CAR(e)), b), out);
	}
	val lib = p_make_vector(p, LIB_NSLOTS, P_FALSE);
	P_SET_SLOT(lib, LIB_NAME, name);
	P_SET_SLOT(lib, LIB_ENV, lenv);
	P_SET_SLOT(lib, LIB_EXPORTS, out);
	P_SET_SLOT(lib, LIB_DEPS, deps);
	P_SET_SLOT(lib, LIB_THUNK, thunk);
	P_SET_SLOT(lib, LIB_STARTED, P_FALSE);
	p->roots[R_LIBS] = p_cons(p, p_cons(p, name, lib), p->roots[R_LIBS]);
	return lib;
}

/* The N of an embedded library (srfi N) named "srfi N", or NULL: such a
 * library makes srfi-N a feature, as other Schemes list their SRFIs. */
static const char *srfi_number(const struct lib_source *s)
{
	if (s->alias_of || strncmp(s->name, "srfi ", 5))
		return NULL;
	const char *n = s->name + 5;
	for (const char *c = n; *c; c++)
		if (*c < '0' || *c > '9')
			return NULL;
	return *n ? n : NULL;
}

static int srfi_feature(val sym)
{
	size_t n;
	const char *s = sym_chars(sym, &n);
	if (n <= 5 || memcmp(s, "srfi-", 5))
		return 0;
	for (const struct lib_source *l = lib_sources; l->name; l++) {
		const char *num = srfi_number(l);
		if (num && strlen(num) == n - 5 && !memcmp(num, s + 5, n - 5))
			return 1;
	}
	return 0;
}

int lib_cond_feature(P *p, val req)
{
	if (P_IS_PAIR(req)) {
		val name = P_CAR(P_CDR(req));
		if (!valid_name(name))
			return 0;
		if (registered(p, name) || builtin_library(p, name) ||
		    embedded_source(p, name))
			return 1;
		for (val d = p->roots[R_LIBPATH]; d != P_NIL; d = P_CDR(d)) {
			val path = sld_path(p, string_utf8_raw(p, P_CAR(d), &(size_t){0}), name);
			struct plat_stat st;
			if (plat_stat(string_utf8_raw(p, path, &(size_t){0}), &st) == 0)
				return 1;
		}
		return 0;
	}
	for (val l = p->roots[R_FEATURES]; l != P_NIL; l = P_CDR(l))
		if (P_CAR(l) == req)
			return 1;
	return srfi_feature(req);
}

/* (%library-start! lib): (deps . thunk) the first time, then #f. */
static val prim_library_start(P *p, int argc, val *argv)
{
	(void)argc;
	val lib = argv[0];
	if (!P_IS_VECTOR(lib) || P_VEC_LEN(lib) != LIB_NSLOTS ||
	    P_VEC(lib)[LIB_STARTED] != P_FALSE)
		return P_FALSE;
	P_SET_SLOT(lib, LIB_STARTED, P_TRUE);
	return p_cons(p, P_VEC(lib)[LIB_DEPS], P_VEC(lib)[LIB_THUNK]);
}

/* (%environment specs): (env . libraries to run). */
static val prim_environment(P *p, int argc, val *argv)
{
	(void)argc;
	val env = env_make(p, P_FALSE);
	val libs = lib_import(p, env, argv[0]);
	return p_cons(p, env, libs);
}

static val prim_features(P *p, int argc, val *argv)
{
	(void)argc; (void)argv;
	val out = P_NIL;
	for (val l = p->roots[R_FEATURES]; l != P_NIL; l = P_CDR(l))
		out = p_cons(p, P_CAR(l), out);
	for (const struct lib_source *l = lib_sources; l->name; l++) {
		const char *num = srfi_number(l);
		if (num) {
			char buf[32];
			size_t n = strlen(num);
			if (n > sizeof buf - 6)
				continue;
			memcpy(buf, "srfi-", 5);
			memcpy(buf + 5, num, n);
			out = p_cons(p, p_intern(p, buf, n + 5), out);
		}
	}
	return core_list_reverse(out, P_NIL);
}

static val prim_add_library_dir(P *p, int argc, val *argv)
{
	(void)argc;
	if (!P_IS_STRING(argv[0]))
		p_type_error(p, "add-library-directory!", 1, "string", argv[0]);
	size_t n;
	const char *s = string_utf8_raw(p, argv[0], &n);
	val dir = argv[0];
	if (n && s[n - 1] != '/') {
		struct strbuf b;
		strbuf_init(&b, p);
		for (size_t i = 0; i < STR_LEN(dir); i++)
			strbuf_push(&b, p_string_ref(dir, i));
		strbuf_push(&b, '/');
		dir = strbuf_string(&b);
	}
	val l = p->roots[R_LIBPATH];
	p->roots[R_LIBPATH] = core_list_reverse(core_list_reverse(l, P_NIL), p_cons(p, dir, P_NIL));
	return P_VOID;
}

const struct p_prim library_prims[] = {
	{ "base", "%library-start!", prim_library_start, 1, 1, 0 },
	{ "base", "%environment", prim_environment, 1, 1, 0 },
	{ "base", "features", prim_features, 0, 0, 0 },
	{ "pxen lib", "add-library-directory!", prim_add_library_dir, 1, 1, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
