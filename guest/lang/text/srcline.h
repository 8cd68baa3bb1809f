/*
 * srcline.h - the reader's table of source lines: the line on which each
 * pair it read starts, for the compiler's and the errors' citations.
 *
 * Keyed by address, so an entry is good only until the next collection
 * moves the data; reading and compiling a form happen within one primitive
 * call, and the collector's hook forgets the whole table after each
 * collection.  A full table, or no memory for one, drops lines silently:
 * they are a courtesy, never an error.
 */
#ifndef PXEN_SRCLINE_H
#define PXEN_SRCLINE_H

#include "value.h"

struct srclines;

/* Records that the pair datum starts on line; *t is created on first use. */
void srclines_note(struct srclines **t, val datum, long line);
/* The line recorded for x, or 0. */
long srclines_find(const struct srclines *t, val x);
/* Forgets every entry (t may be NULL). */
void srclines_forget(struct srclines *t);

#endif
