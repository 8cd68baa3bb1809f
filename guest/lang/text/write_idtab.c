/* write_idtab.c - open-addressing identity hash table in raw heap storage.
 * Key and value share a slot, so a probe touches one cache line. */
#include "write_idtab.h"

/* Heap addresses are evenly spaced, so a plain multiply leaves long runs
 * of neighbouring slots; mixing the high bits down first spreads them. */
static size_t slot_of(val key, size_t cap)
{
	uint64_t h = (uint64_t)key >> 3;

	h ^= h >> 31;
	h *= 0x9E3779B97F4A7C15ull;
	h ^= h >> 29;
	return (size_t)h & (cap - 1);
}

void idtab_init(struct idtab *t, P *p)
{
	t->p = p;
	t->slots = NULL;
	t->cap = t->count = 0;
}

intptr_t idtab_get(const struct idtab *t, val key, intptr_t missing)
{
	if (t->count == 0)
		return missing;
	for (size_t i = slot_of(key, t->cap);; i = (i + 1) & (t->cap - 1)) {
		if (t->slots[i].key == key)
			return t->slots[i].v;
		if (t->slots[i].key == 0)
			return missing;
	}
}

static void grow(struct idtab *t)
{
	size_t ncap = t->cap ? t->cap * 2 : 64;
	struct idtab_entry *s = P_RAW(p_alloc(t->p, T_BYTES, ncap * sizeof *s));

	for (size_t j = 0; j < t->cap; j++) {
		if (t->slots[j].key == 0)
			continue;
		size_t i = slot_of(t->slots[j].key, ncap);
		while (s[i].key != 0)
			i = (i + 1) & (ncap - 1);
		s[i] = t->slots[j];
	}
	t->slots = s;
	t->cap = ncap;
}

void idtab_put(struct idtab *t, val key, intptr_t v)
{
	size_t i;

	if ((t->count + 1) * 4 > t->cap * 3)
		grow(t);
	for (i = slot_of(key, t->cap); t->slots[i].key != 0 && t->slots[i].key != key;
	     i = (i + 1) & (t->cap - 1))
		;
	if (t->slots[i].key == 0) {
		t->slots[i].key = key;
		t->count++;
	}
	t->slots[i].v = v;
}
