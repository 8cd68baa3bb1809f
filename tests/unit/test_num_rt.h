/*
 * test_num_rt.h - the small stand-in runtime that lets test_num exercise
 * the numbers module without the rest of the interpreter: a bump
 * allocator that never collects, strings as plain byte arrays, and errors
 * that longjmp back to the test, keeping the message.
 */
#ifndef PXEN_TEST_NUM_RT_H
#define PXEN_TEST_NUM_RT_H

#include <setjmp.h>
#include "value.h"

extern jmp_buf rt_catch;
extern char rt_error[512];
extern val rt_values[4];	/* the values p_values returned last */
extern int rt_nvalues;

/* Releases everything allocated since the last reset. */
void rt_reset(void);
/* Calls the num_prims entry `name`; the arguments end with 0. */
val rt_call(P *p, const char *name, ...);
/* Like rt_call but returns 1 if the call raised (message in rt_error). */
int rt_raises(P *p, const char *name, ...);
/* The number's text in radix 10 (static buffer) and parsing. */
const char *rt_str(P *p, val x);
val rt_num(P *p, const char *s);

#endif
