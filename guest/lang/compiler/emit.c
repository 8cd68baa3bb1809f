/*
 * emit.c - the compiler's code buffers: growing raw tables, emitting
 * instructions and constants, noting source lines, and turning a finished
 * function into a code object.
 *
 * Everything here lives in raw heap objects that become garbage after the
 * compilation (nothing moves while it runs: see compile.c).
 */
#include "core.h"
#include "compile_int.h"

void *comp_raw(P *p, size_t bytes)
{
	return P_RAW(p_alloc(p, T_BYTES, bytes ? bytes : 1));
}

void *comp_grow(P *p, void *old, size_t elem, int *cap, int need)
{
	if (need <= *cap)
		return old;
	int ncap = *cap ? *cap * 2 : 16;
	while (ncap < need)
		ncap *= 2;
	void *n = comp_raw(p, elem * (size_t)ncap);
	if (old && *cap)
		memcpy(n, old, elem * (size_t)*cap);
	*cap = ncap;
	return n;
}

void vs_init(struct vstack *s, P *p)
{
	s->p = p;
	s->v = NULL;
	s->n = s->cap = 0;
}

void vs_push(struct vstack *s, val x)
{
	s->v = comp_grow(s->p, s->v, sizeof(val), &s->cap, s->n + 1);
	s->v[s->n++] = x;
}

void emit_word(struct fn *f, intptr_t w)
{
	f->code = comp_grow(f->p, f->code, sizeof(intptr_t), &f->capcode, f->ncode + 1);
	f->code[f->ncode++] = w;
}

void emit_depth(struct fn *f, int d)
{
	f->depth += d;
	if (f->depth > f->maxdepth)
		f->maxdepth = f->depth;
}

void emit_op(struct fn *f, int op, int nops, intptr_t a, intptr_t b, intptr_t c)
{
	emit_word(f, op);
	if (nops > 0)
		emit_word(f, a);
	if (nops > 1)
		emit_word(f, b);
	if (nops > 2)
		emit_word(f, c);
}

int emit_const_index(struct fn *f, val v)
{
	for (int i = 0; i < f->nconsts; i++)
		if (f->consts[i] == v)
			return i;
	f->consts = comp_grow(f->p, f->consts, sizeof(val), &f->capconsts, f->nconsts + 1);
	f->consts[f->nconsts] = v;
	return f->nconsts++;
}

void emit_const(struct fn *f, val v)
{
	if (P_IS_PTR(v))
		emit_op(f, OP_CONST, 1, emit_const_index(f, v), 0, 0);
	else
		emit_op(f, OP_IMM, 1, (intptr_t)v, 0, 0);
}

void emit_ret(struct fn *f, int tail)
{
	if (tail)
		emit_word(f, OP_RETURN);
}

void emit_line(struct cx *c, val x)
{
	long line = line_of(c->p, x);
	struct fn *f = c->fn;
	if (line <= 0 || line == f->curline)
		return;
	f->curline = line;
	f->lines = comp_grow(c->p, f->lines, sizeof(int32_t), &f->caplines, f->nlines + 2);
	f->lines[f->nlines++] = f->ncode;
	f->lines[f->nlines++] = (int32_t)line;
}

struct fn *fn_new(struct cx *c, val name)
{
	struct fn *f = comp_raw(c->p, sizeof *f);
	memset(f, 0, sizeof *f);
	f->p = c->p;
	f->up = c->fn;
	f->name = name;
	f->setvars = P_NIL;
	return f;
}

void fn_reset(struct fn *f)
{
	f->ncode = f->nconsts = f->ncaps = f->nlines = 0;
	f->nslots = f->depth = f->maxdepth = 0;
	f->nbind = 0;
	f->restart = 0;
	f->curline = 0;
}

val fn_make_code(struct cx *c, struct fn *f, int nreq, int rest)
{
	P *p = c->p;
	val bytes = p_alloc(p, T_BYTES, sizeof(uintptr_t) + (size_t)f->ncode * sizeof(intptr_t));
	*(uintptr_t *)P_RAW(bytes) = (uintptr_t)f->ncode;
	intptr_t *w = (intptr_t *)((uintptr_t *)P_RAW(bytes) + 1);
	memcpy(w, f->code, (size_t)f->ncode * sizeof(intptr_t));
	val consts = p_make_vector(p, (size_t)f->nconsts, P_FALSE);
	for (int i = 0; i < f->nconsts; i++)
		P_SET_SLOT(consts, i, f->consts[i]);
	val lines = p_alloc(p, T_BYTES, sizeof(uintptr_t) + (size_t)f->nlines * sizeof(int32_t));
	*(uintptr_t *)P_RAW(lines) = (uintptr_t)f->nlines;
	if (f->nlines)
		memcpy((uintptr_t *)P_RAW(lines) + 1, f->lines, (size_t)f->nlines * sizeof(int32_t));
	val code = p_alloc(p, T_CODE, CODE_NSLOTS_ * sizeof(val));
	P_SET_SLOT(code, CODE_BYTES, bytes);
	P_SET_SLOT(code, CODE_CONSTS, consts);
	P_SET_SLOT(code, CODE_NAME, f->name);
	P_SET_SLOT(code, CODE_NREQ, P_FIX(nreq));
	P_SET_SLOT(code, CODE_REST, P_FIX(rest));
	P_SET_SLOT(code, CODE_NSLOTS, P_FIX(f->nslots));
	P_SET_SLOT(code, CODE_LINES, lines);
	P_SET_SLOT(code, CODE_FILE, p->cur_file);
	vm_thread(p, code);
	return code;
}
