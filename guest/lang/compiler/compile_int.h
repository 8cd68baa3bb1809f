/*
 * compile_int.h - the compiler's internal structures, shared by compile.c
 * and include.c (include, include-ci, cond-expand).  All of them live in
 * raw heap objects for the duration of one compilation.
 */
#ifndef PXEN_COMPILE_INT_H
#define PXEN_COMPILE_INT_H

#include "core.h"

/* Special forms, in the order of their codes. */
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
	X(UNQUOTE, "unquote") X(UNQUOTE_SPLICING, "unquote-splicing")

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

struct res resolve(P *p, val id, struct scope *sc, val env);
val special(P *p, int code);
val sys(P *p, const char *name);
val syntax_copy_list(P *p, val l);
void comp_top(struct cx *c, val x, int tail);
void comp_top_seq(struct cx *c, val forms, int tail, val whole);

/* include.c */
val include_forms(struct cx *c, val x, int ci);
val cond_expand_body(struct cx *c, val x);
/* Reads every datum of a file (path resolved against the current source's
 * directory); raises a file error naming who on failure. */
val read_file_datums(P *p, const char *who, val path, int fold_case);
/* The directory part of the current source name, with a trailing slash,
 * or "" (a raw C string). */
const char *source_dir(P *p);

#endif
