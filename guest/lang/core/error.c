/*
 * error.c - conditions raised from C.
 *
 * A condition is a T_ERROR object (slots in core.h).  Raising from C stores
 * it and long-jumps back into the VM's dispatch loop, which calls the
 * Scheme-level raise in the context of the failing call.  Outside the VM
 * (start-up) a condition is fatal.
 */
#include "core.h"
#include "pfmt.h"
#include "string_obj.h"

val str_c(P *p, const char *s)
{
	return p_string_from_utf8(p, s, strlen(s));
}

val err_make(P *p, enum p_error_kind kind, val message, val irritants)
{
	val e = p_alloc(p, T_ERROR, ERR_NSLOTS * sizeof(val));
	P_SET_SLOT(e, ERR_KIND, P_FIX(kind));
	P_SET_SLOT(e, ERR_MESSAGE, message);
	P_SET_SLOT(e, ERR_IRRITANTS, irritants);
	P_SET_SLOT(e, ERR_WHERE, P_FALSE);
	P_SET_SLOT(e, ERR_FLAGS, P_FIX(0));
	return e;
}

_Noreturn void err_raise(P *p, val condition)
{
	if (p->in_vm) {
		p->pending = condition;
		__builtin_longjmp(p->jb, 1);
	}
	size_t n = 0;
	const char *m = "?";
	if (P_HAS_TYPE(condition, T_ERROR) &&
	    P_IS_STRING(P_SLOTS(condition)[ERR_MESSAGE]))
		m = string_utf8_raw(p, P_SLOTS(condition)[ERR_MESSAGE], &n);
	plat_write(PLAT_STDERR, "p: start-up failed: ", 20);
	plat_write(PLAT_STDERR, m, strlen(m));
	plat_write(PLAT_STDERR, "\n", 1);
	plat_exit(70);
}

const char *err_repr(P *p, val v, size_t *len)
{
	return string_utf8_raw(p, p_write_to_string(p, v, 0), len);
}

_Noreturn void p_raise_error(P *p, enum p_error_kind kind, const char *msg,
			     int nirritants, ...)
{
	va_list ap;
	val irritants = P_NIL, last = P_FALSE;
	va_start(ap, nirritants);
	for (int i = 0; i < nirritants; i++) {
		val cell = p_cons(p, va_arg(ap, val), P_NIL);
		if (last == P_FALSE)
			irritants = cell;
		else
			P_SET_CDR(last, cell);
		last = cell;
	}
	va_end(ap);
	err_raise(p, err_make(p, kind, str_c(p, msg), irritants));
}

void p_raise_interrupt(P *p, int kind)
{
	if (kind == PLAT_INTR_SHUTDOWN)
		p_raise_error(p, PE_SHUTDOWN, "shutdown requested", 0);
	if (kind)
		p_raise_error(p, PE_INTERRUPT, "interrupted", 0);
}

/* A condition whose message already shows its one irritant. */
_Noreturn static void raise_shown(P *p, enum p_error_kind kind,
				  const char *msg, val irritant)
{
	val e = err_make(p, kind, str_c(p, msg), p_cons(p, irritant, P_NIL));
	P_SET_SLOT(e, ERR_FLAGS, P_FIX(ERR_FLAG_IRRITANTS_IN_MESSAGE));
	err_raise(p, e);
}

static void clip(const char *s, size_t n, char *out, size_t cap)
{
	if (n >= cap) {
		memcpy(out, s, cap - 4);
		memcpy(out + cap - 4, "...", 4);
	} else {
		memcpy(out, s, n);
		out[n] = 0;
	}
}

_Noreturn void p_type_error(P *p, const char *who, int argno,
			    const char *expected, val got)
{
	char buf[512], rep[200];
	size_t n;
	const char *r = err_repr(p, got, &n);
	clip(r, n, rep, sizeof rep);
	pc_snprintf(buf, sizeof buf, "%s: expected %s as argument %d, got %s",
		    who, expected, argno, rep);
	raise_shown(p, PE_ERROR, buf, got);
}

_Noreturn void p_range_error(P *p, const char *who, int argno, val got)
{
	char buf[512], rep[200];
	size_t n;
	const char *r = err_repr(p, got, &n);
	clip(r, n, rep, sizeof rep);
	pc_snprintf(buf, sizeof buf, "%s: argument %d out of range: %s",
		    who, argno, rep);
	raise_shown(p, PE_ERROR, buf, got);
}

_Noreturn void p_file_error(P *p, const char *who, int err, val filename)
{
	char buf[512], name[300];
	size_t n = 0;
	const char *s = P_IS_STRING(filename) ? string_utf8_raw(p, filename, &n) : "";
	clip(s, n, name, sizeof name);
	pc_snprintf(buf, sizeof buf, "%s: %s: %s", who, name,
		    plat_strerror(err < 0 ? -err : err));
	raise_shown(p, PE_FILE, buf, filename);
}

/* Raises msg about the source form: the condition cites the form's file and
 * line, and carries the form as its irritant when it has one. */
_Noreturn static void raise_at(P *p, const char *msg, val form, int irritant)
{
	long line = line_of(p, form);
	val e = err_make(p, PE_ERROR, str_c(p, msg),
			 irritant ? p_cons(p, syntax_strip(p, form), P_NIL) : P_NIL);
	if (irritant)
		P_SET_SLOT(e, ERR_FLAGS, P_FIX(ERR_FLAG_IRRITANTS_IN_MESSAGE));
	if (line > 0)
		P_SET_SLOT(e, ERR_WHERE, P_IS_STRING(p->cur_file) ?
			p_cons(p, p->cur_file, P_FIX(line)) : P_FIX(line));
	err_raise(p, e);
}

_Noreturn void err_syntax(P *p, const char *who, val form)
{
	char buf[512], rep[300];
	size_t n;
	const char *r = err_repr(p, syntax_strip(p, form), &n);
	clip(r, n, rep, sizeof rep);
	pc_snprintf(buf, sizeof buf, "%s: bad syntax in %s", who, rep);
	raise_at(p, buf, form, 1);
}

/* The kernel's boot stack is 1 MiB; this leaves the rest for the VM, the
 * primitive running and the frames between p_boot and the compiler. */
#define C_STACK_BUDGET ((size_t)512 * 1024)

void err_check_depth(P *p, const char *who, val form)
{
	char *here = __builtin_frame_address(0);

	if (here < p->c_stack_base
	    && (size_t)(p->c_stack_base - here) > C_STACK_BUDGET) {
		char msg[120];
		pc_snprintf(msg, sizeof msg, "%s: nesting too deep", who);
		raise_at(p, msg, form, 0);
	}
}
