/*
 * value.h - the P object model and the contract between interpreter modules.
 *
 * A value is one machine word.  Low bit 1: fixnum (62-bit signed payload).
 * Low three bits 000: pointer to a heap object whose first word is a header.
 * Low three bits 010: character (code point << 3).  Low three bits 110: one of
 * the special constants below.
 *
 * Header word: (size in words, header excluded) << 8 | type.  Types below
 * T_FIRST_RAW hold only values after the header and the collector scans them
 * all; types from T_FIRST_RAW on hold raw bytes and are never scanned.  An
 * object needing both keeps its raw part in a separate raw object.
 *
 * Garbage collection happens only at VM safe points, never inside a C
 * primitive: C code may hold values in locals across allocations.  The
 * collector moves objects, so never keep a C pointer into the heap across a
 * return to the VM.
 *
 * Modules, by folder of guest/lang: core/, gc/ and compiler/ ("core"),
 * num/ ("numbers"), text/ (characters, strings, bytevectors, reader,
 * printer, ports) and sys/ (files, system, network).  Each exports its
 * primitives as a p_prim table (see below).
 */
#ifndef PXEN_VALUE_H
#define PXEN_VALUE_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

typedef uintptr_t val;
typedef struct p_state P;

/* Fixnums. */
#define P_FIXNUM_BITS 62
#define P_FIX_MAX ((intptr_t)(((uintptr_t)1 << P_FIXNUM_BITS) - 1))
#define P_FIX_MIN (-P_FIX_MAX - 1)
#define P_IS_FIX(v) ((v) & 1)
#define P_FIX(n) ((val)(((uintptr_t)(intptr_t)(n) << 1) | 1))
#define P_FIXVAL(v) ((intptr_t)(v) >> 1)

/* Characters. */
#define P_IS_CHAR(v) (((v) & 7) == 2)
#define P_CHAR(c) ((val)(((uintptr_t)(c) << 3) | 2))
#define P_CHARVAL(v) ((uint32_t)((v) >> 3))

/* Special constants. */
#define P_SPECIAL(n) ((val)(((uintptr_t)(n) << 3) | 6))
#define P_FALSE P_SPECIAL(0)
#define P_TRUE P_SPECIAL(1)
#define P_NIL P_SPECIAL(2)
#define P_EOF P_SPECIAL(3)
#define P_VOID P_SPECIAL(4)	/* unspecified value; prints nothing at the REPL */
#define P_DEFAULT P_SPECIAL(5)	/* missing optional argument */
#define P_UNBOUND P_SPECIAL(6)	/* internal: unassigned variable/letrec slot */
#define P_BOOL(c) ((c) ? P_TRUE : P_FALSE)
#define P_TRUTHY(v) ((v) != P_FALSE)

/* Heap objects. */
#define P_IS_PTR(v) (((v) & 7) == 0)
#define P_HDR(v) (*(uintptr_t *)(v))
#define P_TYPE_OF_HDR(h) ((unsigned)((h) & 0xff))
#define P_SIZE_OF_HDR(h) ((size_t)((h) >> 8))
#define P_MKHDR(type, words) (((uintptr_t)(words) << 8) | (type))
#define P_SLOTS(v) ((val *)(v) + 1)
#define P_RAW(v) ((void *)((uintptr_t *)(v) + 1))
#define P_HAS_TYPE(v, t) (P_IS_PTR(v) && P_TYPE_OF_HDR(P_HDR(v)) == (t))

enum p_type {
	/* scanned: every word after the header is a value */
	T_PAIR = 1,		/* car, cdr */
	T_VECTOR,		/* elements */
	T_SYMBOL,		/* name (string), plus core's fields */
	T_STRING,		/* text module: see string_obj.h */
	T_RATNUM,		/* numbers: numerator, denominator (exact integers) */
	T_CLOSURE,
	T_PRIMITIVE,
	T_CODE,
	T_RECORD,		/* record type, fields */
	T_RECORD_TYPE,
	T_PROMISE,
	T_PARAMETER,
	T_PORT,			/* text module: see port.h */
	T_CONTINUATION,
	T_ERROR,		/* kind, message, irritants, where, flags */
	T_ENVIRONMENT,
	T_BOX,
	T_VALUES,		/* multiple values in transit */
	T_SYNTAX,		/* expander objects */
	T_HASHTABLE,		/* lib/hashtab.c: kind, epoch, count, moving, entries */
	T_COMPNUM,		/* numbers: real part, imaginary part (see num.h) */
	T_FIRST_RAW = 64,
	/* raw: never scanned */
	T_FLONUM = T_FIRST_RAW,	/* double */
	T_BIGNUM,		/* numbers: see num.h */
	T_BYTEVECTOR,		/* length in bytes (uintptr_t), then bytes */
	T_BYTES,		/* raw storage (string data, port buffers) */
};

/* Allocate an object of `type` with `nbytes` of payload (rounded up to
 * words), header set, payload zeroed (so scanned slots read as fixnum 0 until
 * set).  Never collects; raises `heap exhausted` when the heap limit is hit. */
val p_alloc(P *p, unsigned type, size_t nbytes);

/* Write barrier.  The collector is generational: it has to learn of every
 * value stored into an object that may be older than the value.  So a
 * store into a scanned object (type below T_FIRST_RAW) that already exists
 * goes through P_SET_CAR, P_SET_CDR or P_SET_SLOT (P_VEC(v)[i] is slot i);
 * code that fills slots in bulk (memcpy, memmove, a loop over P_VEC) calls
 * P_WROTE_SLOTS(obj, first, n) afterwards.  Never write through a val *
 * kept into an object's slots without one of these.
 * Exempt: initialising an object that the same C code allocated with no
 * VM safe point since (collections run only at safe points, never inside
 * a primitive, so such an object is still one the next collection scans
 * whole).  Raw objects (T_FIRST_RAW on) hold no values: no barrier. */
/* The barrier marks the card (2^P_GC_CARD_SHIFT bytes) holding the slot
 * in the card table of the object's block, whose header starts at the
 * object's address rounded down to P_GC_BLOCK with a pointer to that
 * table (gc/gc_int.h). */
#define P_GC_BLOCK ((uintptr_t)1 << 16)
#define P_GC_CARD_SHIFT 9
static inline void gc_note_store(val obj, const val *slot)
{
	uintptr_t b = obj & ~(P_GC_BLOCK - 1);
	(*(uint8_t **)b)[((uintptr_t)slot - b) >> P_GC_CARD_SHIFT] = 1;
}
void gc_note_slots(val obj, size_t first, size_t n);
static inline void p_set_slot(val obj, size_t i, val v)
{
	val *s = P_SLOTS(obj) + i;
	*s = v;
	if (P_IS_PTR(v))
		gc_note_store(obj, s);
}
#define P_SET_SLOT(obj, i, v) p_set_slot((obj), (size_t)(i), (v))
#define P_WROTE_SLOTS(obj, first, n) gc_note_slots((obj), (size_t)(first), (size_t)(n))

/* Pairs. */
#define P_IS_PAIR(v) P_HAS_TYPE(v, T_PAIR)
#define P_CAR(v) (P_SLOTS(v)[0])
#define P_CDR(v) (P_SLOTS(v)[1])
#define P_SET_CAR(pair, v) p_set_slot((pair), 0, (v))
#define P_SET_CDR(pair, v) p_set_slot((pair), 1, (v))
val p_cons(P *p, val a, val d);
val p_list(P *p, int n, ...);

/* Flonums. */
#define P_IS_FLO(v) P_HAS_TYPE(v, T_FLONUM)
#define P_FLOVAL(v) (*(double *)P_RAW(v))
val p_flonum(P *p, double d);

/* Symbols (core). */
#define P_IS_SYMBOL(v) P_HAS_TYPE(v, T_SYMBOL)
val p_intern(P *p, const char *utf8, size_t len);
val p_symbol_name(val sym);	/* the name as a P string */
/* A fresh uninterned symbol (expander, gensym). */
val p_gensym(P *p, const char *prefix);

/* Strings (text).  Unicode, O(1) string-ref. */
#define P_IS_STRING(v) P_HAS_TYPE(v, T_STRING)
val p_string_from_utf8(P *p, const char *s, size_t n);
val p_make_string(P *p, size_t len, uint32_t fill);
size_t p_string_length(val s);
uint32_t p_string_ref(val s, size_t i);
void p_string_set(P *p, val s, size_t i, uint32_t c);
/* UTF-8 encoding into buf (NUL-terminated); returns the full encoded length,
 * which may exceed cap-1 (then the output is truncated). */
size_t p_string_utf8(val s, char *buf, size_t cap);
/* A NUL-terminated UTF-8 copy in a fresh raw heap object (lives until the
 * next GC: do not keep across a return to the VM). */
const char *p_string_cstr(P *p, val s);

/* Bytevectors (text). */
#define P_IS_BYTEVECTOR(v) P_HAS_TYPE(v, T_BYTEVECTOR)
val p_make_bytevector(P *p, size_t n, int fill);
#define P_BV_LEN(v) (*(uintptr_t *)P_RAW(v))
#define P_BV_DATA(v) ((uint8_t *)P_RAW(v) + sizeof(uintptr_t))

/* Vectors (core). */
#define P_IS_VECTOR(v) P_HAS_TYPE(v, T_VECTOR)
#define P_VEC_LEN(v) P_SIZE_OF_HDR(P_HDR(v))
#define P_VEC(v) P_SLOTS(v)
val p_make_vector(P *p, size_t n, val fill);

/* Numbers (numbers module: num.h has the rest). */
int p_is_number(val v);
val p_from_int64(P *p, int64_t n);
/* 1 and *out set if v is an exact integer that fits, else 0. */
int p_to_int64(val v, int64_t *out);

/* Errors: these raise a P condition and unwind to the VM; they never return.
 * kind names the predicate that recognises the condition. */
enum p_error_kind { PE_ERROR, PE_READ, PE_FILE, PE_HEAP, PE_INTERRUPT, PE_SHUTDOWN };
_Noreturn void p_raise_error(P *p, enum p_error_kind kind, const char *msg,
			     int nirritants, ...);
/* Raises the condition for a plat_interrupted() result; returns if 0. */
void p_raise_interrupt(P *p, int kind);
/* "who: expected <expected> as argument <argno>, got <v>" */
_Noreturn void p_type_error(P *p, const char *who, int argno,
			    const char *expected, val got);
_Noreturn void p_range_error(P *p, const char *who, int argno, val got);
/* A platform error code (-PLAT_Exxx) on a file operation. */
_Noreturn void p_file_error(P *p, const char *who, int err, val filename);

/* Primitive procedures.  argv[0..argc) are the arguments; the arity has been
 * checked against min/max (max -1: any number) before the call.  Return the
 * result, or p_values() for several. */
typedef val (*p_prim_fn)(P *p, int argc, val *argv);
struct p_prim {
	const char *lib;	/* "base", "char", "inexact", "write", ... : the
				   (scheme X) library that exports it, or
				   "pxen X" for our own */
	const char *name;
	p_prim_fn fn;
	int min, max;
	/* Free for the primitive: one function can serve a family of
	 * procedures (quotient, remainder, modulo) told apart by it. */
	intptr_t data;
};
val p_values(P *p, int n, val *vs);

/* Roots: slots the collector updates, for modules that keep values between
 * primitive calls.  Each module has its own; the core's follow (core.h). */
enum p_root {
	P_ROOT_TEXT,		/* the text module's state (port.c) */
	P_ROOT_CORE0
};
val *p_root(P *p, int which);

/* Global definitions made from C at start-up (e.g. the current-output-port
 * parameter): binds name in the system environment, exported by library
 * lib ("base", "write", "pxen net", ...). */
void p_define_global(P *p, const char *lib, const char *name, val v);

/* Parameter objects (core).  Calling one with no arguments gives its value;
 * parameterize rebinds it.  converter is P_FALSE or a procedure (applied by
 * make-parameter and parameterize, not by p_make_parameter). */
#define P_IS_PARAMETER(v) P_HAS_TYPE(v, T_PARAMETER)
val p_make_parameter(P *p, val value, val converter);
val p_param_value(P *p, val param);
void p_param_set(P *p, val param, val v);

/* Source positions: the reader reports the line on which each pair it reads
 * starts; the compiler cites it in error messages. */
void p_note_line(P *p, val datum, long line);

/* The primitive object being called (for primitives created with data by
 * core, e.g. record accessors). */
val p_prim_self(P *p);
/* The table entry of the primitive being called: its name and data word. */
const struct p_prim *p_prim_desc(P *p);

/* Services the core needs from the text module (reader, printer, ports). */
/* Next datum from a textual input port; P_EOF at its end.  Raises a read
 * error (read-error? true) on bad syntax. */
val p_read_datum(P *p, val port);
/* A textual input port reading the P string s. */
val p_open_input_string(P *p, val s);
/* The written (display: displayed) representation of v as a P string. */
val p_write_to_string(P *p, val v, int display);
/* Called once by core at start-up after the global environment exists and
 * before any Scheme code runs: create the standard ports and define the
 * current-*-port parameters with p_define_global. */
void text_init(P *p);
/* Flushes the standard output ports (exit, end of program). */
void text_flush_all(P *p);
/* The text module's procedures written in Scheme (string-map,
 * call-with-port, with-output-to-file, ...): text_scheme.h declares
 * text_scheme_defs; after text_init, the core evaluates each entry's source
 * (a lambda expression) in the system environment and binds it with
 * p_define_global. */
/* The name of a procedure or record type as a symbol, else P_FALSE. */
val p_object_name(P *p, val obj);

/* Tables exported by each module, each ended by an entry with name NULL. */
extern const struct p_prim core_prims[], num_prims[], char_prims[],
	string_prims[], bytevector_prims[], port_prims[], io_prims[],
	file_prims[], system_prims[];

#endif
