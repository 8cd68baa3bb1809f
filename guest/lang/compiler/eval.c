/*
 * eval.c - compiling at run time: eval's compiler entry, reading and
 * compiling a program one form at a time, environments, library tags.
 */
#include "compile_int.h"

static val env_arg(P *p, const char *who, val v, int argno)
{
	if (!P_HAS_TYPE(v, T_ENVIRONMENT))
		p_type_error(p, who, argno, "environment", v);
	return v;
}

/* (%compile expr env): a thunk running expr. */
static val prim_compile(P *p, int argc, val *argv)
{
	(void)argc;
	return compile_toplevel(p, argv[0], env_arg(p, "eval", argv[1], 2));
}

static int is_import_form(val x)
{
	return P_IS_PAIR(x) && P_IS_SYMBOL(P_CAR(x)) && sym_is(P_CAR(x), "import");
}

/* A program that starts with import sees only what it imports (plus the
 * import keyword itself); one without sees everything. */
static val program_env(P *p, val first)
{
	if (!is_import_form(first))
		return p->roots[R_INTERACTION];
	val env = env_make(p, P_FALSE);
	val imp = sym_intern_cstr(p, "import");
	env_bind(p, env, imp, env_lookup(p, p->roots[R_SYSENV], imp));
	return env;
}

/* A REPL command: ,NAME reads as (unquote NAME). */
static int is_command(val x)
{
	return P_IS_PAIR(x) && P_IS_SYMBOL(P_CAR(x)) && sym_is(P_CAR(x), "unquote") &&
	       P_IS_PAIR(P_CDR(x)) && P_IS_SYMBOL(P_CAR(P_CDR(x))) && P_CDR(P_CDR(x)) == P_NIL;
}

/* (%read-compile port env-or-#f name [commands?]): (thunk . env), or eof;
 * with commands? true a REPL command gives its name (a symbol) instead.
 * Reading and compiling in one call keeps the reader's line table valid. */
static val prim_read_compile(P *p, int argc, val *argv)
{
	val d = p_read_datum(p, argv[0]);
	if (d == P_EOF)
		return P_EOF;
	if (argc > 3 && argv[3] != P_FALSE && is_command(d))
		return P_CAR(P_CDR(d));
	val env = argv[1] == P_FALSE ? program_env(p, d)
				     : env_arg(p, "load", argv[1], 2);
	p->cur_file = argv[2];
	val thunk = compile_toplevel(p, d, env);
	return p_cons(p, thunk, env);
}

/* (%expand form env): form with the macro use at its head expanded
 * until its head is no macro, for the REPL's ,expand. */
static val prim_expand(P *p, int argc, val *argv)
{
	(void)argc;
	val x = argv[0], env = env_arg(p, "%expand", argv[1], 2);
	for (;;) {
		if (!P_IS_PAIR(x) || !IS_IDENT(P_CAR(x)))
			break;
		struct res r = resolve(p, P_CAR(x), NULL, env);
		if (r.kind != RES_MACRO)
			break;
		x = macro_expand(p, r.b, x, env, NULL);
	}
	return syntax_strip(p, x);
}

struct completion {
	const char *prefix;
	size_t n;
	val found;	/* symbols, sorted by name */
};

static int sym_before(val a, val b)
{
	size_t na, nb;
	const char *sa = sym_chars(a, &na), *sb = sym_chars(b, &nb);
	int c = memcmp(sa, sb, na < nb ? na : nb);
	return c < 0 || (c == 0 && na < nb);
}

static void complete_one(P *p, val sym, val binding, void *ctx)
{
	struct completion *c = ctx;
	size_t n;
	const char *s = sym_chars(sym, &n);
	(void)binding;
	if (n < c->n || memcmp(s, c->prefix, c->n) || (n && s[0] == '%' && c->n == 0))
		return;
	if (c->found == P_NIL || sym_before(sym, P_CAR(c->found))) {
		c->found = p_cons(p, sym, c->found);
		return;
	}
	val l = c->found;
	while (P_CDR(l) != P_NIL && sym_before(P_CAR(P_CDR(l)), sym))
		l = P_CDR(l);
	if (P_CDR(l) == P_NIL || P_CAR(P_CDR(l)) != sym)
		P_SET_CDR(l, p_cons(p, sym, P_CDR(l)));
}

/* (%complete env prefix): the names bound in env that start with prefix,
 * sorted; names of the implementation (%...) only when asked for. */
static val prim_complete(P *p, int argc, val *argv)
{
	(void)argc;
	val env = env_arg(p, "%complete", argv[0], 1);
	if (!P_IS_STRING(argv[1]))
		p_type_error(p, "%complete", 2, "string", argv[1]);
	struct completion c = { p_string_cstr(p, argv[1]), 0, P_NIL };
	c.n = strlen(c.prefix);
	env_for_each(p, env, complete_one, &c);
	return c.found;
}

static val prim_interaction_env(P *p, int argc, val *argv)
{
	(void)argc; (void)argv;
	return p->roots[R_INTERACTION];
}

static val prim_voidp(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(argv[0] == P_VOID);
}

static val prim_tag(P *p, int argc, val *argv)
{
	if (!P_IS_STRING(argv[0]))
		p_type_error(p, "%tag!", 1, "string", argv[0]);
	val lib = p_intern(p, p_string_cstr(p, argv[0]), strlen(p_string_cstr(p, argv[0])));
	for (int i = 1; i < argc; i++)
		env_bind(p, p->roots[R_TAGS], argv[i], lib);
	return P_VOID;
}

const struct p_prim eval_prims[] = {
	{ "base", "%compile", prim_compile, 2, 2, 0 },
	{ "base", "%read-compile", prim_read_compile, 3, 4, 0 },
	{ "base", "%expand", prim_expand, 2, 2, 0 },
	{ "base", "%complete", prim_complete, 2, 2, 0 },
	{ "repl", "interaction-environment", prim_interaction_env, 0, 0, 0 },
	{ "base", "%void?", prim_voidp, 1, 1, 0 },
	{ "base", "%tag!", prim_tag, 1, -1, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
