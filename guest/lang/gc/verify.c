/*
 * verify.c - the heap verifier (P_GC_VERIFY=1, and always in stress mode).
 *
 * Around each collection it walks every root and every object and checks
 * that each pointer leads to the start of an object in a block the heap
 * owns, of the right kind for the moment (nothing young after a
 * collection), with a sane header; that free lists hold only free cells;
 * and, before a minor collection, that every old object's slot holding a
 * young object lies on a dirty card.  A store that missed the write
 * barrier shows up there, at the first collection after it, instead of as
 * memory corruption later.  It stops the program naming the problem.
 */
#include "gc_int.h"
#include "pfmt.h"

struct vctx {
	P *p;
	int before;		/* before a minor collection: young allowed */
	uintptr_t *blocks;	/* every block and region, sorted */
	size_t n;
};

_Noreturn static void fail(const char *what, val obj, size_t slot, val v)
{
	char buf[200];
	pc_snprintf(buf, sizeof buf, "p: heap verifier: %s (object %p slot %zu value %p)",
		    what, (void *)obj, slot, (void *)v);
	plat_abort(buf);
}

static int known(const struct vctx *c, uintptr_t b)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->blocks[mid] == b)
			return 1;
		if (c->blocks[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Any type value.h may define: scanned ones below T_FIRST_RAW, raw ones
 * up to the type byte's top bit. */
static int header_ok(uintptr_t h)
{
	unsigned t = P_TYPE_OF_HDR(h);
	return t >= T_PAIR && t < 2 * T_FIRST_RAW;
}

static int young(const struct gc_block *b)
{
	return b->kind == GK_NURSERY || (b->kind == GK_LARGE && b->young);
}

/* Checks that v, found in slot `slot` of obj, is a valid value. */
static void check_value(const struct vctx *c, val obj, size_t slot, val v)
{
	if (!P_IS_PTR(v))
		return;
	if (!v)
		fail("null pointer", obj, slot, v);
	struct gc_block *b = gc_block_of(v);
	if (!known(c, (uintptr_t)b))
		fail("pointer outside the heap", obj, slot, v);
	if ((char *)v < b->start || (char *)v >= b->end)
		fail("pointer outside its block's objects", obj, slot, v);
	if (b->kind == GK_OLD && (size_t)((char *)v - b->start) % ((size_t)b->words * 8))
		fail("pointer into the middle of an old cell", obj, slot, v);
	if (b->kind == GK_LARGE && (char *)v != b->start)
		fail("pointer into the middle of a large object", obj, slot, v);
	if (young(b) && !c->before)
		fail("young object left after a collection", obj, slot, v);
	if (!header_ok(P_HDR(v)))
		fail("pointer to a free cell or a bad header", obj, slot, v);
}

static void check_range(const struct vctx *c, val obj, const val *from, const val *to)
{
	for (const val *s = from; s < to; s++)
		check_value(c, obj, (size_t)(s - from), *s);
}

/* An object's slots; for an old one before a minor collection, also that
 * each young value sits on a dirty card of the object's block. */
static void check_object(const struct vctx *c, struct gc_block *b, val o)
{
	uintptr_t h = P_HDR(o);
	if (!header_ok(h))
		fail("bad header", o, 0, h);
	if (P_TYPE_OF_HDR(h) >= T_FIRST_RAW)
		return;
	const val *s = P_SLOTS(o);
	size_t n = P_SIZE_OF_HDR(h);
	for (size_t i = 0; i < n; i++) {
		check_value(c, o, i, s[i]);
		if (c->before && !young(b) && P_IS_PTR(s[i]) && young(gc_block_of(s[i])) &&
		    !b->cards[((uintptr_t)(s + i) - (uintptr_t)b) >> GC_CARD_SHIFT])
			fail("old-to-young pointer on a clean card: a store missed the write barrier",
			     o, i, s[i]);
	}
}

static void check_old_block(const struct vctx *c, struct gc_block *b)
{
	size_t bytes = (size_t)b->words * 8;
	if (!b->words || b->words != gc_class_words[b->cls])
		fail("old block with a bad size class", (val)b, b->cls, b->words);
	uint32_t free_cells = 0;
	for (char *o = b->start; o + bytes <= b->end; o += bytes) {
		uintptr_t h = *(uintptr_t *)o;
		if (!h) {
			free_cells++;
			continue;
		}
		if (gc_obj_words(h) > b->words)
			fail("object larger than its cell", (val)o, 0, h);
		check_object(c, b, (val)o);
	}
	if (!c->before)
		for (unsigned k = 0; k < GC_CARDS; k++)
			if (b->cards[k])
				fail("dirty card after a collection", (val)b, k, 0);
	uint32_t listed = 0;
	for (val f = b->free; f; f = ((uintptr_t *)f)[1], listed++)
		if (gc_block_of(f) != b || *(uintptr_t *)f || listed > free_cells)
			fail("bad free list", (val)b, listed, f);
	if (listed != b->nfree || listed != free_cells)
		fail("free cell count does not match", (val)b, listed, free_cells);
}

static void check_nursery_block(const struct vctx *c, struct gc_block *b)
{
	char *top = b == c->p->nursery ? c->p->hp : (char *)b->free;
	for (char *o = b->start; o < top; o += gc_obj_words(*(uintptr_t *)o) * 8)
		check_object(c, b, (val)o);
}

static size_t count(struct gc_block *l)
{
	size_t n = 0;
	for (; l; l = l->next)
		n++;
	return n;
}

static size_t add(uintptr_t *a, size_t n, struct gc_block *l, enum gc_kind kind)
{
	for (; l; l = l->next) {
		if (l->kind != kind)
			fail("block on the wrong list", (val)l, l->kind, kind);
		a[n++] = (uintptr_t)l;
	}
	return n;
}

static int cmp_sort(uintptr_t *a, size_t n)
{
	/* insertion sort is too slow for big heaps: a plain heap sort */
	for (size_t i = n / 2; i-- > 0;)
		for (size_t r = i, ch; (ch = 2 * r + 1) < n; r = ch) {
			if (ch + 1 < n && a[ch + 1] > a[ch])
				ch++;
			if (a[r] >= a[ch])
				break;
			uintptr_t t = a[r]; a[r] = a[ch]; a[ch] = t;
		}
	for (size_t end = n; end-- > 1;) {
		uintptr_t t = a[0]; a[0] = a[end]; a[end] = t;
		for (size_t r = 0, ch; (ch = 2 * r + 1) < end; r = ch) {
			if (ch + 1 < end && a[ch + 1] > a[ch])
				ch++;
			if (a[r] >= a[ch])
				break;
			t = a[r]; a[r] = a[ch]; a[ch] = t;
		}
	}
	for (size_t i = 1; i < n; i++)
		if (a[i] == a[i - 1])
			return 0;
	return 1;
}

void gc_verify(P *p, int before_minor)
{
	struct vctx c = { p, before_minor, NULL, 0 };
	size_t total = count(p->old) + count(p->nursery) + count(p->large) + count(p->young_large);
	size_t bytes = gc_round_page((total + 1) * sizeof(uintptr_t));
	c.blocks = plat_pages_alloc(bytes);
	if (!c.blocks)
		plat_abort("p: heap verifier: no memory");
	c.n = add(c.blocks, 0, p->old, GK_OLD);
	c.n = add(c.blocks, c.n, p->nursery, GK_NURSERY);
	c.n = add(c.blocks, c.n, p->large, GK_LARGE);
	c.n = add(c.blocks, c.n, p->young_large, GK_LARGE);
	if (!cmp_sort(c.blocks, c.n))
		fail("a block is on two lists", 0, 0, 0);

	check_range(&c, 0, p->stack, p->sp);
	check_value(&c, 0, 0, p->closure);
	check_value(&c, 0, 1, p->acc);
	check_value(&c, 0, 2, p->self);
	check_value(&c, 0, 3, p->pending);
	check_value(&c, 0, 4, p->cur_file);
	check_range(&c, 0, p->roots, p->roots + R_COUNT);
	check_value(&c, 0, 5, p->symtab);
	for (struct gc_block *b = p->old; b; b = b->next)
		check_old_block(&c, b);
	for (struct gc_block *b = p->nursery; b; b = b->next)
		check_nursery_block(&c, b);
	for (struct gc_block *b = p->large; b; b = b->next)
		check_object(&c, b, (val)b->start);
	for (struct gc_block *b = p->young_large; b; b = b->next) {
		if (!b->young)
			fail("old large object on the young list", (val)b->start, 0, 0);
		check_object(&c, b, (val)b->start);
	}
	for (unsigned k = 0; k < GC_NCLASSES; k++)
		for (struct gc_block *b = p->avail[k]; b; b = b->avail_next)
			if (b->kind != GK_OLD || b->cls != k || !b->nfree || !b->in_avail)
				fail("bad block on a size class's list", (val)b, k, b->nfree);
	plat_pages_free(c.blocks, bytes);
}
