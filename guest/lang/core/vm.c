/*
 * vm.c - the byte code interpreter.
 *
 * Direct-threaded: each instruction word holds the address of its handler
 * (GNU labels as values), followed by its operands.  Registers live in C
 * locals; the Scheme stack is p->stack.  A call pushes a two-word frame,
 * [caller closure][fixnum: caller fp index << 32 | return pc offset], then
 * the arguments, so Scheme calls never grow the C stack and a tail call
 * reuses the frame.  The callee's fp points at its first argument; its
 * local slots follow the arguments.
 *
 * Safe points (where the collector may run) are procedure calls and
 * returns; interrupts are polled at calls, which every loop goes through.
 * Errors raised from C long-jump back here and become a call to the Scheme
 * raise procedure.
 */
#include "core.h"
#include "num.h"
#include "pfmt.h"
#include "string_obj.h"

#define POLL_INTERVAL 4096

#define OP_INFO(id, nops, prim) [OP_##id] = { #id, nops, prim },
const struct vm_op vm_ops[OP_COUNT] = { VM_OPS(OP_INFO) };
#undef OP_INFO

/* How vm_loop starts: handing out its label table, running a closure, or
 * calling the Scheme raise procedure after an error long-jumped out of it
 * (vm_call_raise has set up the call). */
enum vm_start { VM_TABLE, VM_ENTER, VM_RAISE };
__attribute__((noinline))
static val vm_loop(P *p, val entry, enum vm_start how);

void vm_thread(P *p, val code)
{
	intptr_t *w = CODE_WORDS(code);
	size_t n = *(uintptr_t *)P_RAW(P_SLOTS(code)[CODE_BYTES]);
	for (size_t i = 0; i < n;) {
		intptr_t op = w[i];
		w[i] = (intptr_t)p->optable[op];
		i += 1 + (size_t)vm_ops[op].nops;
	}
}

static val make_fixed_code(P *p, int op, val name)
{
	val bytes = p_alloc(p, T_BYTES, 2 * sizeof(uintptr_t));
	*(uintptr_t *)P_RAW(bytes) = 1;
	((intptr_t *)P_RAW(bytes))[1] = op;
	val code = p_alloc(p, T_CODE, CODE_NSLOTS_ * sizeof(val));
	P_SET_SLOT(code, CODE_BYTES, bytes);
	P_SET_SLOT(code, CODE_CONSTS, p_make_vector(p, 0, P_FALSE));
	P_SET_SLOT(code, CODE_NAME, name);
	P_SET_SLOT(code, CODE_NREQ, P_FIX(0));
	P_SET_SLOT(code, CODE_REST, P_FIX(1));
	P_SET_SLOT(code, CODE_NSLOTS, P_FIX(0));
	P_SET_SLOT(code, CODE_LINES, P_FALSE);
	P_SET_SLOT(code, CODE_FILE, P_FALSE);
	vm_thread(p, code);
	return code;
}

void vm_init(P *p)
{
	vm_loop(p, 0, VM_TABLE);
	val halt = p_alloc(p, T_CLOSURE, sizeof(val));
	P_SET_SLOT(halt, 0, make_fixed_code(p, OP_HALT, sym_intern_cstr(p, "halt")));
	p->roots[R_HALT] = halt;
	p->roots[R_CASE_CODE] = make_fixed_code(p, OP_CASE_LAMBDA,
						sym_intern_cstr(p, "case-lambda"));
	val cwv = p_alloc(p, T_CLOSURE, sizeof(val));
	P_SET_SLOT(cwv, 0, make_fixed_code(p, OP_VALUES_RET,
					   sym_intern_cstr(p, "call-with-values")));
	p->roots[R_CWV] = cwv;
}

/* (file . line) for a position in a closure's code, or #f; just the
 * line while the heap is exhausted. */
static val where_of(P *p, val clo, intptr_t off)
{
	if (!P_HAS_TYPE(clo, T_CLOSURE))
		return P_FALSE;
	val code = P_SLOTS(clo)[0];
	val lines = P_SLOTS(code)[CODE_LINES];
	if (!P_HAS_TYPE(lines, T_BYTES))
		return P_FALSE;
	size_t n = *(uintptr_t *)P_RAW(lines);
	int32_t *l = (int32_t *)((uintptr_t *)P_RAW(lines) + 1);
	long line = 0;
	for (size_t i = 0; i + 1 < n; i += 2)
		if (l[i] < off)
			line = l[i + 1];
	if (!line || !P_IS_STRING(P_SLOTS(code)[CODE_FILE]))
		return P_FALSE;
	if (p->in_reserve)
		return P_FIX(line);
	return p_cons(p, P_SLOTS(code)[CODE_FILE], P_FIX(line));
}

/* The active calls, innermost first, as a list of (name . where) (see
 * where_of), read from the frames a primitive's caller left synced.  A
 * tail call leaves no frame, so it does not appear.  After max entries
 * only the number of the remaining ones is added, as a fixnum. */
val vm_backtrace(P *p, long max)
{
	val out = P_NIL, clo = p->closure;
	intptr_t off = p->pc_off;
	val *fp = p->fp;
	long n = 0, more = 0;

	while (P_HAS_TYPE(clo, T_CLOSURE) && clo != p->roots[R_HALT]) {
		if (n < max) {
			val entry = p_cons(p, p_object_name(p, clo), where_of(p, clo, off));
			out = p_cons(p, entry, out);
			n++;
		} else {
			more++;
		}
		val *b = fp - FRAME_WORDS;
		if (b < p->stack || fp > p->stack_end || !P_IS_FIX(b[1]))
			break;
		intptr_t ri = P_FIXVAL(b[1]);
		clo = b[0];
		fp = p->stack + (ri >> 32);
		off = ri & 0xffffffff;
	}
	return core_list_reverse(out, more ? p_cons(p, P_FIX(more), P_NIL) : P_NIL);
}

/* f's name for a message: a case-lambda is named after its first clause,
 * or "case-lambda"; another anonymous procedure after where it starts. */
static const char *proc_name(P *p, val f, char *buf, size_t cap)
{
	int cases = P_SLOTS(f)[0] == p->roots[R_CASE_CODE];
	if (cases && P_SIZE_OF_HDR(P_HDR(f)) > 1)
		f = P_SLOTS(f)[1];
	val name = p_object_name(p, f);
	if (P_IS_SYMBOL(name)) {
		size_t n;
		const char *s = sym_chars(name, &n);
		if (n >= cap)
			n = cap - 1;
		memcpy(buf, s, n);
		buf[n] = 0;
		return buf;
	}
	if (cases)
		return "case-lambda";
	val code = P_SLOTS(f)[0], lines = P_SLOTS(code)[CODE_LINES];
	if (P_HAS_TYPE(lines, T_BYTES) && *(uintptr_t *)P_RAW(lines) >= 2 &&
	    P_IS_STRING(P_SLOTS(code)[CODE_FILE])) {
		char file[120];
		int32_t *l = (int32_t *)((uintptr_t *)P_RAW(lines) + 1);
		p_string_utf8(P_SLOTS(code)[CODE_FILE], file, sizeof file);
		pc_snprintf(buf, cap, "#<procedure %s:%ld>", file, (long)l[1]);
		return buf;
	}
	return "#<procedure>";
}

/* f was called with argc arguments it does not accept.  The call was made
 * by caller at call_pc (a tail call left no frame, so the site comes from
 * the dispatch, not from the stack). */
__attribute__((noinline, noreturn))
static void arity_error(P *p, val f, int argc, val caller, intptr_t *call_pc)
{
	char buf[200], name[100];
	val code = P_SLOTS(f)[0];
	int nreq = (int)P_FIXVAL(P_SLOTS(code)[CODE_NREQ]);
	int rest = P_SLOTS(code)[CODE_REST] == P_FIX(1);
	int cases = P_SLOTS(f)[0] == p->roots[R_CASE_CODE];
	const char *who = proc_name(p, f, name, sizeof name);
	if (cases)
		pc_snprintf(buf, sizeof buf, "%s: no clause accepts %d argument%s",
			    who, argc, argc == 1 ? "" : "s");
	else
		pc_snprintf(buf, sizeof buf, "%s: expected %s%d argument%s, got %d",
			    who, rest ? "at least " : "", nreq,
			    nreq == 1 ? "" : "s", argc);
	val e = err_make(p, PE_ERROR, str_c(p, buf), P_NIL);
	if (P_HAS_TYPE(caller, T_CLOSURE))
		P_SLOTS(e)[ERR_WHERE] = where_of(p, caller,
			call_pc - CODE_WORDS(P_SLOTS(caller)[0]));
	err_raise(p, e);
}

__attribute__((noinline, noreturn))
static void prim_arity_error(P *p, const struct p_prim *d, int argc)
{
	char buf[200];
	if (d->max == d->min)
		pc_snprintf(buf, sizeof buf, "%s: expected %d argument%s, got %d",
			    d->name, d->min, d->min == 1 ? "" : "s", argc);
	else if (d->max < 0)
		pc_snprintf(buf, sizeof buf, "%s: expected at least %d argument%s, got %d",
			    d->name, d->min, d->min == 1 ? "" : "s", argc);
	else
		pc_snprintf(buf, sizeof buf, "%s: expected %d to %d arguments, got %d",
			    d->name, d->min, d->max, argc);
	p_raise_error(p, PE_ERROR, buf, 0);
}

__attribute__((noinline, noreturn))
static void unbound_error(P *p, val cell, int set)
{
	char buf[300];
	size_t n;
	const char *s = sym_chars(P_SLOTS(cell)[CELL_NAME], &n);
	pc_snprintf(buf, sizeof buf, "%sunbound variable: %.*s",
		    set ? "set!: " : "", (int)n, s);
	val e = err_make(p, PE_ERROR, str_c(p, buf),
			 p_cons(p, P_SLOTS(cell)[CELL_NAME], P_NIL));
	P_SET_SLOT(e, ERR_FLAGS, P_FIX(ERR_FLAG_IRRITANTS_IN_MESSAGE));
	err_raise(p, e);
}

__attribute__((noinline, noreturn))
static void not_procedure(P *p, val f)
{
	size_t n;
	const char *r = err_repr(p, f, &n);
	char buf[300];
	pc_snprintf(buf, sizeof buf, "application: not a procedure: %.*s",
		    (int)(n > 200 ? 200 : n), r);
	val e = err_make(p, PE_ERROR, str_c(p, buf), p_cons(p, f, P_NIL));
	P_SET_SLOT(e, ERR_FLAGS, P_FIX(ERR_FLAG_IRRITANTS_IN_MESSAGE));
	err_raise(p, e);
}

/* Collect, and poll for an interrupt when due. */
__attribute__((noinline))
static void safe_point(P *p, int poll)
{
	if (p->gc_flag)
		gc_collect(p);
	if (poll)
		p_raise_interrupt(p, plat_interrupted());
}

__attribute__((noinline))
static void grow_stack(P *p, size_t need, int can_collect)
{
	gc_stack_reserve(p, need, can_collect);
}

__attribute__((noinline))
static val make_rest(P *p, val *args, int n)
{
	val l = P_NIL;
	for (int i = n - 1; i >= 0; i--)
		l = p_cons(p, args[i], l);
	return l;
}

val p_prim_self(P *p)
{
	return p->self;
}

#define CLO_CODE(c) (P_SLOTS(c)[0])
#define RET_INFO(fpi, off) P_FIX(((intptr_t)(fpi) << 32) | (intptr_t)(off))
#define SYNC() do { p->sp = sp; p->fp = fp; p->closure = clo; \
		p->pc_off = pc - CODE_WORDS(CLO_CODE(clo)); p->acc = acc; \
		p->lowwater = lw - p->stack; } while (0)
#define RELOAD() do { sp = p->sp; fp = p->fp; clo = p->closure; acc = p->acc; \
		lw = p->stack + p->lowwater; \
		pc = CODE_WORDS(CLO_CODE(clo)) + p->pc_off; \
		consts = P_VEC(P_SLOTS(CLO_CODE(clo))[CODE_CONSTS]); \
		inl = P_VEC(p->roots[R_INLINE]); } while (0)
#define NEXT goto *(void *)*pc++
#define CELLV(k) (P_SLOTS(consts[k])[CELL_VALUE])

/*
 * The slow paths of calls, out of the dispatch loop.  Each runs on the
 * registers the loop synced into p (sp, fp, lowwater, acc: SYNC) and
 * leaves its results there for the loop to reload; the argument count
 * goes in and out as a value.
 */

static void lower_water(P *p, val *sp)
{
	if (sp - p->stack < p->lowwater)
		p->lowwater = sp - p->stack;
}

/* sp, or where it is after the stack grew (without collecting) to hold
 * need more slots above it, plus a margin. */
static val *room(P *p, val *sp, size_t need)
{
	if (sp + need + 64 <= p->stack_end)
		return sp;
	p->sp = sp;
	grow_stack(p, need + 64, 0);
	return p->sp;
}

/* (apply f a ... list): the arguments spread onto the stack, f in acc. */
__attribute__((noinline))
static int vm_apply(P *p, int argc)
{
	val *sp = p->sp;
	val f = sp[-argc];
	val lst = sp[-1];
	long len = list_length(lst);
	if (len < 0)
		p_type_error(p, "apply", argc, "list", lst);
	for (int i = 0; i < argc - 2; i++)
		sp[-argc + i] = sp[-argc + i + 1];
	sp -= 2;
	lower_water(p, sp);
	sp = room(p, sp, (size_t)len);
	for (; lst != P_NIL; lst = P_CDR(lst))
		*sp++ = P_CAR(lst);
	p->sp = sp;
	p->acc = f;
	return argc - 2 + (int)len;
}

/* (%apply-values f v): v's values become f's arguments, f in acc. */
__attribute__((noinline))
static int vm_apply_values(P *p)
{
	val *sp = p->sp;
	val f = sp[-2];
	val v = sp[-1];
	int argc = 1;
	sp -= 2;
	lower_water(p, sp);
	if (P_HAS_TYPE(v, T_VALUES)) {
		size_t n = P_SIZE_OF_HDR(P_HDR(v));
		sp = room(p, sp, n);
		for (size_t i = 0; i < n; i++)
			*sp++ = P_SLOTS(v)[i];
		argc = (int)n;
	} else {
		*sp++ = v;
	}
	p->sp = sp;
	p->acc = f;
	return argc;
}

/* (call-with-values producer consumer): the producer is called with no
 * arguments, returning into an activation of R_CWV's code whose one slot
 * (where the producer was) holds the consumer; producer in acc. */
__attribute__((noinline))
static void vm_call_with_values(P *p)
{
	val *sp = room(p, p->sp, FRAME_WORDS);
	val producer = sp[-2];
	sp[-2] = sp[-1];
	sp[-1] = p->roots[R_CWV];
	sp[0] = RET_INFO(sp - 2 - p->stack, 0);
	p->sp = sp + 1;
	p->acc = producer;
}

/* The producer's values (in acc) become the arguments of the consumer
 * (in the R_CWV activation's slot at fp), consumer in acc: a tail call
 * from the activation, so the consumer returns to call-with-values'
 * caller. */
__attribute__((noinline))
static int vm_values_ret(P *p)
{
	val v = p->acc;
	val f = p->fp[0];
	int argc = 1;
	val *sp = p->fp;
	if (P_HAS_TYPE(v, T_VALUES)) {
		size_t n = P_SIZE_OF_HDR(P_HDR(v));
		sp = room(p, sp, n);
		for (size_t i = 0; i < n; i++)
			*sp++ = P_SLOTS(v)[i];
		argc = (int)n;
	} else {
		*sp++ = v;
	}
	p->sp = sp;
	p->acc = f;
	return argc;
}

static size_t k_size(val k)
{
	return (size_t)P_FIXVAL(P_SLOTS(k)[K_SIZE]);
}

static size_t k_base(val k)
{
	return (size_t)P_FIXVAL(P_SLOTS(k)[K_BASE]);
}

/*
 * Continuations share captured stack.  A capture's stack [0, size) is its
 * segment at [base, size) over its parent's stack below base; the bases
 * strictly decrease along a chain of parents, and a child's base is never
 * above its parent's size.  R_LASTK is the newest capture or resumed
 * continuation, and the stack [0, lowwater) has not changed since: a
 * frame writes only from its fp up, and a return lowers the water to the
 * fp of the frame it returns into.  So a capture copies only the stack
 * above the water, and a capture that follows a return (say, a
 * generator's next element) copies little even though its parent's
 * segment reaches higher.
 */
static val winders(P *p)
{
	return P_SLOTS(p->roots[R_WINDERS])[CELL_VALUE];
}

static val handlers(P *p)
{
	return P_SLOTS(p->roots[R_HANDLERS])[CELL_VALUE];
}

/* (call/cc f): the continuation replaces f's argument slot, f in acc.
 * The dynamic-wind state and the exception handlers are kept with it. */
__attribute__((noinline))
static void vm_call_cc(P *p)
{
	val *sp = p->sp;
	val f = sp[-1];
	size_t m = (size_t)(sp - 1 - p->stack);
	val last = p->roots[R_LASTK];
	size_t base = last == P_FALSE ? 0 : (size_t)p->lowwater < m ? (size_t)p->lowwater : m;
	val k = last;
	if (last == P_FALSE || base != m || k_size(last) != m ||
	    P_SLOTS(last)[K_WINDERS] != winders(p) || P_SLOTS(last)[K_HANDLERS] != handlers(p)) {
		val parent = last;
		while (parent != P_FALSE && k_base(parent) >= base)
			parent = P_SLOTS(parent)[K_PARENT];
		if (parent == P_FALSE)
			base = 0;
		val seg = p_alloc(p, T_VECTOR, (m - base) * sizeof(val));
		memcpy(P_VEC(seg), p->stack + base, (m - base) * sizeof(val));
		k = p_alloc(p, T_CONTINUATION, K_NSLOTS * sizeof(val));
		P_SET_SLOT(k, K_SEGMENT, seg);
		P_SET_SLOT(k, K_BASE, P_FIX(base));
		P_SET_SLOT(k, K_PARENT, parent);
		P_SET_SLOT(k, K_SIZE, P_FIX(m));
		P_SET_SLOT(k, K_WINDERS, winders(p));
		P_SET_SLOT(k, K_HANDLERS, handlers(p));
	}
	p->roots[R_LASTK] = k;
	p->lowwater = (intptr_t)m;
	sp[-1] = k;
	p->acc = f;
}

/* How much of the bottom of the stack already holds k's stack: what
 * R_LASTK and k share through their nearest common ancestor, below the
 * water. */
static size_t shared_with_stack(P *p, val k)
{
	val a = p->roots[R_LASTK], b = k;
	if (a == P_FALSE)
		return 0;
	size_t ka = k_size(a), kb = k_size(b);
	while (a != b) {
		if (a == P_FALSE || b == P_FALSE)
			return 0;
		if (k_base(a) >= k_base(b)) {
			ka = k_base(a);
			a = P_SLOTS(a)[K_PARENT];
		} else {
			kb = k_base(b);
			b = P_SLOTS(b)[K_PARENT];
		}
	}
	size_t keep = (size_t)p->lowwater;
	if (ka < keep)
		keep = ka;
	return kb < keep ? kb : keep;
}

/* Reinstates continuation k's stack and handlers with v (its values) in
 * acc; the loop then returns into k's frame.  Only the part of k's stack
 * not already in place is copied, each position from the newest segment
 * that holds it. */
__attribute__((noinline))
static void vm_resume(P *p, val k, val v)
{
	size_t m = k_size(k);
	size_t keep = shared_with_stack(p, k);
	(void)room(p, p->stack + keep, m - keep);
	size_t top = m;
	for (val s = k; top > keep; s = P_SLOTS(s)[K_PARENT]) {
		size_t base = k_base(s), lo = base > keep ? base : keep;
		if (lo < top)
			memcpy(p->stack + lo, P_VEC(P_SLOTS(s)[K_SEGMENT]) + (lo - base),
			       (top - lo) * sizeof(val));
		if (base < top)
			top = base;
	}
	p->roots[R_LASTK] = k;
	P_SET_SLOT(p->roots[R_HANDLERS], CELL_VALUE, P_SLOTS(k)[K_HANDLERS]);
	p->sp = p->fp = p->stack + m;
	p->lowwater = (intptr_t)m;
	p->acc = v;
	/* escaping from a handler of heap exhaustion: collect while the stack
	 * is short, which ends reserve mode, so that the next exhaustion again
	 * finds the reserve */
	if (p->in_reserve)
		p->gc_flag = 1;
}

/* A call of continuation k (in acc) with argc values on the stack.  When
 * the dynamic-wind state is k's, k resumes at once (returns -1);
 * otherwise the call becomes (%resume k k-winders value ...), which runs
 * the after and before thunks on the way, and the new argc is returned. */
__attribute__((noinline))
static int vm_throw(P *p, int argc)
{
	val k = p->acc;
	val *sp = p->sp;
	val resume = p->roots[R_RESUME];
	if (P_SLOTS(k)[K_WINDERS] == winders(p) || !P_HAS_TYPE(resume, T_CLOSURE)) {
		vm_resume(p, k, argc == 1 ? sp[-1] : p_values(p, argc, sp - argc));
		return -1;
	}
	sp = room(p, sp, 2);
	memmove(sp - argc + 2, sp - argc, (size_t)argc * sizeof(val));
	sp[-argc] = k;
	sp[-argc + 1] = P_SLOTS(k)[K_WINDERS];
	p->sp = sp + 2;
	p->acc = resume;
	return argc + 2;
}

/* (%continue k vals): resumes k with the values in the list vals. */
__attribute__((noinline))
static void vm_continue(P *p)
{
	val k = p->sp[-2];
	val vals = p->sp[-1];
	if (!P_HAS_TYPE(k, T_CONTINUATION))
		p_type_error(p, "%continue", 1, "continuation", k);
	long n = list_length(vals);
	if (n < 0)
		p_type_error(p, "%continue", 2, "list", vals);
	val v = n == 1 ? P_CAR(vals) : P_FALSE;
	if (n != 1) {
		v = p_alloc(p, T_VALUES, (size_t)n * sizeof(val));
		for (long i = 0; i < n; i++, vals = P_CDR(vals))
			P_SET_SLOT(v, i, P_CAR(vals));
	}
	vm_resume(p, k, v);
}

/* After an error long-jumped back into the VM: a call of the Scheme raise
 * procedure with the pending condition, made from where the error
 * happened, with raise in acc. */
__attribute__((noinline))
static void vm_call_raise(P *p)
{
	val *sp = p->sp, *fp = p->fp;
	val clo = p->closure;
	val cond = p->pending;
	p->pending = P_FALSE;
	if (P_HAS_TYPE(cond, T_ERROR) && P_SLOTS(cond)[ERR_WHERE] == P_FALSE) {
		/* the heap may be full: the line alone needs no memory */
		val w = where_of(p, clo, p->pc_off);
		if (w == P_FALSE && fp - FRAME_WORDS >= p->stack) {
			/* e.g. an arity error at entry: cite the caller */
			val *b = fp - FRAME_WORDS;
			if (P_HAS_TYPE(b[0], T_CLOSURE) && P_IS_FIX(b[1]))
				w = where_of(p, b[0], P_FIXVAL(b[1]) & 0xffffffff);
		}
		P_SET_SLOT(cond, ERR_WHERE, w);
	}
	if (sp + 8 > p->stack_end)
		plat_abort("p: heap exhausted while handling heap exhaustion");
	val raise = p->roots[R_RAISE];
	if (!P_HAS_TYPE(raise, T_CLOSURE)) {
		size_t n = 0;
		const char *m = "error during start-up";
		if (P_HAS_TYPE(cond, T_ERROR))
			m = err_repr(p, P_SLOTS(cond)[ERR_MESSAGE], &n);
		plat_write(PLAT_STDERR, "p: ", 3);
		plat_write(PLAT_STDERR, m, strlen(m));
		plat_write(PLAT_STDERR, "\n", 1);
		plat_exit(70);
	}
	*sp++ = clo;
	*sp++ = RET_INFO(fp - p->stack, p->pc_off);
	*sp++ = cond;
	p->sp = sp;
	p->acc = raise;
}

/* The setjmp that catches errors is here, not in vm_loop: a function
 * that calls setjmp keeps its variables in memory, and the dispatch
 * loop's registers must stay in registers. */
val vm_run(P *p, val closure)
{
	if (p->in_vm)
		plat_abort("p: the VM was entered recursively");
	p->in_vm = 1;
	if (__builtin_setjmp(p->jb)) {
		if (p->halting) {
			p->in_vm = 0;
			return P_VOID;
		}
		vm_call_raise(p);
		return vm_loop(p, P_VOID, VM_RAISE);
	}
	return vm_loop(p, closure, VM_ENTER);
}

/* The operands of an inline arithmetic or comparison instruction as
 * doubles, when one is a flonum and the other a flonum or a fixnum that a
 * double holds exactly: then the C operation on them gives what the
 * generic procedure does, NaNs included, without its dispatch. */
static inline int flo_operands(val a, val b, double *x, double *y)
{
	const intptr_t exact = (intptr_t)1 << 53;
	if (P_IS_FLO(a)) {
		*x = P_FLOVAL(a);
		if (P_IS_FLO(b))
			*y = P_FLOVAL(b);
		else if (P_IS_FIX(b) && P_FIXVAL(b) >= -exact && P_FIXVAL(b) <= exact)
			*y = (double)P_FIXVAL(b);
		else
			return 0;
		return 1;
	}
	if (P_IS_FLO(b) && P_IS_FIX(a) && P_FIXVAL(a) >= -exact && P_FIXVAL(a) <= exact) {
		*x = (double)P_FIXVAL(a);
		*y = P_FLOVAL(b);
		return 1;
	}
	return 0;
}

static val vm_loop(P *p, val entry, enum vm_start how)
{
#define OP_LABEL(id, nops, prim) [OP_##id] = &&op_##id,
	static void *const table[OP_COUNT] = { VM_OPS(OP_LABEL) };
#undef OP_LABEL
	if (how == VM_TABLE) {
		p->optable = table;
		return P_VOID;
	}
	val *sp, *fp, clo, acc, *consts, *inl;
	val *lw;	/* p->lowwater: the lowest fp returned into since the last capture */
	intptr_t *pc;
	int argc;
	unsigned poll = POLL_INTERVAL;
	val a, cell;
	intptr_t r;
	double x, y;
	const struct p_prim *d;

	if (how == VM_RAISE) {
		RELOAD();
		argc = 1;
		goto dispatch;
	}
	/* a frame that returns into the halt code */
	if (p->sp + 16 > p->stack_end)
		plat_abort("p: no stack for the VM");
	sp = p->sp;
	fp = p->fp;
	sp[0] = p->roots[R_HALT];
	sp[1] = RET_INFO(fp - p->stack, 0);
	sp += FRAME_WORDS;
	clo = p->roots[R_HALT];
	pc = CODE_WORDS(CLO_CODE(clo));
	consts = P_VEC(P_SLOTS(CLO_CODE(clo))[CODE_CONSTS]);
	inl = P_VEC(p->roots[R_INLINE]);
	acc = entry;
	argc = 0;
	/* the halt frame was just written: the water is below it */
	lw = p->stack + p->lowwater < p->sp ? p->stack + p->lowwater : p->sp;
	SYNC();
	goto dispatch;

op_HALT:
	p->sp = sp;
	p->fp = fp;
	p->in_vm = 0;
	return acc;
op_CONST:
	acc = consts[*pc++];
	NEXT;
op_IMM:
	acc = (val)*pc++;
	NEXT;
op_LOCAL:
	acc = fp[*pc++];
	NEXT;
op_LOCALBOX:
	acc = P_SLOTS(fp[*pc++])[0];
	NEXT;
op_FREE:
	acc = P_SLOTS(clo)[1 + *pc++];
	NEXT;
op_FREEBOX:
	acc = P_SLOTS(P_SLOTS(clo)[1 + *pc++])[0];
	NEXT;
op_GLOBAL:
	acc = CELLV(*pc++);
	if (__builtin_expect(acc == P_UNBOUND, 0)) {
		SYNC();
		unbound_error(p, consts[pc[-1]], 0);
	}
	NEXT;
op_SETLOCALBOX:
	P_SET_SLOT(fp[*pc++], 0, acc);
	acc = P_VOID;
	NEXT;
op_SETFREEBOX:
	P_SET_SLOT(P_SLOTS(clo)[1 + *pc++], 0, acc);
	acc = P_VOID;
	NEXT;
op_SETGLOBAL:
	if (CELLV(*pc) == P_UNBOUND) {
		SYNC();
		unbound_error(p, consts[*pc], 1);
	}
	P_SET_SLOT(consts[*pc++], CELL_VALUE, acc);
	acc = P_VOID;
	NEXT;
op_DEFGLOBAL:
	P_SET_SLOT(consts[*pc++], CELL_VALUE, acc);
	acc = P_VOID;
	NEXT;
op_SETLOCAL:
	fp[*pc++] = acc;
	NEXT;
op_MKBOX: {
	SYNC();
	val b = p_alloc(p, T_BOX, sizeof(val));
	P_SLOTS(b)[0] = fp[*pc];	/* fresh: no barrier (value.h) */
	fp[*pc++] = b;
	NEXT;
}
op_PUSH:
	*sp++ = acc;
	NEXT;
op_PUSHLOCAL:
	*sp++ = fp[*pc++];
	NEXT;
op_SWAP: {
	val t = sp[-1];
	sp[-1] = acc;
	acc = t;
	NEXT;
}
op_FRAME:
	sp[0] = clo;
	sp[1] = RET_INFO(fp - p->stack, pc + 1 + *pc - CODE_WORDS(CLO_CODE(clo)));
	sp += FRAME_WORDS;
	pc++;
	NEXT;
op_CALL:
	argc = (int)*pc++;
	goto dispatch;
op_TAILCALL:
	argc = (int)*pc++;
	if (sp - argc != fp) {
		for (int i = 0; i < argc; i++)
			fp[i] = sp[i - argc];
		sp = fp + argc;
	}
	goto dispatch;
op_RETURN: {
	if (__builtin_expect(p->gc_flag, 0)) {
		SYNC();
		safe_point(p, 0);
		RELOAD();
	}
	val *b = fp - FRAME_WORDS;
	clo = b[0];
	intptr_t ri = P_FIXVAL(b[1]);
	fp = p->stack + (ri >> 32);
	/* the frame returned into may write from its fp up */
	if (__builtin_expect(fp < lw, 0))
		lw = fp;
	val code = CLO_CODE(clo);
	pc = CODE_WORDS(code) + (ri & 0xffffffff);
	consts = P_VEC(P_SLOTS(code)[CODE_CONSTS]);
	sp = b;
	NEXT;
}
op_JUMP:
	pc += *pc + 1;
	NEXT;
op_JUMPF:
	if (acc == P_FALSE)
		pc += *pc + 1;
	else
		pc++;
	NEXT;
op_CLOSURE: {
	intptr_t n = pc[1];
	SYNC();
	val c = p_alloc(p, T_CLOSURE, (size_t)(n + 1) * sizeof(val));
	/* fresh: no barrier (value.h) */
	P_SLOTS(c)[0] = consts[pc[0]];
	sp -= n;
	for (intptr_t i = 0; i < n; i++)
		P_SLOTS(c)[1 + i] = sp[i];
	acc = c;
	pc += 2;
	NEXT;
}
op_PATCH:
	P_SET_SLOT(fp[pc[0]], 1 + pc[1], fp[pc[2]]);
	pc += 3;
	NEXT;
op_ENTRY: {
	intptr_t nreq = pc[0], nslots = pc[2], maxst = pc[3];
	if (__builtin_expect(pc[1] == 0, 1)) {
		if (__builtin_expect(argc != nreq, 0))
			goto bad_arity;
	} else {
		if (argc < nreq)
			goto bad_arity;
		SYNC();
		val rest = make_rest(p, fp + nreq, argc - (int)nreq);
		fp[nreq] = rest;
		sp = fp + nreq + 1;
	}
	if (__builtin_expect(sp + nslots + maxst + 64 > p->stack_end -
			     (p->in_reserve ? 0 : GC_STACK_RESERVE), 0)) {
		pc += 4;
		SYNC();
		grow_stack(p, (size_t)(nslots + maxst + 64), 1);
		RELOAD();
		pc -= 4;
	}
	for (val *s = sp, *e = fp + nslots; s < e; s++)
		*s = P_UNBOUND;
	sp = fp + nslots;
	pc += 4;
	NEXT;
}
op_VALUES_RET:
	SYNC();
	argc = vm_values_ret(p);
	RELOAD();
	goto dispatch;
op_CASE_LAMBDA: {
	for (size_t i = 1; i < P_SIZE_OF_HDR(P_HDR(clo)); i++) {
		val c = P_SLOTS(clo)[i];
		val code = CLO_CODE(c);
		intptr_t nreq = P_FIXVAL(P_SLOTS(code)[CODE_NREQ]);
		if (argc == nreq || (P_SLOTS(code)[CODE_REST] == P_FIX(1) && argc >= nreq)) {
			clo = c;
			consts = P_VEC(P_SLOTS(code)[CODE_CONSTS]);
			pc = CODE_WORDS(code);
			NEXT;
		}
	}
}
bad_arity: {
	val caller = p->closure;
	SYNC();
	arity_error(p, clo, argc, caller, p->call_pc);
}

	/* --- calls --- */
dispatch:
	if (__builtin_expect(P_HAS_TYPE(acc, T_CLOSURE), 1)) {
		if (__builtin_expect(p->gc_flag || --poll == 0, 0)) {
			int due = poll == 0;
			if (due)
				poll = POLL_INTERVAL;
			SYNC();
			safe_point(p, due);
			RELOAD();
		}
		p->closure = clo;
		p->call_pc = pc;
		clo = acc;
		fp = sp - argc;
		val code = CLO_CODE(clo);
		consts = P_VEC(P_SLOTS(code)[CODE_CONSTS]);
		pc = CODE_WORDS(code);
		NEXT;
	}
	if (P_HAS_TYPE(acc, T_PRIMITIVE)) {
		d = PRIM_DESC(acc);
		if (__builtin_expect(argc < d->min || (d->max >= 0 && argc > d->max), 0)) {
			SYNC();
			prim_arity_error(p, d, argc);
		}
		if (__builtin_expect(d->fn != NULL, 1)) {
			SYNC();
			p->self = acc;
			acc = d->fn(p, argc, sp - argc);
			sp -= argc;
			fp = sp;
			goto op_RETURN;
		}
		goto special;
	}
	if (P_HAS_TYPE(acc, T_PARAMETER) && argc == 0) {
		acc = P_SLOTS(acc)[0];
		fp = sp;
		goto op_RETURN;
	}
	if (P_HAS_TYPE(acc, T_CONTINUATION)) {
		SYNC();
		argc = vm_throw(p, argc);
		RELOAD();
		if (argc < 0)
			goto op_RETURN;
		goto dispatch;
	}
	SYNC();
	not_procedure(p, acc);

special:
	switch ((enum vm_special)(d - vm_special_prims)) {
	case VM_APPLY:
		SYNC();
		argc = vm_apply(p, argc);
		RELOAD();
		goto dispatch;
	case VM_CALL_CC:
		SYNC();
		vm_call_cc(p);
		RELOAD();
		argc = 1;
		goto dispatch;
	case VM_CONTINUE:
		SYNC();
		vm_continue(p);
		RELOAD();
		goto op_RETURN;
	case VM_APPLY_VALUES:
		SYNC();
		argc = vm_apply_values(p);
		RELOAD();
		goto dispatch;
	case VM_CALL_WITH_VALUES:
		SYNC();
		vm_call_with_values(p);
		RELOAD();
		argc = 0;
		goto dispatch;
	case VM_NSPECIALS:
		break;
	}
	SYNC();
	p_raise_error(p, PE_ERROR, "internal: unknown special primitive", 0);

	/* --- inline primitives: sp[-1] is the first of two arguments --- */
#define BINARY_GUARD(OP) \
	cell = consts[*pc]; a = sp[-1]; \
	if (__builtin_expect(P_SLOTS(cell)[CELL_VALUE] != inl[OP], 0)) goto binary_call
op_ADD:
	BINARY_GUARD(OP_ADD);
	if (P_IS_FIX(a) && P_IS_FIX(acc) &&
	    !__builtin_add_overflow((intptr_t)a, (intptr_t)acc - 1, &r)) {
		acc = (val)r;
	} else if (flo_operands(a, acc, &x, &y)) {
		SYNC();
		acc = p_flonum(p, x + y);
	} else {
		SYNC();
		acc = num_add(p, a, acc);
	}
	sp--;
	pc++;
	NEXT;
op_SUB:
	BINARY_GUARD(OP_SUB);
	if (P_IS_FIX(a) && P_IS_FIX(acc) &&
	    !__builtin_sub_overflow((intptr_t)a, (intptr_t)acc - 1, &r)) {
		acc = (val)r;
	} else if (flo_operands(a, acc, &x, &y)) {
		SYNC();
		acc = p_flonum(p, x - y);
	} else {
		SYNC();
		acc = num_sub(p, a, acc);
	}
	sp--;
	pc++;
	NEXT;
op_MUL:
	BINARY_GUARD(OP_MUL);
	if (P_IS_FIX(a) && P_IS_FIX(acc) &&
	    !__builtin_mul_overflow(P_FIXVAL(a), (intptr_t)acc - 1, &r)) {
		acc = (val)(r + 1);
	} else if (flo_operands(a, acc, &x, &y)) {
		SYNC();
		acc = p_flonum(p, x * y);
	} else {
		SYNC();
		acc = num_mul(p, a, acc);
	}
	sp--;
	pc++;
	NEXT;
#define COMPARE(OP, CMP, SLOW) \
	BINARY_GUARD(OP); \
	if (P_IS_FIX(a) && P_IS_FIX(acc)) { \
		acc = P_BOOL((intptr_t)a CMP (intptr_t)acc); \
	} else if (flo_operands(a, acc, &x, &y)) { \
		acc = P_BOOL(x CMP y); \
	} else { \
		SYNC(); \
		acc = P_BOOL(SLOW); \
	} \
	sp--; pc++; NEXT
op_LT:
	COMPARE(OP_LT, <, num_order(p, "<", a, acc) == -1);
op_GT:
	COMPARE(OP_GT, >, num_order(p, ">", a, acc) == 1);
op_LE:
	COMPARE(OP_LE, <=, (r = num_order(p, "<=", a, acc), r == -1 || r == 0));
op_GE:
	COMPARE(OP_GE, >=, (r = num_order(p, ">=", a, acc), r == 0 || r == 1));
op_NUMEQ:
	COMPARE(OP_NUMEQ, ==, num_eq(p, a, acc));
op_EQ:
	BINARY_GUARD(OP_EQ);
	acc = P_BOOL(a == acc);
	sp--;
	pc++;
	NEXT;
op_CONS: {
	BINARY_GUARD(OP_CONS);
	SYNC();
	val c = p_cons(p, a, acc);
	acc = c;
	sp--;
	pc++;
	NEXT;
}
op_VREF:
	BINARY_GUARD(OP_VREF);
	if (P_IS_VECTOR(a) && P_IS_FIX(acc) &&
	    (uintptr_t)P_FIXVAL(acc) < P_VEC_LEN(a)) {
		acc = P_VEC(a)[P_FIXVAL(acc)];
		sp--;
		pc++;
		NEXT;
	}
	goto binary_call;
op_SREF:
	BINARY_GUARD(OP_SREF);
	if (P_IS_STRING(a) && P_IS_FIX(acc) &&
	    (uintptr_t)P_FIXVAL(acc) < STR_LEN(a)) {
		size_t i = (size_t)P_FIXVAL(acc);
		acc = P_CHAR(STR_WIDTH(a) == 1 ? STR_BYTES(a)[i] : STR_WIDE(a)[i]);
		sp--;
		pc++;
		NEXT;
	}
	goto binary_call;
op_DIV:
	BINARY_GUARD(OP_DIV);
	if (flo_operands(a, acc, &x, &y)) {
		SYNC();
		acc = p_flonum(p, x / y);
	} else if (P_IS_FIX(a) && P_IS_FIX(acc) && acc != P_FIX(0) && acc != P_FIX(-1) &&
		   P_FIXVAL(a) % P_FIXVAL(acc) == 0) {
		acc = P_FIX(P_FIXVAL(a) / P_FIXVAL(acc));
	} else {
		goto binary_call;	/* a ratio, an error, bignums */
	}
	sp--;
	pc++;
	NEXT;
	/* fixnum division: C's truncating / and % are quotient and
	 * remainder; only the most negative fixnum over -1 leaves the range */
op_QUO:
	BINARY_GUARD(OP_QUO);
	if (P_IS_FIX(a) && P_IS_FIX(acc) && acc != P_FIX(0) && acc != P_FIX(-1)) {
		acc = P_FIX(P_FIXVAL(a) / P_FIXVAL(acc));
		sp--;
		pc++;
		NEXT;
	}
	goto binary_call;
op_REM:
	BINARY_GUARD(OP_REM);
	if (P_IS_FIX(a) && P_IS_FIX(acc) && acc != P_FIX(0)) {
		acc = P_FIX(P_FIXVAL(a) % P_FIXVAL(acc));
		sp--;
		pc++;
		NEXT;
	}
	goto binary_call;
op_MOD:
	BINARY_GUARD(OP_MOD);
	if (P_IS_FIX(a) && P_IS_FIX(acc) && acc != P_FIX(0)) {
		r = P_FIXVAL(a) % P_FIXVAL(acc);
		if (r != 0 && (r < 0) != (P_FIXVAL(acc) < 0))
			r += P_FIXVAL(acc);
		acc = P_FIX(r);
		sp--;
		pc++;
		NEXT;
	}
	goto binary_call;
op_CHAREQ:
	BINARY_GUARD(OP_CHAREQ);
	if (P_IS_CHAR(a) && P_IS_CHAR(acc)) {
		acc = P_BOOL(a == acc);
		sp--;
		pc++;
		NEXT;
	}
	goto binary_call;
	/* eqv? and memv (what case compiles to): only two heap objects can be
	 * eqv? without being eq? */
op_EQV:
	BINARY_GUARD(OP_EQV);
	acc = P_BOOL(a == acc || (P_IS_PTR(a) && P_IS_PTR(acc) && p_eqv(a, acc)));
	sp--;
	pc++;
	NEXT;
op_MEMV: {
	BINARY_GUARD(OP_MEMV);
	val l = acc;
	for (; P_IS_PAIR(l); l = P_CDR(l))
		if (P_CAR(l) == a || (P_IS_PTR(a) && P_IS_PTR(P_CAR(l)) && p_eqv(a, P_CAR(l))))
			break;
	if (!P_IS_PAIR(l) && l != P_NIL)
		goto binary_call;	/* not a list: the procedure's error */
	acc = P_IS_PAIR(l) ? l : P_FALSE;
	sp--;
	pc++;
	NEXT;
}
binary_call:
	/* redefined, or a case the inline code does not handle: call the
	 * procedure the variable holds */
	a = sp[-1];
	sp[-1] = clo;
	sp[0] = RET_INFO(fp - p->stack, pc + 1 - CODE_WORDS(CLO_CODE(clo)));
	sp[1] = a;
	sp[2] = acc;
	sp += 3;
	acc = P_SLOTS(consts[*pc])[CELL_VALUE];
	argc = 2;
	goto dispatch;

#define UNARY_GUARD(OP) \
	cell = consts[*pc]; \
	if (__builtin_expect(P_SLOTS(cell)[CELL_VALUE] != inl[OP], 0)) goto unary_call
op_CAR:
	UNARY_GUARD(OP_CAR);
	if (!P_IS_PAIR(acc))
		goto unary_call;
	acc = P_CAR(acc);
	pc++;
	NEXT;
op_CDR:
	UNARY_GUARD(OP_CDR);
	if (!P_IS_PAIR(acc))
		goto unary_call;
	acc = P_CDR(acc);
	pc++;
	NEXT;
op_NULLP:
	UNARY_GUARD(OP_NULLP);
	acc = P_BOOL(acc == P_NIL);
	pc++;
	NEXT;
op_PAIRP:
	UNARY_GUARD(OP_PAIRP);
	acc = P_BOOL(P_IS_PAIR(acc));
	pc++;
	NEXT;
op_NOT:
	UNARY_GUARD(OP_NOT);
	acc = P_BOOL(acc == P_FALSE);
	pc++;
	NEXT;
op_ZEROP:
	UNARY_GUARD(OP_ZEROP);
	if (!P_IS_FIX(acc))
		goto unary_call;
	acc = P_BOOL(acc == P_FIX(0));
	pc++;
	NEXT;
op_SLEN:
	UNARY_GUARD(OP_SLEN);
	if (!P_IS_STRING(acc))
		goto unary_call;
	acc = P_FIX(STR_LEN(acc));
	pc++;
	NEXT;
op_VLEN:
	UNARY_GUARD(OP_VLEN);
	if (!P_IS_VECTOR(acc))
		goto unary_call;
	acc = P_FIX(P_VEC_LEN(acc));
	pc++;
	NEXT;
op_CHAR2INT:
	UNARY_GUARD(OP_CHAR2INT);
	if (!P_IS_CHAR(acc))
		goto unary_call;
	acc = P_FIX(P_CHARVAL(acc));
	pc++;
	NEXT;
op_CADR:
	UNARY_GUARD(OP_CADR);
	if (!P_IS_PAIR(acc) || !P_IS_PAIR(P_CDR(acc)))
		goto unary_call;
	acc = P_CAR(P_CDR(acc));
	pc++;
	NEXT;
op_CDDR:
	UNARY_GUARD(OP_CDDR);
	if (!P_IS_PAIR(acc) || !P_IS_PAIR(P_CDR(acc)))
		goto unary_call;
	acc = P_CDR(P_CDR(acc));
	pc++;
	NEXT;
op_CADDR:
	UNARY_GUARD(OP_CADDR);
	if (!P_IS_PAIR(acc) || !P_IS_PAIR(P_CDR(acc)) || !P_IS_PAIR(P_CDR(P_CDR(acc))))
		goto unary_call;
	acc = P_CAR(P_CDR(P_CDR(acc)));
	pc++;
	NEXT;
	/* --- inline primitives of three arguments: sp[-2], sp[-1], acc --- */
op_VSET:
	cell = consts[*pc];
	if (__builtin_expect(P_SLOTS(cell)[CELL_VALUE] != inl[OP_VSET], 0))
		goto ternary_call;
	a = sp[-2];
	if (P_IS_VECTOR(a) && P_IS_FIX(sp[-1]) &&
	    (uintptr_t)P_FIXVAL(sp[-1]) < P_VEC_LEN(a)) {
		P_SET_SLOT(a, P_FIXVAL(sp[-1]), acc);
		acc = P_VOID;
		sp -= 2;
		pc++;
		NEXT;
	}
	goto ternary_call;
op_SSET:
	cell = consts[*pc];
	if (__builtin_expect(P_SLOTS(cell)[CELL_VALUE] != inl[OP_SSET], 0))
		goto ternary_call;
	a = sp[-2];
	if (P_IS_STRING(a) && P_IS_FIX(sp[-1]) && P_IS_CHAR(acc) &&
	    (uintptr_t)P_FIXVAL(sp[-1]) < STR_LEN(a)) {
		size_t i = (size_t)P_FIXVAL(sp[-1]);
		if (STR_WIDTH(a) == 4) {
			STR_WIDE(a)[i] = P_CHARVAL(acc);
		} else if (P_CHARVAL(acc) < 256) {
			STR_BYTES(a)[i] = (uint8_t)P_CHARVAL(acc);
		} else {
			goto ternary_call;	/* the string widens */
		}
		acc = P_VOID;
		sp -= 2;
		pc++;
		NEXT;
	}
	goto ternary_call;
ternary_call:
	a = sp[-2];
	cell = sp[-1];
	sp[-2] = clo;
	sp[-1] = RET_INFO(fp - p->stack, pc + 1 - CODE_WORDS(CLO_CODE(clo)));
	sp[0] = a;
	sp[1] = cell;
	sp[2] = acc;
	sp += 3;
	acc = P_SLOTS(consts[*pc])[CELL_VALUE];
	argc = 3;
	goto dispatch;

unary_call:
	sp[0] = clo;
	sp[1] = RET_INFO(fp - p->stack, pc + 1 - CODE_WORDS(CLO_CODE(clo)));
	sp[2] = acc;
	sp += 3;
	acc = P_SLOTS(consts[*pc])[CELL_VALUE];
	argc = 1;
	goto dispatch;
}
