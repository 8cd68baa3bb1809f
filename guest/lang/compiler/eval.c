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

/* (%read-compile port env-or-#f name): (thunk . env), or eof.  Reading
 * and compiling in one call keeps the reader's line table valid. */
static val prim_read_compile(P *p, int argc, val *argv)
{
	(void)argc;
	val d = p_read_datum(p, argv[0]);
	if (d == P_EOF)
		return P_EOF;
	val env = argv[1] == P_FALSE ? program_env(p, d)
				     : env_arg(p, "load", argv[1], 2);
	p->cur_file = argv[2];
	val thunk = compile_toplevel(p, d, env);
	return p_cons(p, thunk, env);
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
	{ "base", "%read-compile", prim_read_compile, 3, 3, 0 },
	{ "repl", "interaction-environment", prim_interaction_env, 0, 0, 0 },
	{ "base", "%void?", prim_voidp, 1, 1, 0 },
	{ "base", "%tag!", prim_tag, 1, -1, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
