/* addrtab.c - see addrtab.h. */
#include "core.h"
#include "addrtab.h"

static size_t slot_of(val key, size_t cap)
{
	return (size_t)((key >> 3) * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1);
}

static void alloc_table(struct addrtab *t, size_t cap)
{
	t->keys = P_RAW(p_alloc(t->p, T_BYTES, cap * sizeof(val)));
	t->vals = P_RAW(p_alloc(t->p, T_BYTES, cap * sizeof(val)));
	t->cap = cap;
	t->n = 0;
}

void addrtab_init(struct addrtab *t, P *p)
{
	t->p = p;
	alloc_table(t, 64);
}

val addrtab_get(struct addrtab *t, val key)
{
	for (size_t i = slot_of(key, t->cap);; i = (i + 1) & (t->cap - 1)) {
		if (t->keys[i] == key)
			return t->vals[i];
		if (!t->keys[i])
			return 0;
	}
}

void addrtab_put(struct addrtab *t, val key, val v)
{
	if ((t->n + 1) * 2 > t->cap) {
		val *ok = t->keys, *ov = t->vals;
		size_t oc = t->cap;
		alloc_table(t, oc * 2);
		for (size_t i = 0; i < oc; i++)
			if (ok[i])
				addrtab_put(t, ok[i], ov[i]);
	}
	size_t i = slot_of(key, t->cap);
	while (t->keys[i] && t->keys[i] != key)
		i = (i + 1) & (t->cap - 1);
	if (!t->keys[i])
		t->n++;
	t->keys[i] = key;
	t->vals[i] = v;
}
