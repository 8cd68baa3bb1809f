/*
 * addrtab.h - a hash table keyed by object address, for walks over
 * possibly cyclic data within one primitive call (objects do not move
 * then).  Storage is raw heap memory that becomes garbage afterwards.
 */
#ifndef PXEN_ADDRTAB_H
#define PXEN_ADDRTAB_H

#include "value.h"

struct addrtab {
	P *p;
	val *keys, *vals;
	size_t cap, n;
};

void addrtab_init(struct addrtab *t, P *p);
/* The value stored for key, or 0. */
val addrtab_get(struct addrtab *t, val key);
void addrtab_put(struct addrtab *t, val key, val v);

#endif
