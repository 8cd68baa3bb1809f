/*
 * write_idtab.h - a hash table keyed on value identity (eq?), mapping to a
 * machine integer.  The printer finds shared and cyclic structure with it;
 * the reader resolves datum labels with it.
 *
 * Its storage is raw heap objects, so it is only valid within one C call
 * that does not return to the VM: keys are addresses, which stay put until
 * the next collection, and collections happen only at VM safe points.
 */
#ifndef PXEN_WRITE_IDTAB_H
#define PXEN_WRITE_IDTAB_H

#include "value.h"

struct idtab_entry {
	val key;		/* 0 marks an empty slot (no value is 0) */
	intptr_t v;
};

struct idtab {
	P *p;
	struct idtab_entry *slots;
	size_t cap, count;	/* cap is 0 or a power of two */
};

void idtab_init(struct idtab *t, P *p);
/* The value stored for key, or `missing` when there is none. */
intptr_t idtab_get(const struct idtab *t, val key, intptr_t missing);
void idtab_put(struct idtab *t, val key, intptr_t v);

#endif
