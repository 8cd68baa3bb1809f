/*
 * hashtab.h - the native hash table engine for eq?, eqv?, equal?,
 * string=? and string-ci=? keys, as primitives exported by (pxen hashtab)
 * for the Scheme side of (srfi 69) and (srfi 125).  See hashtab.c.
 */
#ifndef PXEN_HASHTAB_H
#define PXEN_HASHTAB_H

#include "value.h"

extern const struct p_prim hashtab_prims[];

#endif
