/*
 * core.h - internals shared by the core modules (gc, symbols, environments,
 * expander, compiler, VM, control).  Not for the numbers or text modules:
 * they use value.h only.
 *
 * The interpreter state lives in one struct p_state.  The Scheme stack is a
 * contiguous array of values outside the collected heap (but counted against
 * the heap limit); frames are [caller closure][caller fp index << 32 |
 * return pc offset] followed by the arguments and the callee's local slots.
 */
#ifndef PXEN_CORE_H
#define PXEN_CORE_H

#include "value.h"
#include "platform.h"
#include <string.h>

#define FRAME_WORDS 2
/* Stack slots held back for handling a heap-exhausted condition. */
#define GC_STACK_RESERVE 16384

/* Size classes of the old generation's cells (gc/space.c). */
#define GC_NCLASSES 35

/* Per generation: collections, bytes promoted (minor) or marked (major),
 * pauses. */
struct gc_gen_stats {
	uint64_t count, bytes, total_ns, max_ns;
};

/* Core's roots (value.h leaves P_ROOT_CORE0.. to us). */
enum {
	R_RAISE = P_ROOT_CORE0,	/* the Scheme raise procedure */
	R_SYSENV,		/* environment holding every built-in binding */
	R_LIBS,			/* alist: library name -> library vector */
	R_HALT,			/* closure whose code halts the VM */
	R_INLINE,		/* vector: original primitive per inline op */
	R_LIBPATH,		/* list of directories searched for .sld */
	R_LASTK,		/* the most recently captured or resumed continuation */
	R_WINDERS,		/* the cell of %winders, the dynamic-wind state */
	R_HANDLERS,		/* the cell of %handlers, the exception handlers */
	R_RESUME,		/* %resume: re-enters a continuation via dynamic-wind */
	R_HEAPCOND,		/* the preallocated heap-exhausted condition */
	R_SPECIALS,		/* vector of special form objects by code */
	R_CASE_CODE,		/* code object dispatching a case-lambda */
	R_CWV,			/* closure a call-with-values producer returns into */
	R_INTERACTION,		/* the interaction environment */
	R_TAGS,			/* environment: name -> library tag symbol */
	R_FEATURES,		/* list of cond-expand feature symbols */
	R_TMP0, R_TMP1, R_TMP2,
	R_COUNT
};

struct p_state {
	/* heap: see gc/gc.c */
	struct gc_block *nursery;	/* nursery blocks, current first */
	struct gc_block *old;		/* old small blocks */
	struct gc_block *avail[GC_NCLASSES];	/* old blocks with free cells */
	struct gc_block *large;		/* old large objects */
	struct gc_block *young_large;	/* large objects since the last collection */
	struct gc_block *pool;		/* free small blocks */
	struct gc_block *cache;		/* free large regions */
	size_t pooled, cached;		/* their bytes */
	unsigned cache_surplus_runs;
	char *hp, *hlim;
	size_t heap_limit;		/* total bytes the heap may use */
	size_t in_use;			/* bytes of blocks and regions in use */
	size_t old_bytes;		/* of which the old generation's */
	size_t nursery_bytes;		/* allocation between minor collections */
	size_t since_gc;
	size_t major_threshold;		/* old_bytes that calls for a major one */
	size_t live_after_gc;		/* old bytes after the last major one */
	size_t peak;			/* highest in_use + stack_bytes */
	int gc_flag, gc_stress, gc_verify, gc_full, in_reserve, borrowed;
	unsigned stress_minors;
	void *reserve_mem;		/* see gc.c: held for heap exhaustion */
	struct gc_gen_stats minor, major;
	uint64_t gc_count;		/* collections of either kind */
	uint64_t gc_total_ns, gc_max_ns;
	uint64_t gc_bytes_allocated;	/* before the last collection */
	struct gc_gray *gray;		/* collect.c's work list */

	/* Scheme stack */
	val *stack, *stack_end;
	size_t stack_bytes;

	/* VM registers while outside the dispatch loop / during GC */
	val *sp, *fp;
	val closure, acc;
	intptr_t pc_off;
	intptr_t *call_pc;		/* a closure's entry: the caller's pc,
					 * the caller being in closure */
	intptr_t lowwater;		/* see vm.c: continuation capture */
	int argc;
	val self;			/* the primitive object being called */

	/* roots */
	val roots[R_COUNT];
	val symtab;			/* vector of symbols, open addressing */
	size_t nsyms;
	uint64_t gensym_count;

	/* error unwinding into the VM */
	void *jb[5];
	int in_vm;
	char *c_stack_base;		/* p_boot's frame: see err_check_depth */
	val pending;			/* condition to raise after longjmp */
	int halting, exit_status;

	/* compiler */
	struct srclines *lines;		/* the reader's (srcline.h) */
	long compile_serial, serial_next;
	val cur_file;			/* source name for code being compiled */

	/* VM */
	void *const *optable;
	unsigned poll_count;
};

/* --- main.c --- */
struct p_run;
/* A ready interpreter: system environment built, prelude run. */
P *p_boot(const struct p_run *run);

/* --- gc.c --- */
void gc_init(P *p, size_t limit);
/* A collection at a safe point: of the nursery, and of the whole heap
 * when the old generation has grown enough (or p->gc_full asks). */
void gc_collect(P *p);
void gc_collect_full(P *p);
/* After start-up: a full collection, and start-up's garbage goes back to
 * the platform. */
void gc_seal(P *p);
/* Grow the stack so that at least `need` slots are free above sp; raises
 * heap exhausted when the heap limit does not allow it.  can_collect: the
 * VM state is synced (a safe point), so a collection may make room. */
void gc_stack_reserve(P *p, size_t need, int can_collect);
size_t gc_obj_words(uintptr_t hdr);
/* The collector's hook, called after each collection when objects may
 * have moved (the young ones do): the core drops what it keeps by
 * address. */
void core_objects_moved(P *p);

/* --- srcpos.c --- */
/* The line the reader noted for x (p_note_line), or 0. */
long line_of(P *p, val x);

/* --- symbol.c --- */
void sym_init(P *p);
val sym_intern_cstr(P *p, const char *s);
/* The UTF-8 name of a symbol and its length. */
const char *sym_chars(val sym, size_t *len);
int sym_is(val sym, const char *name);
uint64_t sym_hash(val sym);
#define SYM_NAME_SLOT 0
#define SYM_BYTES_SLOT 1
#define SYM_HASH_SLOT 2

/* --- error.c --- */
/* Slots of a T_ERROR condition. */
enum { ERR_KIND, ERR_MESSAGE, ERR_IRRITANTS, ERR_WHERE, ERR_FLAGS,
	ERR_NSLOTS };
#define ERR_FLAG_IRRITANTS_IN_MESSAGE 1
val err_make(P *p, enum p_error_kind kind, val message, val irritants);
_Noreturn void err_raise(P *p, val condition);
_Noreturn void err_syntax(P *p, const char *who, val form);
/* Code that recurses on the C stack over data of unbounded depth (the
 * compiler, the expander) calls this at each level: it raises "<who>:
 * nesting too deep" once the C stack in use passes what the bare kernel's
 * stack can spare, so a deep expression is a Scheme error, never a crash,
 * and the same one hosted and on Xen.  It cites form's line. */
void err_check_depth(P *p, const char *who, val form);
val str_c(P *p, const char *s);
/* Written representation of v as a C string in a fresh raw object. */
const char *err_repr(P *p, val v, size_t *len);

/* --- env.c --- */
/* A binding is a cell (T_BOX: value, name, owner env) for a
 * variable, a T_SYNTAX object for a keyword. */
enum { CELL_VALUE, CELL_NAME, CELL_OWNER, CELL_NSLOTS };
enum { ENV_TABLE, ENV_COUNT, ENV_NAME, ENV_NSLOTS };
val env_make(P *p, val name);
val env_lookup(P *p, val env, val sym);		/* binding or 0 */
void env_bind(P *p, val env, val sym, val binding);
/* The cell owned by env for sym, creating an unbound one if needed; a cell
 * imported from elsewhere is replaced (a definition shadows an import). */
val env_define_cell(P *p, val env, val sym);
/* The cell for a variable reference: the existing binding or a new unbound
 * cell owned by env (forward reference).  0 if sym is a keyword. */
val env_ref_cell(P *p, val env, val sym);
void env_for_each(P *p, val env, void (*fn)(P *, val sym, val binding, void *), void *ctx);
val cell_make(P *p, val name, val owner);

/* T_SYNTAX objects: the first slot is the kind.
 *   special form: [SPECIAL, code, name]
 *   macro:        [MACRO, ellipsis, literals, rules, env, scope, serial]
 *   alias:        [ALIAS, symbol, env, scope, serial] */
enum { SYN_KIND, SYN_A, SYN_B, SYN_C, SYN_D, SYN_E, SYN_F, SYN_NSLOTS };
enum { SYNK_SPECIAL, SYNK_MACRO, SYNK_ALIAS };
#define SYN_IS(v, k) (P_HAS_TYPE(v, T_SYNTAX) && P_SLOTS(v)[SYN_KIND] == P_FIX(k))
val syn_special(P *p, int code, val name);

/* --- expand.c (syntax-rules) --- */
/* An alias is a renamed identifier introduced by a macro expansion:
 * [ALIAS, symbol, macro env, scope ptr, serial]. */
#define IS_ALIAS(v) SYN_IS(v, SYNK_ALIAS)
#define IS_IDENT(v) (P_IS_SYMBOL(v) || IS_ALIAS(v))
val ident_symbol(val id);	/* strips aliases */
val syntax_strip(P *p, val x);	/* datum with aliases replaced by symbols */
struct scope;
/* An alias of sym resolved in env and (during one compilation) scope. */
val alias_make(P *p, val sym, val env, struct scope *sc);
/* The scope an alias or macro was made in, if it belongs to the
 * compilation under way, else NULL. */
struct scope *syn_scope(P *p, val s, int slot);
/* Builds a macro from a (syntax-rules ...) spec in env/scope. */
val macro_make(P *p, val spec, val env, struct scope *sc);
/* Expands one use of macro m appearing in use_env/use_sc. */
val macro_expand(P *p, val m, val form, val use_env, struct scope *use_sc);

/* --- compile.c --- */
/* Compiles x in env into a closure of no arguments. */
val compile_toplevel(P *p, val x, val env);
/* A library body: like a top-level begin in env. */
val compile_body_forms(P *p, val forms, val env);
/* free-identifier=?: a in (aenv, asc) and b in (benv, bsc) denote the
 * same binding, or are both unbound with the same name. */
int compile_free_ident_eq(P *p, val a, val aenv, struct scope *asc,
			  val b, val benv, struct scope *bsc);

/* --- library.c --- */
void lib_init(P *p);
/* Processes an import set list into env; returns a list of libraries whose
 * bodies must run first. */
val lib_import(P *p, val env, val specs);
val lib_define(P *p, val form, val env);
void lib_tag(P *p, const char *lib, val sym);
int lib_cond_feature(P *p, val req);

/* --- vm.c --- */
/* Runs the closure with no arguments until it returns; the value. */
val vm_run(P *p, val closure);
void vm_init(P *p);
/* The active calls (see vm.c); for a primitive to call. */
val vm_backtrace(P *p, long max);
/* The byte code, one X(name, operands, inlined procedure) per
 * instruction: the opcode enum, the operand counts, the VM's label table,
 * the inlined procedures and the disassembler's names all come from here.
 * An instruction with an inlined procedure stands for a call of the
 * (scheme base) procedure of that name while the global still holds it;
 * its operand is the constant index of the global's cell, and it takes
 * its first argument from the stack and its last in acc. */
#define VM_OPS(X) \
	X(HALT, 0, NULL) X(CONST, 1, NULL) X(IMM, 1, NULL) \
	X(LOCAL, 1, NULL) X(LOCALBOX, 1, NULL) X(FREE, 1, NULL) \
	X(FREEBOX, 1, NULL) X(GLOBAL, 1, NULL) X(SETLOCALBOX, 1, NULL) \
	X(SETFREEBOX, 1, NULL) X(SETGLOBAL, 1, NULL) X(DEFGLOBAL, 1, NULL) \
	X(SETLOCAL, 1, NULL) X(MKBOX, 1, NULL) X(PUSH, 0, NULL) \
	X(PUSHLOCAL, 1, NULL) \
	X(FRAME, 1, NULL) X(CALL, 1, NULL) X(TAILCALL, 1, NULL) \
	X(RETURN, 0, NULL) X(JUMP, 1, NULL) X(JUMPF, 1, NULL) \
	X(CLOSURE, 2, NULL) X(PATCH, 3, NULL) X(ENTRY, 4, NULL) \
	X(CASE_LAMBDA, 0, NULL) X(SWAP, 0, NULL) X(VALUES_RET, 0, NULL) \
	X(ADD, 1, "+") X(SUB, 1, "-") X(MUL, 1, "*") X(LT, 1, "<") \
	X(GT, 1, ">") X(LE, 1, "<=") X(GE, 1, ">=") X(NUMEQ, 1, "=") \
	X(EQ, 1, "eq?") X(CONS, 1, "cons") X(VREF, 1, "vector-ref") \
	X(SREF, 1, "string-ref") X(DIV, 1, "/") X(QUO, 1, "quotient") \
	X(REM, 1, "remainder") X(MOD, 1, "modulo") X(CHAREQ, 1, "char=?") \
	X(EQV, 1, "eqv?") X(MEMV, 1, "memv") \
	X(CAR, 1, "car") X(CDR, 1, "cdr") X(NULLP, 1, "null?") \
	X(PAIRP, 1, "pair?") X(NOT, 1, "not") X(ZEROP, 1, "zero?") \
	X(SLEN, 1, "string-length") X(VLEN, 1, "vector-length") \
	X(CHAR2INT, 1, "char->integer") X(CADR, 1, "cadr") X(CDDR, 1, "cddr") \
	X(CADDR, 1, "caddr") \
	X(VSET, 1, "vector-set!") X(SSET, 1, "string-set!")
/* The inlined procedures take two arguments up to OP_CAR, one from it on,
 * three from OP_VSET on (the first two from the stack). */
#define OP_FIRST_UNARY OP_CAR
#define OP_FIRST_TERNARY OP_VSET
#define VM_OP_ARITY(op) ((op) >= OP_FIRST_TERNARY ? 3 : (op) >= OP_FIRST_UNARY ? 1 : 2)

#define OP_ENUM(id, nops, prim) OP_##id,
enum op { VM_OPS(OP_ENUM) OP_COUNT };
#undef OP_ENUM

struct vm_op {
	const char *name;
	int nops;		/* operand words after the opcode */
	const char *prim;	/* the inlined procedure, or NULL */
};
extern const struct vm_op vm_ops[OP_COUNT];

/* Code object slots. */
enum { CODE_BYTES, CODE_CONSTS, CODE_NAME, CODE_NREQ, CODE_REST,
	CODE_NSLOTS, CODE_LINES, CODE_FILE, CODE_NSLOTS_ };
#define CODE_WORDS(c) ((intptr_t *)((uintptr_t *)P_RAW(P_SLOTS(c)[CODE_BYTES]) + 1))

/* Continuation: the stack [0, size) is segment at [base, size) over the
 * parent's stack below base (vm.c says more);
 * winders and handlers are the dynamic-wind state (%winders) and the
 * exception handlers (%handlers) it was captured with. */
enum { K_SEGMENT, K_BASE, K_PARENT, K_SIZE, K_WINDERS, K_HANDLERS, K_NSLOTS };

/* --- control.c --- */
val prim_make(P *p, const struct p_prim *d, int ndata);
#define PRIM_DESC(v) ((const struct p_prim *)(P_SLOTS(v)[0] & ~(uintptr_t)1))
#define PRIM_DATA(v, i) (P_SLOTS(v)[2 + (i)])
void control_register(P *p, val env);
/* The VM's special primitives: they manipulate the Scheme stack, so their
 * descriptors have no C function and the VM runs them itself, told apart
 * by their index in vm_special_prims. */
#define VM_SPECIALS(X) \
	X(APPLY, "apply", 2, -1) X(CALL_CC, "call-with-current-continuation", 1, 1) \
	X(CONTINUE, "%continue", 2, 2) X(APPLY_VALUES, "%apply-values", 2, 2) \
	X(CALL_WITH_VALUES, "call-with-values", 2, 2)
#define VM_SPECIAL_ENUM(id, name, min, max) VM_##id,
enum vm_special { VM_SPECIALS(VM_SPECIAL_ENUM) VM_NSPECIALS };
#undef VM_SPECIAL_ENUM
extern const struct p_prim vm_special_prims[];
extern const struct p_prim list_prims[], vector_prims[], equiv_prims[],
	control_prims[], library_prims[], eval_prims[], disasm_prims[];
void vm_thread(P *p, val code);
/* equal?: terminates on cyclic data. */
int p_equal_p(P *p, val a, val b);
int p_eqv(val a, val b);

/* --- misc helpers --- */
static inline val core_list_reverse(val l, val acc)
{
	while (P_IS_PAIR(l)) {
		val n = P_CDR(l);
		P_SET_CDR(l, acc);
		acc = l;
		l = n;
	}
	return acc;
}
long list_length(val l);		/* -1 if not a proper list */

#endif
