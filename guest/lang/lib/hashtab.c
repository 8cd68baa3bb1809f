/*
 * hashtab.c - the native hash table under (srfi 69) and (srfi 125), for
 * keys compared by eq?, eqv?, equal?, string=? or string-ci=?.
 *
 * A table is a T_HASHTABLE object [kind epoch count moving entries], a type
 * only this file makes, so a program cannot forge one; entries is a
 * vector of 2*cap slots (key, value), open addressing with linear probing
 * and backward-shift deletion, so there are no tombstones.  Empty slots
 * hold P_UNBOUND, which no program can produce.
 *
 * eq? and eqv? tables hash most heap objects by address, and the collector
 * moves objects.  Such a table remembers the collection count (epoch) its
 * hashes were computed in, and whether any key was hashed by address
 * (moving); the first operation after a collection rehashes it.  Collections
 * happen only at VM safe points, never inside a primitive, so each
 * operation sees one consistent set of addresses.  equal?, string and
 * number hashes depend on contents only and never need a rehash.
 */
#include "core.h"
#include "hashtab.h"
#include "num.h"
#include "string_obj.h"
#include "unicode.h"

enum { HT_KIND, HT_EPOCH, HT_COUNT, HT_MOVING, HT_ENTRIES, HT_NSLOTS };
enum { KIND_EQ, KIND_EQV, KIND_EQUAL, KIND_STRING, KIND_STRING_CI, KIND_COUNT };

#define EMPTY P_UNBOUND
#define MIN_CAP 8
/* Structure an equal? hash looks at before it stops: bounds the cost on
 * big keys and ends the walk on cyclic ones. */
#define EQUAL_HASH_BUDGET 64

/* splitmix64's finaliser: spreads aligned addresses and small integers
 * over the low bits the table masks. */
static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return x;
}

static uint64_t string_hash(val s, int ci)
{
	uint64_t h = 0x9e3779b97f4a7c15ull;
	size_t n = STR_LEN(s);
	for (size_t i = 0; i < n; i++) {
		uint32_t c = p_string_ref(s, i), out[3];
		int k = ci ? uni_full_case('F', c, out) : (out[0] = c, 1);
		for (int j = 0; j < k; j++)
			h = (h ^ out[j]) * 0x100000001b3ull;
	}
	return h;
}

/* Hash of objects whose identity is their value (fixnums, characters,
 * constants, symbols, numbers under eqv?); *stable is cleared for an
 * object that can only be hashed by its address. */
static uint64_t identity_hash(val x, int eqv, int *stable)
{
	if (P_IS_SYMBOL(x))
		return sym_hash(x);
	if (!P_IS_PTR(x))
		return x;
	if (eqv && p_is_number(x))
		return num_hash(x);
	*stable = 0;
	return x;
}

static uint64_t equal_hash(val x, int *budget)
{
	if (--*budget < 0)
		return 0;
	if (P_IS_STRING(x))
		return string_hash(x, 0);
	if (P_IS_PAIR(x))
		return mix(equal_hash(P_CAR(x), budget) * 31 + equal_hash(P_CDR(x), budget) + 1);
	if (P_IS_VECTOR(x)) {
		uint64_t h = P_VEC_LEN(x) + 2;
		for (size_t i = 0; i < P_VEC_LEN(x) && *budget > 0; i++)
			h = mix(h * 31 + equal_hash(P_VEC(x)[i], budget));
		return h;
	}
	if (P_IS_BYTEVECTOR(x)) {
		uint64_t h = 0xcbf29ce484222325ull;
		for (size_t i = 0; i < P_BV_LEN(x); i++)
			h = (h ^ P_BV_DATA(x)[i]) * 0x100000001b3ull;
		return h;
	}
	int stable = 1;
	uint64_t h = identity_hash(x, 1, &stable);
	/* equal? compares other objects by identity; their type is a hash
	 * that survives the collector moving them. */
	return stable ? h : P_TYPE_OF_HDR(P_HDR(x));
}

static uint64_t key_hash(int kind, val key, int *stable)
{
	int budget = EQUAL_HASH_BUDGET;
	switch (kind) {
	case KIND_EQ:
		return mix(identity_hash(key, 0, stable));
	case KIND_EQV:
		return mix(identity_hash(key, 1, stable));
	case KIND_EQUAL:
		return mix(equal_hash(key, &budget));
	default:
		return mix(string_hash(key, kind == KIND_STRING_CI));
	}
}

static int same_key(P *p, int kind, val a, val b)
{
	switch (kind) {
	case KIND_EQ:
		return a == b;
	case KIND_EQV:
		return p_eqv(a, b);
	case KIND_EQUAL:
		return p_equal_p(p, a, b);
	default:
		return string_compare(a, b, kind == KIND_STRING_CI) == 0;
	}
}

static val table_arg(P *p, const char *who, val t)
{
	if (!P_HAS_TYPE(t, T_HASHTABLE))
		p_type_error(p, who, 1, "hash table", t);
	return t;
}

#define KIND(t) ((int)P_FIXVAL(P_SLOTS(t)[HT_KIND]))
#define COUNT(t) ((size_t)P_FIXVAL(P_SLOTS(t)[HT_COUNT]))
#define ENTRIES(t) (P_SLOTS(t)[HT_ENTRIES])
#define CAP(t) (P_VEC_LEN(ENTRIES(t)) / 2)

static void key_check(P *p, const char *who, val t, val key)
{
	if (KIND(t) >= KIND_STRING && !P_IS_STRING(key))
		p_type_error(p, who, 2, "string", key);
}

/* Places key/value in an entries vector known not to hold key. */
static void place(val e, size_t cap, uint64_t h, val key, val v)
{
	size_t i = h & (cap - 1);
	while (P_VEC(e)[2 * i] != EMPTY)
		i = (i + 1) & (cap - 1);
	P_SET_SLOT(e, 2 * i, key);
	P_SET_SLOT(e, 2 * i + 1, v);
}

static void rebuild(P *p, val t, size_t cap)
{
	val old = ENTRIES(t);
	val e = p_make_vector(p, 2 * cap, EMPTY);
	int kind = KIND(t), stable = 1;
	for (size_t i = 0; i < P_VEC_LEN(old); i += 2)
		if (P_VEC(old)[i] != EMPTY) {
			uint64_t h = key_hash(kind, P_VEC(old)[i], &stable);
			place(e, cap, h, P_VEC(old)[i], P_VEC(old)[i + 1]);
		}
	P_SET_SLOT(t, HT_ENTRIES, e);
	P_SET_SLOT(t, HT_MOVING, P_BOOL(!stable));
	P_SET_SLOT(t, HT_EPOCH, P_FIX(p->gc_count & P_FIX_MAX));
}

/* Rehashes a table whose address hashes a collection has made stale. */
static void refresh(P *p, val t)
{
	if (P_SLOTS(t)[HT_MOVING] == P_TRUE &&
	    P_SLOTS(t)[HT_EPOCH] != P_FIX(p->gc_count & P_FIX_MAX))
		rebuild(p, t, CAP(t));
}

/* The slot index of key, or -1; *hash gets its hash. */
static long find(P *p, val t, val key, uint64_t *hash, int *stable)
{
	int kind = KIND(t);
	val e = ENTRIES(t);
	size_t cap = CAP(t);
	uint64_t h = key_hash(kind, key, stable);
	*hash = h;
	for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		val k = P_VEC(e)[2 * i];
		if (k == EMPTY)
			return -1;
		if (k == key || (kind != KIND_EQ && same_key(p, kind, k, key)))
			return (long)i;
	}
}

static val prim_table_make(P *p, int argc, val *argv)
{
	(void)argc;
	if (!P_IS_FIX(argv[0]) || P_FIXVAL(argv[0]) < 0 ||
	    P_FIXVAL(argv[0]) >= KIND_COUNT)
		p_type_error(p, "make-native-table", 1, "hash table kind", argv[0]);
	if (!P_IS_FIX(argv[1]) || P_FIXVAL(argv[1]) < 0)
		p_type_error(p, "make-native-table", 2, "capacity", argv[1]);
	size_t want = (size_t)P_FIXVAL(argv[1]), cap = MIN_CAP;
	while (cap * 3 / 4 < want && cap < ((size_t)1 << 40))
		cap *= 2;
	val t = p_alloc(p, T_HASHTABLE, HT_NSLOTS * sizeof(val));
	P_SET_SLOT(t, HT_KIND, argv[0]);
	P_SET_SLOT(t, HT_MOVING, P_FALSE);
	P_SET_SLOT(t, HT_ENTRIES, p_make_vector(p, 2 * cap, EMPTY));
	return t;
}

/* (native-table-ref t key default): the value, or default. */
static val prim_table_ref(P *p, int argc, val *argv)
{
	(void)argc;
	val t = table_arg(p, "hash-table-ref", argv[0]);
	key_check(p, "hash-table-ref", t, argv[1]);
	refresh(p, t);
	uint64_t h;
	int stable = 1;
	long i = find(p, t, argv[1], &h, &stable);
	return i < 0 ? argv[2] : P_VEC(ENTRIES(t))[2 * i + 1];
}

static val prim_table_set(P *p, int argc, val *argv)
{
	(void)argc;
	val t = table_arg(p, "hash-table-set!", argv[0]);
	key_check(p, "hash-table-set!", t, argv[1]);
	refresh(p, t);
	uint64_t h;
	int stable = 1;
	long i = find(p, t, argv[1], &h, &stable);
	if (i >= 0) {
		P_SET_SLOT(ENTRIES(t), 2 * i + 1, argv[2]);
		return P_VOID;
	}
	size_t n = COUNT(t) + 1;
	if (n > CAP(t) * 3 / 4)
		rebuild(p, t, CAP(t) * 2);
	place(ENTRIES(t), CAP(t), h, argv[1], argv[2]);
	P_SET_SLOT(t, HT_COUNT, P_FIX(n));
	if (!stable)
		P_SET_SLOT(t, HT_MOVING, P_TRUE);
	return P_VOID;
}

/* (native-table-delete! t key): #t if key was there. */
static val prim_table_delete(P *p, int argc, val *argv)
{
	(void)argc;
	val t = table_arg(p, "hash-table-delete!", argv[0]);
	key_check(p, "hash-table-delete!", t, argv[1]);
	refresh(p, t);
	uint64_t h;
	int stable = 1, kind = KIND(t);
	long found = find(p, t, argv[1], &h, &stable);
	if (found < 0)
		return P_FALSE;
	val e = ENTRIES(t);
	size_t cap = CAP(t), hole = (size_t)found;
	/* Backward shift: move up each later entry of the run whose home
	 * slot does not lie cyclically between the hole and itself. */
	for (size_t j = (hole + 1) & (cap - 1); P_VEC(e)[2 * j] != EMPTY;
	     j = (j + 1) & (cap - 1)) {
		size_t home = key_hash(kind, P_VEC(e)[2 * j], &stable) & (cap - 1);
		int stays = hole <= j ? (hole < home && home <= j)
				      : (hole < home || home <= j);
		if (stays)
			continue;
		P_SET_SLOT(e, 2 * hole, P_VEC(e)[2 * j]);
		P_SET_SLOT(e, 2 * hole + 1, P_VEC(e)[2 * j + 1]);
		hole = j;
	}
	P_SET_SLOT(e, 2 * hole, EMPTY);
	P_SET_SLOT(e, 2 * hole + 1, EMPTY);
	P_SET_SLOT(t, HT_COUNT, P_FIX(COUNT(t) - 1));
	return P_TRUE;
}

static val prim_table_size(P *p, int argc, val *argv)
{
	(void)argc;
	return P_FIX(COUNT(table_arg(p, "hash-table-size", argv[0])));
}

static val prim_table_clear(P *p, int argc, val *argv)
{
	(void)argc;
	val t = table_arg(p, "hash-table-clear!", argv[0]);
	P_SET_SLOT(t, HT_ENTRIES, p_make_vector(p, 2 * MIN_CAP, EMPTY));
	P_SET_SLOT(t, HT_COUNT, P_FIX(0));
	P_SET_SLOT(t, HT_MOVING, P_FALSE);
	return P_VOID;
}

static val prim_table_copy(P *p, int argc, val *argv)
{
	(void)argc;
	val t = table_arg(p, "hash-table-copy", argv[0]);
	val c = p_alloc(p, T_HASHTABLE, HT_NSLOTS * sizeof(val));
	for (int i = 0; i < HT_NSLOTS; i++)
		P_SET_SLOT(c, i, P_SLOTS(t)[i]);
	val e = p_make_vector(p, P_VEC_LEN(ENTRIES(t)), EMPTY);
	for (size_t i = 0; i < P_VEC_LEN(e); i++)
		P_SET_SLOT(e, i, P_VEC(ENTRIES(t))[i]);
	P_SET_SLOT(c, HT_ENTRIES, e);
	return c;
}

/* (native-table->alist t): a fresh list of (key . value) pairs. */
static val prim_to_alist(P *p, int argc, val *argv)
{
	(void)argc;
	val t = table_arg(p, "hash-table->alist", argv[0]);
	val out = P_NIL;
	for (size_t i = 0; i < P_VEC_LEN(ENTRIES(t)); i += 2) {
		val e = ENTRIES(t);
		if (P_VEC(e)[i] != EMPTY) {
			val pair = p_cons(p, P_VEC(e)[i], P_VEC(e)[i + 1]);
			out = p_cons(p, pair, out);
		}
	}
	return out;
}

/* Hashes as non-negative fixnums, for user-visible hash functions. */
static val hash_value(uint64_t h)
{
	return P_FIX((intptr_t)(mix(h) & (((uint64_t)1 << 60) - 1)));
}

static val prim_equal_hash(P *p, int argc, val *argv)
{
	(void)p; (void)argc;
	int budget = EQUAL_HASH_BUDGET;
	return hash_value(equal_hash(argv[0], &budget));
}

static val prim_string_hash(P *p, int argc, val *argv)
{
	(void)argc;
	if (!P_IS_STRING(argv[0]))
		p_type_error(p, "string-hash", 1, "string", argv[0]);
	return hash_value(string_hash(argv[0], 0));
}

static val prim_string_ci_hash(P *p, int argc, val *argv)
{
	(void)argc;
	if (!P_IS_STRING(argv[0]))
		p_type_error(p, "string-ci-hash", 1, "string", argv[0]);
	return hash_value(string_hash(argv[0], 1));
}

const struct p_prim hashtab_prims[] = {
	{ "pxen hashtab", "make-native-table", prim_table_make, 2, 2, 0 },
	{ "pxen hashtab", "native-table-ref", prim_table_ref, 3, 3, 0 },
	{ "pxen hashtab", "native-table-set!", prim_table_set, 3, 3, 0 },
	{ "pxen hashtab", "native-table-delete!", prim_table_delete, 2, 2, 0 },
	{ "pxen hashtab", "native-table-size", prim_table_size, 1, 1, 0 },
	{ "pxen hashtab", "native-table-clear!", prim_table_clear, 1, 1, 0 },
	{ "pxen hashtab", "native-table-copy", prim_table_copy, 1, 1, 0 },
	{ "pxen hashtab", "native-table->alist", prim_to_alist, 1, 1, 0 },
	{ "pxen hashtab", "native-equal-hash", prim_equal_hash, 1, 1, 0 },
	{ "pxen hashtab", "native-string-hash", prim_string_hash, 1, 1, 0 },
	{ "pxen hashtab", "native-string-ci-hash", prim_string_ci_hash, 1, 1, 0 },
	{ NULL, NULL, NULL, 0, 0, 0 },
};
