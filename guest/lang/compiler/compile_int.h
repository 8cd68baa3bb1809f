/*
 * compile_int.h - the compiler's internal structures and functions, shared
 * by its files: compile.c (expressions, lambda, dispatch, top level),
 * emit.c, scope.c, body.c, derived.c and include.c (include, include-ci,
 * cond-expand).  The structures live in raw heap objects for the duration
 * of one compilation.
 */
#ifndef PXEN_COMPILE_INT_H
#define PXEN_COMPILE_INT_H

#include "core.h"

/* Special forms, in the order of their codes.  The last four are the
 * auxiliary syntax (scheme base) exports: bound, so that a macro's
 * literal else or => matches them however they were imported (with a
 * prefix, renamed), and an error when used as an expression. */
#define SPECIAL_FORMS(X) \
	X(QUOTE, "quote") X(QUASIQUOTE, "quasiquote") X(LAMBDA, "lambda") \
	X(DEFINE, "define") X(SET, "set!") X(IF, "if") X(BEGIN, "begin") \
	X(LET, "let") X(LETREC, "letrec") X(LETREC_STAR, "letrec*") \
	X(DEFINE_SYNTAX, "define-syntax") X(LET_SYNTAX, "let-syntax") \
	X(LETREC_SYNTAX, "letrec-syntax") X(SYNTAX_RULES, "syntax-rules") \
	X(DEFINE_RECORD_TYPE, "define-record-type") \
	X(DEFINE_VALUES, "define-values") X(CASE_LAMBDA, "case-lambda") \
	X(INCLUDE, "include") X(INCLUDE_CI, "include-ci") \
	X(COND_EXPAND, "cond-expand") X(IMPORT, "import") \
	X(DEFINE_LIBRARY, "define-library") X(SYNTAX_ERROR, "syntax-error") \
	X(UNQUOTE, "unquote") X(UNQUOTE_SPLICING, "unquote-splicing") \
	X(ELSE, "else") X(ARROW, "=>") X(UNDERSCORE, "_") X(ELLIPSIS, "...")

#define SF_ENUM(id, name) SF_##id,
enum { SPECIAL_FORMS(SF_ENUM) SF_COUNT };
#undef SF_ENUM

struct fn;

struct var {
	val id;
	struct fn *fn;		/* the function whose frame holds it */
	struct scope *scope;
	int slot, num;
	val macro;		/* nonzero: a local keyword, not a variable */
	unsigned char boxed, letrec, lambda_init, initialized;
};

struct scope {
	struct scope *up;
	struct fn *fn;
	int n, cap;
	struct var **vars;
};

struct fn {
	struct fn *up;
	P *p;
	intptr_t *code;
	int ncode, capcode;
	val *consts;
	int nconsts, capconsts;
	int nslots, depth, maxdepth;
	struct var **caps;
	int ncaps, capcaps;
	int nbind, boxknown, boxcap;
	uint8_t *boxset;	/* by binding number; kept across restarts */
	int restart;
	val setvars;		/* identifiers a pre-scan saw assigned */
	int32_t *lines;		/* pairs (code offset, line) */
	int nlines, caplines;
	long curline;
	struct scope *patch_scope;	/* letrec group this lambda initialises */
	val name;
};

struct cx {
	P *p;
	val env;
	struct fn *fn;
};

enum { RES_NONE, RES_LOCAL, RES_GLOBAL, RES_UNBOUND, RES_SPECIAL, RES_MACRO };
struct res {
	int kind, code;
	struct var *var;
	val b;			/* cell, macro or special object */
	val sym, env;		/* for globals: where it was looked up */
};

/* compile.c: compiling x in scope sc (NULL: the top level of c->env);
 * tail: x is in tail position, so the code returns its value. */
void comp(struct cx *c, val x, struct scope *sc, int tail);
void comp_top(struct cx *c, val x, int tail);
void comp_top_seq(struct cx *c, val forms, int tail, val whole);
/* Compiles a lambda; leaves the closure in acc and returns the finished
 * function (its captures tell a letrec what to patch). */
struct fn *comp_lambda(struct cx *c, val formals, val body, struct scope *sc,
		       val name, val whole, struct scope *patch_scope);
/* A syntax error in the form x, raised with who naming the problem. */
_Noreturn void comp_bad(struct cx *c, const char *who, val x);

/* emit.c: code buffers.  comp_raw/comp_grow give raw heap memory that is
 * garbage after the compilation; comp_grow doubles *cap until need fits. */
void *comp_raw(P *p, size_t bytes);
void *comp_grow(P *p, void *old, size_t elem, int *cap, int need);
/* A stack of values in raw heap memory, for walks over data of any depth
 * without recursion on the C stack. */
struct vstack {
	P *p;
	val *v;
	int n, cap;
};
void vs_init(struct vstack *s, P *p);
void vs_push(struct vstack *s, val x);
void emit_word(struct fn *f, intptr_t w);
/* Tracks the stack depth the code reaches (the frame's size). */
void emit_depth(struct fn *f, int d);
void emit_op(struct fn *f, int op, int nops, intptr_t a, intptr_t b, intptr_t c);
int emit_const_index(struct fn *f, val v);
void emit_const(struct fn *f, val v);
void emit_ret(struct fn *f, int tail);
/* Notes that the code from here on comes from x's source line. */
void emit_line(struct cx *c, val x);
struct fn *fn_new(struct cx *c, val name);
/* Empties f for compiling it again (its boxset stays). */
void fn_reset(struct fn *f);
val fn_make_code(struct cx *c, struct fn *f, int nreq, int rest);

/* scope.c: scopes, resolution and captures. */
struct scope *scope_new(P *p, struct scope *up, struct fn *fn);
struct var *scope_add(P *p, struct scope *s, val id);
struct res resolve(P *p, val id, struct scope *sc, val env);
/* A special form or macro head of the form x (kind RES_NONE otherwise). */
struct res resolve_head(struct cx *c, val x, struct scope *sc);
/* v turned out to be assigned: box it and compile its function again. */
void var_box_and_restart(struct var *v);
/* v's index among f's captures, added (in f and the functions between)
 * if new. */
int fn_capture_index(struct fn *f, struct var *v);
/* Loads v's slot content (the box itself if boxed) into acc. */
void emit_load_raw(struct cx *c, struct var *v);
/* Loads v's value into acc. */
void emit_load_var(struct cx *c, struct var *v);

/* body.c: binding forms and bodies. */
void comp_let(struct cx *c, val x, struct scope *sc, int tail);
void comp_letrec(struct cx *c, val x, struct scope *sc, int tail);
void comp_let_syntax(struct cx *c, val x, struct scope *sc, int tail, int rec);
void comp_body(struct cx *c, val body, struct scope *sc, int tail, val whole);
int comp_is_lambda_form(struct cx *c, val x, struct scope *sc);
/* The macro a (syntax-rules ...) spec in sc denotes. */
val comp_macro_for(struct cx *c, val spec, struct scope *sc, val whole);
/* Expands one use x of macro m, keeping x's source line. */
val comp_expand_use(struct cx *c, val m, val x, struct scope *sc);

/* derived.c: forms rewritten before compiling, and their building blocks. */
/* The special form object for code (an SF_ value). */
val special(P *p, int code);
/* An alias for name in the system environment. */
val sys(P *p, const char *name);
val comp_list2(P *p, val a, val b);
val comp_list3(P *p, val a, val b, val c);
/* (quote x) */
val comp_quoted(P *p, val x);
val syntax_copy_list(P *p, val l);
/* (define id expr) / (define (id . formals) body...), curried too:
 * the identifier and its initial expression. */
void derive_define(struct cx *c, val x, val *id, val *init);
/* A (begin (define ...) ...) for define-values / define-record-type. */
val derive_define_values(struct cx *c, val x);
val derive_record_type(struct cx *c, val x);
/* The expression building the quasiquoted template x at nesting depth
 * (1 outermost). */
val derive_qq(struct cx *c, val x, struct scope *sc, int depth);

/* include.c */
val include_forms(struct cx *c, val x, int ci);
val cond_expand_body(struct cx *c, val x);
/* Reads every datum of a file (path resolved against the current source's
 * directory); raises a file error naming who on failure. */
val read_file_datums(P *p, const char *who, val path, int fold_case);
/* Every datum in the string text, in order; read errors cite name (a
 * string, or #f for none). */
val read_text_datums(P *p, val text, val name);
/* The directory part of the current source name, with a trailing slash,
 * or "" (a raw C string). */
const char *source_dir(P *p);

#endif
