/* write_idtab.c - open-addressing identity hash table in raw heap storage. */
#include "write_idtab.h"

static size_t slot_of(val key, size_t cap)
{
	uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ull;

	return (size_t)(h >> 32) & (cap - 1);
}

void idtab_init(struct idtab *t, P *p)
{
	t->p = p;
	t->keys = NULL;
	t->vals = NULL;
	t->cap = t->count = 0;
}

intptr_t idtab_get(const struct idtab *t, val key, intptr_t missing)
{
	if (t->cap == 0)
		return missing;
	for (size_t i = slot_of(key, t->cap);; i = (i + 1) & (t->cap - 1)) {
		if (t->keys[i] == key)
			return t->vals[i];
		if (t->keys[i] == 0)
			return missing;
	}
}

static void grow(struct idtab *t)
{
	size_t ncap = t->cap ? t->cap * 2 : 64;
	val *keys = P_RAW(p_alloc(t->p, T_BYTES, ncap * sizeof(val)));
	intptr_t *vals = P_RAW(p_alloc(t->p, T_BYTES, ncap * sizeof(intptr_t)));

	for (size_t j = 0; j < t->cap; j++) {
		if (t->keys[j] == 0)
			continue;
		size_t i = slot_of(t->keys[j], ncap);
		while (keys[i] != 0)
			i = (i + 1) & (ncap - 1);
		keys[i] = t->keys[j];
		vals[i] = t->vals[j];
	}
	t->keys = keys;
	t->vals = vals;
	t->cap = ncap;
}

void idtab_put(struct idtab *t, val key, intptr_t v)
{
	size_t i;

	if ((t->count + 1) * 4 > t->cap * 3)
		grow(t);
	for (i = slot_of(key, t->cap); t->keys[i] != 0 && t->keys[i] != key;
	     i = (i + 1) & (t->cap - 1))
		;
	if (t->keys[i] == 0) {
		t->keys[i] = key;
		t->count++;
	}
	t->vals[i] = v;
}
