/*
 * test_num_rt.c - stand-in runtime for test_num (see test_num_rt.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test_num_rt.h"
#include "num.h"

jmp_buf rt_catch;
char rt_error[512];
val rt_values[4];
int rt_nvalues;

static char *arena, *top;
#define ARENA_BYTES (512u << 20)

void rt_reset(void)
{
	if (!arena) {
		arena = aligned_alloc(16, ARENA_BYTES);
		if (!arena) {
			fputs("test_num: no memory for the arena\n", stderr);
			exit(99);
		}
	}
	top = arena;
}

val p_alloc(P *p, unsigned type, size_t nbytes)
{
	size_t words = (nbytes + 7) / 8;
	(void)p;
	if (!arena)
		rt_reset();
	if ((size_t)(top - arena) + (words + 1) * 8 > ARENA_BYTES) {
		snprintf(rt_error, sizeof rt_error, "heap exhausted");
		longjmp(rt_catch, 1);
	}
	uintptr_t *o = (uintptr_t *)top;
	memset(o, 0, (words + 1) * 8);
	o[0] = P_MKHDR(type, words);
	top += (words + 1) * 8;
	return (val)o;
}

val p_flonum(P *p, double d)
{
	val v = p_alloc(p, T_FLONUM, sizeof d);
	P_FLOVAL(v) = d;
	return v;
}

val p_cons(P *p, val a, val d)
{
	val v = p_alloc(p, T_PAIR, 2 * sizeof(val));
	P_CAR(v) = a;
	P_CDR(v) = d;
	return v;
}

val p_values(P *p, int n, val *vs)
{
	(void)p;
	rt_nvalues = n;
	for (int i = 0; i < n && i < 4; i++)
		rt_values[i] = vs[i];
	return P_VOID;
}

/* Strings: length word, then the bytes. */
val p_string_from_utf8(P *p, const char *s, size_t n)
{
	val v = p_alloc(p, T_STRING, sizeof(size_t) + n + 1);
	*(size_t *)P_RAW(v) = n;
	memcpy((char *)P_RAW(v) + sizeof(size_t), s, n);
	return v;
}

size_t p_string_utf8(val s, char *buf, size_t cap)
{
	size_t n = *(size_t *)P_RAW(s);
	if (cap) {
		size_t k = n < cap - 1 ? n : cap - 1;
		memcpy(buf, (const char *)P_RAW(s) + sizeof(size_t), k);
		buf[k] = 0;
	}
	return n;
}

const char *p_string_cstr(P *p, val s)
{
	(void)p;
	return (const char *)P_RAW(s) + sizeof(size_t);
}

_Noreturn void p_raise_error(P *p, enum p_error_kind kind, const char *msg,
			     int nirritants, ...)
{
	(void)p, (void)kind, (void)nirritants;
	snprintf(rt_error, sizeof rt_error, "%s", msg);
	longjmp(rt_catch, 1);
}

_Noreturn void p_type_error(P *p, const char *who, int argno,
			    const char *expected, val got)
{
	(void)p, (void)got;
	snprintf(rt_error, sizeof rt_error, "%s: expected %s as argument %d",
		 who, expected, argno);
	longjmp(rt_catch, 1);
}

_Noreturn void p_range_error(P *p, const char *who, int argno, val got)
{
	(void)p, (void)got;
	snprintf(rt_error, sizeof rt_error, "%s: argument %d out of range", who, argno);
	longjmp(rt_catch, 1);
}

static const struct p_prim *calling;

const struct p_prim *p_prim_desc(P *p)
{
	(void)p;
	return calling;
}

static val call_v(P *p, const char *name, va_list ap)
{
	val args[8];
	int n = 0;
	for (val a; n < 8 && (a = va_arg(ap, val)) != 0;)
		args[n++] = a;
	for (const struct p_prim *f = num_prims; f->name; f++)
		if (strcmp(f->name, name) == 0) {
			if (n < f->min || (f->max >= 0 && n > f->max)) {
				fprintf(stderr, "test_num: bad arity for %s\n", name);
				exit(99);
			}
			calling = f;
			return f->fn(p, n, args);
		}
	fprintf(stderr, "test_num: no primitive %s\n", name);
	exit(99);
}

val rt_call(P *p, const char *name, ...)
{
	va_list ap;
	va_start(ap, name);
	if (setjmp(rt_catch)) {
		fprintf(stderr, "test_num: %s raised: %s\n", name, rt_error);
		exit(98);
	}
	val r = call_v(p, name, ap);
	va_end(ap);
	return r;
}

int rt_raises(P *p, const char *name, ...)
{
	va_list ap;
	va_start(ap, name);
	rt_error[0] = 0;
	if (setjmp(rt_catch)) {
		va_end(ap);
		return 1;
	}
	call_v(p, name, ap);
	va_end(ap);
	return 0;
}

static void emit(void *ctx, const char *s, size_t n)
{
	char **w = ctx;
	memcpy(*w, s, n);
	*w += n;
}

const char *rt_str(P *p, val x)
{
	static char *buf;
	if (!buf)
		buf = malloc(1 << 22);
	char *w = buf;
	if (num_format(p, x, 10, emit, &w) != 0)
		return "<not a number>";
	*w = 0;
	return buf;
}

val rt_num(P *p, const char *s)
{
	val v = num_parse(p, s, strlen(s), 10);
	if (v == P_FALSE) {
		fprintf(stderr, "test_num: cannot parse %s\n", s);
		exit(99);
	}
	return v;
}
