/*
 * control.c - procedures, multiple values, parameters, conditions, records,
 * promises, exit and collector statistics.  The control operators that
 * manipulate the Scheme stack (apply, call/cc) are VM specials: their
 * descriptors here have no C function and the VM recognises them.
 */
#include "core.h"
#include "num.h"
#include "string_obj.h"
#include "pfmt.h"

#define VM_SPECIAL_DESC(id, name, min, max) [VM_##id] = { "base", name, NULL, min, max },
const struct p_prim vm_special_prims[VM_NSPECIALS + 1] = {
	VM_SPECIALS(VM_SPECIAL_DESC)
	{ NULL, NULL, NULL, 0, 0 },
};
#undef VM_SPECIAL_DESC

val prim_make(P *p, const struct p_prim *d, int ndata)
{
	val o = p_alloc(p, T_PRIMITIVE, (size_t)(2 + ndata) * sizeof(val));
	P_SET_SLOT(o, 0, (val)(uintptr_t)d | 1);
	P_SET_SLOT(o, 1, sym_intern_cstr(p, d->name));
	for (int i = 0; i < ndata; i++)
		P_SET_SLOT(o, 2 + i, P_FALSE);
	return o;
}

const struct p_prim *p_prim_desc(P *p)
{
	return PRIM_DESC(p_prim_self(p));
}

val *p_root(P *p, int which)
{
	return &p->roots[which];
}

val p_values(P *p, int n, val *vs)
{
	if (n == 1)
		return vs[0];
	val v = p_alloc(p, T_VALUES, (size_t)n * sizeof(val));
	for (int i = 0; i < n; i++)
		P_SET_SLOT(v, i, vs[i]);
	return v;
}

static val prim_values(P *p, int argc, val *argv)
{
	return p_values(p, argc, argv);
}

static int is_procedure(val v)
{
	return P_HAS_TYPE(v, T_CLOSURE) || P_HAS_TYPE(v, T_PRIMITIVE) ||
	       P_HAS_TYPE(v, T_CONTINUATION) || P_HAS_TYPE(v, T_PARAMETER);
}

static val prim_procedurep(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(is_procedure(argv[0]));
}

/* --- parameters --- */

val p_make_parameter(P *p, val value, val converter)
{
	val o = p_alloc(p, T_PARAMETER, 2 * sizeof(val));
	P_SET_SLOT(o, 0, value);
	P_SET_SLOT(o, 1, converter);
	return o;
}

val p_param_value(P *p, val param)
{
	(void)p;
	return P_SLOTS(param)[0];
}

void p_param_set(P *p, val param, val v)
{
	(void)p;
	P_SET_SLOT(param, 0, v);
}

static val param_arg(P *p, const char *who, val v)
{
	if (!P_IS_PARAMETER(v))
		p_type_error(p, who, 1, "parameter", v);
	return v;
}

static val prim_make_parameter(P *p, int argc, val *argv)
{
	return p_make_parameter(p, argv[0], argc > 1 ? argv[1] : P_FALSE);
}

static val prim_param_converter(P *p, int argc, val *argv)
{
	(void)argc;
	return P_SLOTS(param_arg(p, "parameterize", argv[0]))[1];
}

/*
 * parameterize binds shallowly: the parameter object holds the current
 * value, and each binding in force has an entry (param . other) on
 * %winders, other being the value the parameter does not hold now.
 * Entering and leaving the binding are then the same swap, whether done
 * on the normal path or by a continuation travelling through it, and
 * neither needs a thunk.
 */
static void param_swap(val entry)
{
	val param = P_CAR(entry), v = P_SLOTS(param)[0];
	P_SET_SLOT(param, 0, P_CDR(entry));
	P_SET_CDR(entry, v);
}

static val winders(P *p)
{
	return P_SLOTS(p->roots[R_WINDERS])[CELL_VALUE];
}

static void set_winders(P *p, val w)
{
	P_SET_SLOT(p->roots[R_WINDERS], CELL_VALUE, w);
}

/* (%param-push! param value): binds param to the already converted value. */
static val prim_param_push(P *p, int argc, val *argv)
{
	(void)argc;
	val entry = p_cons(p, param_arg(p, "parameterize", argv[0]), argv[1]);
	param_swap(entry);
	set_winders(p, p_cons(p, entry, winders(p)));
	return P_VOID;
}

/* (%param-pop!): ends the newest binding, which the innermost
 * parameterize made: it is the top of %winders whenever its body returns. */
static val prim_param_pop(P *p, int argc, val *argv)
{
	(void)argc; (void)argv;
	val w = winders(p);
	if (!P_IS_PAIR(w) || !P_IS_PAIR(P_CAR(w)))
		p_raise_error(p, PE_ERROR, "internal: parameterize: no binding to end", 0);
	param_swap(P_CAR(w));
	set_winders(p, P_CDR(w));
	return P_VOID;
}

/* (%wind-push! before after): enters a dynamic-wind whose before thunk
 * has run; its entry keeps the handlers the thunks run with. */
static val prim_wind_push(P *p, int argc, val *argv)
{
	(void)argc;
	val entry = p_alloc(p, T_VECTOR, 3 * sizeof(val));
	P_SET_SLOT(entry, 0, argv[0]);
	P_SET_SLOT(entry, 1, argv[1]);
	P_SET_SLOT(entry, 2, P_SLOTS(p->roots[R_HANDLERS])[CELL_VALUE]);
	set_winders(p, p_cons(p, entry, winders(p)));
	return P_VOID;
}

/* (%wind-pop!): leaves the innermost dynamic-wind, whose thunk returned. */
static val prim_wind_pop(P *p, int argc, val *argv)
{
	(void)argc; (void)argv;
	val w = winders(p);
	if (!P_IS_PAIR(w) || !P_IS_VECTOR(P_CAR(w)))
		p_raise_error(p, PE_ERROR, "internal: dynamic-wind: no extent to leave", 0);
	set_winders(p, P_CDR(w));
	return P_VOID;
}

/* (%common-tail a b): the longest common tail of two lists of %winders,
 * the dynamic-wind state a continuation call travels through. */
static val prim_common_tail(P *p, int argc, val *argv)
{
	(void)argc;
	val a = argv[0], b = argv[1];
	long la = list_length(a), lb = list_length(b);
	if (la < 0 || lb < 0)
		p_raise_error(p, PE_ERROR, "internal: %common-tail: not lists", 0);
	for (; la > lb; la--)
		a = P_CDR(a);
	for (; lb > la; lb--)
		b = P_CDR(b);
	while (a != b) {
		a = P_CDR(a);
		b = P_CDR(b);
	}
	return a;
}

/* (%param-swap! entry): a continuation passing the binding. */
static val prim_param_swap(P *p, int argc, val *argv)
{
	(void)argc;
	if (!P_IS_PAIR(argv[0]) || !P_IS_PARAMETER(P_CAR(argv[0])))
		p_type_error(p, "%param-swap!", 1, "parameter binding", argv[0]);
	param_swap(argv[0]);
	return P_VOID;
}

/* --- conditions --- */

/* (%make-error message irritants), called by error: the condition cites
 * the innermost active call that has a source position, which is the
 * call of error in the program or library rather than the prelude's own
 * code. */
static val prim_make_error(P *p, int argc, val *argv)
{
	(void)argc;
	if (list_length(argv[1]) < 0)
		p_type_error(p, "error", 2, "list", argv[1]);
	val e = err_make(p, PE_ERROR, argv[0], argv[1]);
	for (val l = vm_backtrace(p, 16); P_IS_PAIR(l); l = P_CDR(l))
		if (P_IS_PAIR(P_CAR(l)) && P_CDR(P_CAR(l)) != P_FALSE) {
			P_SET_SLOT(e, ERR_WHERE, P_CDR(P_CAR(l)));
			break;
		}
	return e;
}

static val prim_error_objectp(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(P_HAS_TYPE(argv[0], T_ERROR));
}

static val err_arg(P *p, const char *who, val v)
{
	if (!P_HAS_TYPE(v, T_ERROR))
		p_type_error(p, who, 1, "error object", v);
	return v;
}

static val prim_error_message(P *p, int argc, val *argv)
{
	(void)argc;
	return P_SLOTS(err_arg(p, "error-object-message", argv[0]))[ERR_MESSAGE];
}

static val prim_error_irritants(P *p, int argc, val *argv)
{
	(void)argc;
	return P_SLOTS(err_arg(p, "error-object-irritants", argv[0]))[ERR_IRRITANTS];
}

static int kind_of(val v)
{
	return P_HAS_TYPE(v, T_ERROR) ? (int)P_FIXVAL(P_SLOTS(v)[ERR_KIND]) : -1;
}

/* read-error?, file-error?, interrupt-condition? and shutdown-condition?:
 * data is the error kind asked about. */
static val prim_error_kindp(P *p, int argc, val *argv)
{
	(void)argc;
	return P_BOOL(kind_of(argv[0]) == (int)p_prim_desc(p)->data);
}

static void sb_utf8(struct strbuf *b, const char *s, size_t n)
{
	val str = p_string_from_utf8(b->p, s, n);
	for (size_t i = 0; i < STR_LEN(str); i++)
		strbuf_push(b, p_string_ref(str, i));
}

static void sb_val(struct strbuf *b, val v, int display)
{
	val s = p_write_to_string(b->p, v, display);
	for (size_t i = 0; i < STR_LEN(s); i++)
		strbuf_push(b, p_string_ref(s, i));
}

/* The text of an uncaught condition: "message irritant ..." plus where. */
static val prim_condition_text(P *p, int argc, val *argv)
{
	(void)argc;
	val c = argv[0];
	struct strbuf b;
	strbuf_init(&b, p);
	if (!P_HAS_TYPE(c, T_ERROR)) {
		strbuf_push_ascii(&b, "uncaught exception: ");
		sb_val(&b, c, 0);
		return strbuf_string(&b);
	}
	sb_val(&b, P_SLOTS(c)[ERR_MESSAGE], 1);
	if (!(P_FIXVAL(P_SLOTS(c)[ERR_FLAGS]) & ERR_FLAG_IRRITANTS_IN_MESSAGE))
		for (val l = P_SLOTS(c)[ERR_IRRITANTS]; P_IS_PAIR(l); l = P_CDR(l)) {
			strbuf_push(&b, ' ');
			sb_val(&b, P_CAR(l), 0);
		}
	val w = P_SLOTS(c)[ERR_WHERE];
	long line = 0;
	val file = P_FALSE;
	if (P_IS_PAIR(w)) {
		file = P_CAR(w);
		line = (long)P_FIXVAL(P_CDR(w));
	} else if (P_IS_FIX(w)) {
		line = (long)P_FIXVAL(w);
	}
	if (line > 0) {
		char buf[32];
		strbuf_push_ascii(&b, " (");
		if (P_IS_STRING(file)) {
			sb_val(&b, file, 1);
			strbuf_push(&b, ':');
		} else {
			strbuf_push_ascii(&b, "line ");
		}
		pc_snprintf(buf, sizeof buf, "%ld)", line);
		sb_utf8(&b, buf, strlen(buf));
	}
	return strbuf_string(&b);
}

/* --- records --- */

enum { RT_NAME, RT_FIELDS, RT_NSLOTS };

static val prim_make_record_type(P *p, int argc, val *argv)
{
	(void)argc;
	val t = p_alloc(p, T_RECORD_TYPE, RT_NSLOTS * sizeof(val));
	P_SET_SLOT(t, RT_NAME, argv[0]);
	P_SET_SLOT(t, RT_FIELDS, argv[1]);
	return t;
}

val p_object_name(P *p, val obj)
{
	if (P_HAS_TYPE(obj, T_CLOSURE))
		return P_SLOTS(P_SLOTS(obj)[0])[CODE_NAME];
	if (P_HAS_TYPE(obj, T_PRIMITIVE)) {
		const char *name = PRIM_DESC(obj)->name;
		return p_intern(p, name, strlen(name));
	}
	if (P_HAS_TYPE(obj, T_RECORD_TYPE))
		return P_SLOTS(obj)[RT_NAME];
	return P_FALSE;
}

static long field_index(val rtd, val name)
{
	long i = 0;
	for (val l = P_SLOTS(rtd)[RT_FIELDS]; P_IS_PAIR(l); l = P_CDR(l), i++)
		if (P_CAR(l) == name)
			return i;
	return -1;
}

static val rec_ctor(P *p, int argc, val *argv)
{
	val self = p_prim_self(p);
	val rtd = PRIM_DATA(self, 0);
	val idx = PRIM_DATA(self, 1);
	size_t n = P_VEC_LEN(idx);
	if ((size_t)argc != n) {
		char buf[200];
		size_t len;
		const char *s = sym_chars(P_SLOTS(self)[1], &len);
		pc_snprintf(buf, sizeof buf, "%.*s: expected %zu argument%s, got %d",
			    (int)len, s, n, n == 1 ? "" : "s", argc);
		p_raise_error(p, PE_ERROR, buf, 0);
	}
	long nf = list_length(P_SLOTS(rtd)[RT_FIELDS]);
	val r = p_alloc(p, T_RECORD, (size_t)(nf + 1) * sizeof(val));
	P_SET_SLOT(r, 0, rtd);
	for (long i = 1; i <= nf; i++)
		P_SET_SLOT(r, i, P_FALSE);
	for (size_t i = 0; i < n; i++)
		P_SLOTS(r)[1 + P_FIXVAL(P_VEC(idx)[i])] = argv[i];
	return r;
}

static val rec_pred(P *p, int argc, val *argv)
{
	(void)argc;
	val rtd = PRIM_DATA(p_prim_self(p), 0);
	return P_BOOL(P_HAS_TYPE(argv[0], T_RECORD) && P_SLOTS(argv[0])[0] == rtd);
}

static void rec_check(P *p, val self, val r)
{
	val rtd = PRIM_DATA(self, 0);
	if (!P_HAS_TYPE(r, T_RECORD) || P_SLOTS(r)[0] != rtd) {
		char who[100], what[120];
		size_t n, m;
		const char *s = sym_chars(P_SLOTS(self)[1], &n);
		val tn = P_SLOTS(rtd)[RT_NAME];
		const char *t = P_IS_SYMBOL(tn) ? sym_chars(tn, &m) : (m = 6, "record");
		pc_snprintf(who, sizeof who, "%.*s", (int)n, s);
		pc_snprintf(what, sizeof what, "record of type %.*s", (int)m, t);
		p_type_error(p, who, 1, what, r);
	}
}

static val rec_get(P *p, int argc, val *argv)
{
	(void)argc;
	val self = p_prim_self(p);
	rec_check(p, self, argv[0]);
	return P_SLOTS(argv[0])[1 + P_FIXVAL(PRIM_DATA(self, 1))];
}

static val rec_set(P *p, int argc, val *argv)
{
	(void)argc;
	val self = p_prim_self(p);
	rec_check(p, self, argv[0]);
	P_SET_SLOT(argv[0], 1 + P_FIXVAL(PRIM_DATA(self, 1)), argv[1]);
	return P_VOID;
}

static const struct p_prim rec_descs[] = {
	{ "base", "record-constructor", rec_ctor, 0, -1, 0 },
	{ "base", "record-predicate", rec_pred, 1, 1, 0 },
	{ "base", "record-accessor", rec_get, 1, 1, 0 },
	{ "base", "record-modifier", rec_set, 2, 2, 0 },
};

static val rtd_arg(P *p, const char *who, val v)
{
	if (!P_HAS_TYPE(v, T_RECORD_TYPE))
		p_type_error(p, who, 1, "record type", v);
	return v;
}

static val named(P *p, const struct p_prim *d, val name, int ndata)
{
	val o = prim_make(p, d, ndata);
	if (P_IS_SYMBOL(name))
		P_SET_SLOT(o, 1, name);
	return o;
}

static val prim_record_constructor(P *p, int argc, val *argv)
{
	val rtd = rtd_arg(p, "define-record-type", argv[0]);
	long n = list_length(argv[1]);
	val idx = p_make_vector(p, (size_t)(n < 0 ? 0 : n), P_FIX(0));
	long i = 0;
	for (val l = argv[1]; P_IS_PAIR(l); l = P_CDR(l), i++)
		P_SET_SLOT(idx, i, P_FIX(field_index(rtd, P_CAR(l))));
	val o = named(p, &rec_descs[0], argc > 2 ? argv[2] : P_FALSE, 2);
	P_SET_SLOT(o, 2 + 0, rtd);
	P_SET_SLOT(o, 2 + 1, idx);
	return o;
}

static val prim_record_predicate(P *p, int argc, val *argv)
{
	val o = named(p, &rec_descs[1], argc > 1 ? argv[1] : P_FALSE, 1);
	P_SET_SLOT(o, 2 + 0, rtd_arg(p, "define-record-type", argv[0]));
	return o;
}

static val field_proc(P *p, int which, int argc, val *argv)
{
	val rtd = rtd_arg(p, "define-record-type", argv[0]);
	long i = field_index(rtd, argv[1]);
	if (i < 0)
		p_raise_error(p, PE_ERROR, "define-record-type: no such field", 1, argv[1]);
	val o = named(p, &rec_descs[which], argc > 2 ? argv[2] : P_FALSE, 2);
	P_SET_SLOT(o, 2 + 0, rtd);
	P_SET_SLOT(o, 2 + 1, P_FIX(i));
	return o;
}

static val prim_record_accessor(P *p, int argc, val *argv)
{
	return field_proc(p, 2, argc, argv);
}

static val prim_record_modifier(P *p, int argc, val *argv)
{
	return field_proc(p, 3, argc, argv);
}

/* --- promises: [state] with state (done? . value-or-thunk), shared by
 * promises that delay-force chains have merged --- */

static val prim_make_promise_raw(P *p, int argc, val *argv)
{
	(void)argc;
	val pr = p_alloc(p, T_PROMISE, sizeof(val));
	P_SET_SLOT(pr, 0, p_cons(p, argv[0], argv[1]));
	return pr;
}

static val prim_promisep(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	return P_BOOL(P_HAS_TYPE(argv[0], T_PROMISE));
}

static val prim_promise_state(P *p, int argc, val *argv)
{
	(void)argc;
	if (!P_HAS_TYPE(argv[0], T_PROMISE))
		p_type_error(p, "force", 1, "promise", argv[0]);
	return P_SLOTS(argv[0])[0];
}

static val prim_promise_set_state(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	P_SET_SLOT(argv[0], 0, argv[1]);
	return P_VOID;
}

/* --- exit and the collector --- */

static val prim_exit(P *p, int argc, val *argv)
{
	int status = 0;
	if (argc > 0) {
		if (argv[0] == P_FALSE)
			status = 1;
		else if (P_IS_FIX(argv[0]))
			status = (int)(P_FIXVAL(argv[0]) & 0xff);
	}
	p->exit_status = status;
	p->halting = 1;
	__builtin_longjmp(p->jb, 1);
}

/* (gc-stats): an alist of the collector's counters, per generation too. */
static val prim_gc_stats(P *p, int argc, val *argv)
{
	(void)argc; (void)argv;
	const struct { const char *name; uint64_t v; } s[] = {
		{ "collections", p->gc_count },
		{ "bytes-allocated", p->gc_bytes_allocated + p->since_gc },
		{ "bytes-copied", p->minor.bytes },
		{ "total-pause-ns", p->gc_total_ns },
		{ "max-pause-ns", p->gc_max_ns },
		{ "live-after-last", p->live_after_gc },
		{ "heap-in-use", p->in_use + p->stack_bytes },
		{ "heap-peak", p->peak },
		{ "heap-limit", p->heap_limit },
		{ "minor-collections", p->minor.count },
		{ "minor-bytes-promoted", p->minor.bytes },
		{ "minor-total-pause-ns", p->minor.total_ns },
		{ "minor-max-pause-ns", p->minor.max_ns },
		{ "major-collections", p->major.count },
		{ "major-bytes-marked", p->major.bytes },
		{ "major-total-pause-ns", p->major.total_ns },
		{ "major-max-pause-ns", p->major.max_ns },
		{ "old-generation-bytes", p->old_bytes },
	};
	val l = P_NIL;
	for (size_t i = sizeof s / sizeof s[0]; i-- > 0;)
		l = p_cons(p, p_cons(p, sym_intern_cstr(p, s[i].name),
				     p_from_int64(p, (int64_t)s[i].v)), l);
	return l;
}

/* (%backtrace max): the calls that led here (vm_backtrace); a handful
 * while the heap is exhausted, so that reporting it needs little. */
static val prim_backtrace(P *p, int argc, val *argv)
{
	(void)argc;
	long max = P_IS_FIX(argv[0]) ? (long)P_FIXVAL(argv[0]) : 0;
	if (p->in_reserve && max > 8)
		max = 8;
	return vm_backtrace(p, max);
}

/* (%procedure-info proc): (name required rest? where) for a closure,
 * where being the (file . line) it starts at or #f; (name min max) for a
 * primitive, max -1 for any number; #f for other procedures. */
static val prim_procedure_info(P *p, int argc, val *argv)
{
	(void)argc;
	val f = argv[0];
	if (P_HAS_TYPE(f, T_PRIMITIVE)) {
		const struct p_prim *d = PRIM_DESC(f);
		return p_list(p, 3, p_object_name(p, f), P_FIX(d->min), P_FIX(d->max));
	}
	if (!P_HAS_TYPE(f, T_CLOSURE))
		return P_FALSE;
	val code = P_SLOTS(f)[0], lines = P_SLOTS(code)[CODE_LINES], where = P_FALSE;
	if (P_HAS_TYPE(lines, T_BYTES) && *(uintptr_t *)P_RAW(lines) >= 2 &&
	    P_IS_STRING(P_SLOTS(code)[CODE_FILE])) {
		int32_t *l = (int32_t *)((uintptr_t *)P_RAW(lines) + 1);
		where = p_cons(p, P_SLOTS(code)[CODE_FILE], P_FIX(l[1]));
	}
	return p_list(p, 4, p_object_name(p, f), P_SLOTS(code)[CODE_NREQ],
		      P_BOOL(P_SLOTS(code)[CODE_REST] == P_FIX(1)), where);
}

/* Collection happens at the next safe point: the call's return. */
static val prim_gc(P *p, int argc, val *argv)
{
	(void)argc; (void)argv;
	p->gc_flag = 1;
	p->gc_full = 1;
	return P_VOID;
}

const struct p_prim control_prims[] = {
	{ "base", "values", prim_values, 0, -1, 0 },
	{ "base", "procedure?", prim_procedurep, 1, 1, 0 },
	{ "base", "%make-parameter", prim_make_parameter, 1, 2, 0 },
	{ "base", "%param-converter", prim_param_converter, 1, 1, 0 },
	{ "base", "%param-push!", prim_param_push, 2, 2, 0 },
	{ "base", "%param-pop!", prim_param_pop, 0, 0, 0 },
	{ "base", "%param-swap!", prim_param_swap, 1, 1, 0 },
	{ "base", "%wind-push!", prim_wind_push, 2, 2, 0 },
	{ "base", "%wind-pop!", prim_wind_pop, 0, 0, 0 },
	{ "base", "%common-tail", prim_common_tail, 2, 2, 0 },
	{ "base", "%make-error", prim_make_error, 2, 2, 0 },
	{ "base", "error-object?", prim_error_objectp, 1, 1, 0 },
	{ "base", "error-object-message", prim_error_message, 1, 1, 0 },
	{ "base", "error-object-irritants", prim_error_irritants, 1, 1, 0 },
	{ "base", "read-error?", prim_error_kindp, 1, 1, PE_READ },
	{ "base", "file-error?", prim_error_kindp, 1, 1, PE_FILE },
	{ "pxen repl", "interrupt-condition?", prim_error_kindp, 1, 1, PE_INTERRUPT },
	{ "pxen repl", "shutdown-condition?", prim_error_kindp, 1, 1, PE_SHUTDOWN },
	{ "base", "%condition-text", prim_condition_text, 1, 1, 0 },
	{ "base", "%make-record-type", prim_make_record_type, 2, 2, 0 },
	{ "base", "%record-constructor", prim_record_constructor, 2, 3, 0 },
	{ "base", "%record-predicate", prim_record_predicate, 1, 2, 0 },
	{ "base", "%record-accessor", prim_record_accessor, 2, 3, 0 },
	{ "base", "%record-modifier", prim_record_modifier, 2, 3, 0 },
	{ "base", "%make-promise", prim_make_promise_raw, 2, 2, 0 },
	{ "lazy", "promise?", prim_promisep, 1, 1, 0 },
	{ "base", "%promise-state", prim_promise_state, 1, 1, 0 },
	{ "base", "%promise-set-state!", prim_promise_set_state, 2, 2, 0 },
	{ "base", "%exit", prim_exit, 0, 1, 0 },
	{ "pxen gc", "gc-stats", prim_gc_stats, 0, 0, 0 },
	{ "pxen gc", "gc", prim_gc, 0, 0, 0 },
	{ "base", "%backtrace", prim_backtrace, 1, 1, 0 },
	{ "base", "%procedure-info", prim_procedure_info, 1, 1, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
