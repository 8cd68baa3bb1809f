/*
 * charset.h - inversion lists (sorted code point ranges in a vector) and
 * the Unicode category sets, as primitives exported by (pxen charset) for
 * the Scheme side of (srfi 14).  See charset.c.
 */
#ifndef PXEN_CHARSET_H
#define PXEN_CHARSET_H

#include "value.h"

extern const struct p_prim charset_prims[];

#endif
