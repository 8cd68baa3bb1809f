/*
 * symbol.c - interned symbols.
 *
 * A symbol is [name string, UTF-8 bytes, hash].  The table is an open-
 * addressed vector keyed by the hash of the name's bytes, so it survives
 * objects moving without rehashing.  Symbols are never collected.
 */
#include "core.h"

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 1099511628211ull;
	return h & ((1ull << 60) - 1);
}

const char *sym_chars(val sym, size_t *len)
{
	val b = P_SLOTS(sym)[SYM_BYTES_SLOT];
	*len = *(uintptr_t *)P_RAW(b);
	return (const char *)P_RAW(b) + sizeof(uintptr_t);
}

uint64_t sym_hash(val sym)
{
	return (uint64_t)P_FIXVAL(P_SLOTS(sym)[SYM_HASH_SLOT]);
}

int sym_is(val sym, const char *name)
{
	size_t n;
	const char *s = sym_chars(sym, &n);
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

val p_symbol_name(val sym)
{
	return P_SLOTS(sym)[SYM_NAME_SLOT];
}

static val sym_make(P *p, const char *s, size_t n, uint64_t h)
{
	val b = p_alloc(p, T_BYTES, sizeof(uintptr_t) + n + 1);
	*(uintptr_t *)P_RAW(b) = n;
	memcpy((char *)P_RAW(b) + sizeof(uintptr_t), s, n);
	val name = p_string_from_utf8(p, s, n);
	val sym = p_alloc(p, T_SYMBOL, 3 * sizeof(val));
	P_SET_SLOT(sym, SYM_NAME_SLOT, name);
	P_SET_SLOT(sym, SYM_BYTES_SLOT, b);
	P_SET_SLOT(sym, SYM_HASH_SLOT, P_FIX(h));
	return sym;
}

static void table_insert(val tab, val sym)
{
	size_t cap = P_VEC_LEN(tab);
	size_t i = sym_hash(sym) & (cap - 1);
	while (P_VEC(tab)[i] != P_FALSE)
		i = (i + 1) & (cap - 1);
	P_SET_SLOT(tab, i, sym);
}

void sym_init(P *p)
{
	p->symtab = p_make_vector(p, 1024, P_FALSE);
	p->nsyms = 0;
}

val p_intern(P *p, const char *s, size_t n)
{
	uint64_t h = hash_bytes(s, n);
	size_t cap = P_VEC_LEN(p->symtab);
	for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		val e = P_VEC(p->symtab)[i];
		if (e == P_FALSE)
			break;
		size_t len;
		const char *t;
		if (sym_hash(e) == h && (t = sym_chars(e, &len), len == n) &&
		    memcmp(s, t, n) == 0)
			return e;
	}
	val sym = sym_make(p, s, n, h);
	if ((p->nsyms + 1) * 2 > cap) {
		val old = p->symtab;
		val nt = p_make_vector(p, cap * 2, P_FALSE);
		for (size_t i = 0; i < cap; i++)
			if (P_VEC(old)[i] != P_FALSE)
				table_insert(nt, P_VEC(old)[i]);
		p->symtab = nt;
	}
	table_insert(p->symtab, sym);
	p->nsyms++;
	return sym;
}

val sym_intern_cstr(P *p, const char *s)
{
	return p_intern(p, s, strlen(s));
}

val p_gensym(P *p, const char *prefix)
{
	static const char digits[] = "0123456789";
	char buf[96];
	size_t n = 0;
	while (prefix[n] && n < 64) {
		buf[n] = prefix[n];
		n++;
	}
	uint64_t k = ++p->gensym_count;
	char tmp[24];
	int t = 0;
	do {
		tmp[t++] = digits[k % 10];
		k /= 10;
	} while (k);
	buf[n++] = '.';
	while (t)
		buf[n++] = tmp[--t];
	return sym_make(p, buf, n, hash_bytes(buf, n));
}
