/*
 * flonum.h - the C99 flonum functions and representation operations of
 * (srfi 144), as primitives exported by (pxen flonum).  See flonum.c.
 */
#ifndef PXEN_FLONUM_H
#define PXEN_FLONUM_H

#include "value.h"

extern const struct p_prim flonum_prims[];

#endif
