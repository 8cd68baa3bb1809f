/*
 * main.c - p_main: builds the system environment, runs the prelude, then
 * hands the job (program, -e expression or REPL) to the Scheme driver
 * %main defined in the prelude.
 */
#include "compile_int.h"
#include "charset.h"
#include "flonum.h"
#include "hashtab.h"
#include "p.h"
#include "pfmt.h"
#include "text_scheme.h"

extern const char prelude_scm[], repl_scm[];

void p_define_global(P *p, const char *lib, const char *name, val v)
{
	val sym = sym_intern_cstr(p, name);
	val cell = env_define_cell(p, p->roots[R_SYSENV], sym);
	P_SET_SLOT(cell, CELL_VALUE, v);
	if (name[0] != '%')
		lib_tag(p, lib, sym);
}

static void define_prims(P *p, const struct p_prim *t)
{
	for (; t->name; t++)
		p_define_global(p, t->lib, t->name, prim_make(p, t, 0));
}

static const char *const feature_names[] = {
	"r7rs", "exact-closed", "exact-complex", "ratios", "ieee-float",
	"full-unicode", "pxen", "little-endian", "x86-64", NULL
};

#define SF_NAME(id, name) name,
static const char *const special_names[SF_COUNT] = { SPECIAL_FORMS(SF_NAME) };
#undef SF_NAME

static void build_system(P *p)
{
	val sys = env_make(p, P_FALSE);
	p->roots[R_SYSENV] = sys;
	p->roots[R_TAGS] = env_make(p, P_FALSE);
	p->roots[R_LIBS] = P_NIL;
	val specials = p_make_vector(p, SF_COUNT, P_FALSE);
	p->roots[R_SPECIALS] = specials;
	for (int i = 0; i < SF_COUNT; i++) {
		val sym = sym_intern_cstr(p, special_names[i]);
		P_SET_SLOT(specials, i, syn_special(p, i, sym));
		env_bind(p, sys, sym, P_VEC(specials)[i]);
		lib_tag(p, i == SF_CASE_LAMBDA ? "case-lambda" : "base", sym);
	}
	define_prims(p, vm_special_prims);
	define_prims(p, list_prims);
	define_prims(p, vector_prims);
	define_prims(p, control_prims);
	define_prims(p, library_prims);
	define_prims(p, eval_prims);
	define_prims(p, disasm_prims);
	define_prims(p, num_prims);
	define_prims(p, char_prims);
	define_prims(p, string_prims);
	define_prims(p, bytevector_prims);
	define_prims(p, port_prims);
	define_prims(p, io_prims);
	define_prims(p, file_prims);
	define_prims(p, system_prims);
	define_prims(p, hashtab_prims);
	define_prims(p, charset_prims);
	define_prims(p, flonum_prims);
	val inl = p_make_vector(p, OP_COUNT, P_FALSE);
	p->roots[R_INLINE] = inl;
	for (int op = 0; op < OP_COUNT; op++) {
		if (!vm_ops[op].prim)
			continue;
		val b = env_lookup(p, sys, sym_intern_cstr(p, vm_ops[op].prim));
		if (b && P_HAS_TYPE(b, T_BOX))
			P_SET_SLOT(p->roots[R_INLINE], op, P_SLOTS(b)[CELL_VALUE]);
	}
	val feats = P_NIL;
	for (int i = 0; feature_names[i]; i++)
		feats = p_cons(p, sym_intern_cstr(p, feature_names[i]), feats);
	p->roots[R_FEATURES] = feats;
}

/* Everything in the system environment without a library is (scheme
 * base); the interaction environment sees every tagged binding. */
static void tag_default(P *p, val sym, val binding, void *ctx)
{
	(void)binding;
	(void)ctx;
	size_t n;
	const char *s = sym_chars(sym, &n);
	if (n && s[0] != '%' && !env_lookup(p, p->roots[R_TAGS], sym))
		lib_tag(p, "base", sym);
}

static void import_all(P *p, val sym, val tag, void *ctx)
{
	(void)tag;
	(void)ctx;
	val b = env_lookup(p, p->roots[R_SYSENV], sym);
	if (b)
		env_bind(p, p->roots[R_INTERACTION], sym, b);
}

/* Values held across vm_run live in roots: a collection moves them.  The
 * prelude's code has no file name, so errors do not cite its lines. */
static void run_source(P *p, const char *text, size_t n)
{
	p->roots[R_TMP0] = p_open_input_string(p, p_string_from_utf8(p, text, n));
	for (;;) {
		val d = p_read_datum(p, p->roots[R_TMP0]);
		if (d == P_EOF)
			break;
		p->cur_file = P_FALSE;
		vm_run(p, compile_toplevel(p, d, p->roots[R_SYSENV]));
	}
	p->roots[R_TMP0] = P_FALSE;
}

static void library_path(P *p, const struct p_run *run)
{
	val dirs = P_NIL;
	if (run->file) {
		const char *f = run->file;
		size_t cut = 0;
		for (size_t i = 0; f[i]; i++)
			if (f[i] == '/')
				cut = i + 1;
		if (cut)
			dirs = p_cons(p, p_string_from_utf8(p, f, cut), dirs);
	}
	dirs = p_cons(p, str_c(p, ""), dirs);
	dirs = p_cons(p, str_c(p, "lib/"), dirs);
	const char *env = plat_getenv("P_LIBRARY_PATH");
	while (env && *env) {
		size_t n = 0;
		while (env[n] && env[n] != ':')
			n++;
		if (n) {
			char *buf = P_RAW(p_alloc(p, T_BYTES, n + 2));
			memcpy(buf, env, n);
			size_t m = n;
			if (buf[m - 1] != '/')
				buf[m++] = '/';
			dirs = p_cons(p, p_string_from_utf8(p, buf, m), dirs);
		}
		env += n;
		if (*env == ':')
			env++;
	}
	p->roots[R_LIBPATH] = core_list_reverse(dirs, P_NIL);
}

static void print_gc_stats(P *p)
{
	char buf[600];
	int n = pc_snprintf(buf, sizeof buf,
		"gc: %llu collections, %llu bytes copied, pause total %llu us, max %llu us, heap %zu bytes\n"
		"gc: minor %llu collections, %llu bytes promoted, pause total %llu us, max %llu us\n"
		"gc: major %llu collections, %llu bytes marked, pause total %llu us, max %llu us\n"
		"gc: heap now %zu bytes, peak %zu bytes, old generation %zu bytes\n",
		(unsigned long long)p->gc_count, (unsigned long long)p->minor.bytes,
		(unsigned long long)(p->gc_total_ns / 1000),
		(unsigned long long)(p->gc_max_ns / 1000), p->in_use + p->stack_bytes,
		(unsigned long long)p->minor.count, (unsigned long long)p->minor.bytes,
		(unsigned long long)(p->minor.total_ns / 1000),
		(unsigned long long)(p->minor.max_ns / 1000),
		(unsigned long long)p->major.count, (unsigned long long)p->major.bytes,
		(unsigned long long)(p->major.total_ns / 1000),
		(unsigned long long)(p->major.max_ns / 1000),
		p->in_use + p->stack_bytes, p->peak, p->old_bytes);
	plat_write(PLAT_STDERR, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

P *p_boot(const struct p_run *run)
{
	P *p = plat_pages_alloc((sizeof(struct p_state) + 4095) & ~(size_t)4095);
	if (!p)
		plat_abort("p: no memory for the interpreter state");
	p->c_stack_base = __builtin_frame_address(0);
	for (int i = 0; i < R_COUNT; i++)
		p->roots[i] = P_FALSE;
	p->closure = p->acc = p->self = p->pending = p->cur_file = P_FALSE;
	p->symtab = P_FALSE;
	size_t limit = run->heap_bytes ? run->heap_bytes : plat_heap_limit();
	gc_init(p, limit);
	const char *stress = plat_getenv("P_GC_STRESS");
	if (run->gc_stress || (stress && stress[0] == '1'))
		p->gc_stress = p->gc_verify = 1;
	sym_init(p);
	vm_init(p);
	p->roots[R_HEAPCOND] = err_make(p, PE_HEAP, str_c(p, "heap exhausted"), P_NIL);
	build_system(p);
	library_path(p, run);
	text_init(p);
	/* the prelude keeps the dynamic state that continuations capture
	 * where the VM finds it */
	p_define_global(p, "base", "%winders", P_NIL);
	p->roots[R_WINDERS] = env_lookup(p, p->roots[R_SYSENV],
					 sym_intern_cstr(p, "%winders"));
	p_define_global(p, "base", "%handlers", P_NIL);
	p->roots[R_HANDLERS] = env_lookup(p, p->roots[R_SYSENV],
					  sym_intern_cstr(p, "%handlers"));
	run_source(p, prelude_scm, strlen(prelude_scm));
	p->roots[R_RESUME] = P_SLOTS(env_lookup(p, p->roots[R_SYSENV],
						sym_intern_cstr(p, "%resume")))[CELL_VALUE];
	run_source(p, repl_scm, strlen(repl_scm));
	for (const struct text_scheme_def *d = text_scheme_defs; d->name; d++) {
		val name = sym_intern_cstr(p, d->name);
		val src = p_open_input_string(p, str_c(p, d->source));
		val form = p_list(p, 3, sym_intern_cstr(p, "define"), name,
				  p_read_datum(p, src));
		vm_run(p, compile_toplevel(p, form, p->roots[R_SYSENV]));
		lib_tag(p, d->lib, sym_intern_cstr(p, d->name));
	}
	env_for_each(p, p->roots[R_SYSENV], tag_default, NULL);
	p->roots[R_INTERACTION] = env_make(p, P_FALSE);
	env_for_each(p, p->roots[R_TAGS], import_all, NULL);
	p->roots[R_RAISE] = P_SLOTS(env_lookup(p, p->roots[R_SYSENV],
					       sym_intern_cstr(p, "raise")))[CELL_VALUE];
	gc_seal(p);
	return p;
}

int p_main(const struct p_run *run)
{
	P *p = p_boot(run);

	const char *mode = run->repl ? "repl" : run->expr ? "expr" :
			   run->disassemble ? "disassemble" : "file";
	const char *text = run->expr ? run->expr : run->source ? run->source : "";
	size_t tlen = run->expr ? strlen(run->expr) : run->source ? run->source_len : 0;
	val call = p_list(p, 4, sym_intern_cstr(p, "%main"),
			  p_list(p, 2, sym_intern_cstr(p, "quote"), sym_intern_cstr(p, mode)),
			  p_string_from_utf8(p, text, tlen),
			  str_c(p, run->file ? run->file : run->expr ? "-e" : "repl"));
	p->cur_file = P_FALSE;
	vm_run(p, compile_toplevel(p, call, p->roots[R_SYSENV]));
	if (run->gc_stats)
		print_gc_stats(p);
	text_flush_all(p);
	return p->halting ? p->exit_status : 0;
}
