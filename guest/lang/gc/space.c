/*
 * space.c - where the heap's memory comes from: aligned small blocks carved
 * from platform regions, large-object regions, the old generation's size
 * classes and the cache of free memory kept for reuse.
 *
 * Free small blocks stay in a pool and free large regions in a cache rather
 * than going back at once: fresh pages cost a fault and a clear hosted, a
 * populate hypercall and a clear on Xen.  A surplus that lasts for several
 * full collections goes back in one batch (gc_cache_trim), as does all of
 * it when the platform refuses memory or the heap is exhausted.
 */
#include "gc_int.h"

/* Blocks come from the platform this many at a time (fewer in a small
 * heap), so that the alignment costs at most one block per region. */
#define GC_REGION_BLOCKS 32
#define GC_TRIM_AFTER 4

/* Cell sizes in words: every size up to 8, then four per doubling, so a
 * cell wastes at most a fifth of itself. */
const uint16_t gc_class_words[GC_NCLASSES] = {
	2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64,
	80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768,
	896, 1024
};

unsigned gc_class_of(size_t w)
{
	if (w <= 8)
		return (unsigned)(w < 2 ? 0 : w - 2);
	unsigned k = 63u - (unsigned)__builtin_clzll((unsigned long long)(w - 1));
	size_t step = (size_t)1 << (k - 2);
	unsigned j = (unsigned)((w - ((size_t)1 << k) + step - 1) / step);
	return 7 + (k - 3) * 4 + j - 1;
}

void gc_note_peak(P *p)
{
	size_t now = p->in_use + p->stack_bytes;
	if (now > p->peak)
		p->peak = now;
}

static void cache_free_all(P *p)
{
	for (struct gc_block *k = p->cache, *n; k; k = n) {
		n = k->next;
		plat_pages_free(k, k->size);
	}
	p->cache = NULL;
	p->cached = 0;
}

/* Frees the pooled blocks in address order, each run of neighbours with
 * one call (the bare guest's allocator keeps ranges, not pages). */
static void pool_free(P *p, size_t keep)
{
	struct gc_block *sorted = NULL;
	for (struct gc_block *b = p->pool, *n; b; b = n) {
		n = b->next;
		struct gc_block **at = &sorted;
		while (*at && *at < b)
			at = &(*at)->next;
		b->next = *at;
		*at = b;
	}
	p->pool = NULL;
	p->pooled = 0;
	while (sorted && p->pooled < keep) {
		struct gc_block *b = sorted;
		sorted = b->next;
		b->next = p->pool;
		p->pool = b;
		p->pooled += GC_BLOCK;
	}
	while (sorted) {
		char *lo = (char *)sorted, *hi = lo + GC_BLOCK;
		sorted = sorted->next;
		while (sorted && (char *)sorted == hi) {
			hi += GC_BLOCK;
			sorted = sorted->next;
		}
		plat_pages_free(lo, (size_t)(hi - lo));
	}
}

void gc_cache_release(P *p)
{
	cache_free_all(p);
	pool_free(p, 0);
}

void *gc_pages(P *p, size_t size)
{
	void *m = plat_pages_alloc(size);
	if (!m && (p->cache || p->pool)) {
		gc_cache_release(p);
		m = plat_pages_alloc(size);
	}
	return m;
}

/* `n` bytes aligned to GC_BLOCK: the slack around them goes back. */
static char *aligned_pages(P *p, size_t n)
{
	size_t span = n + GC_BLOCK - GC_PAGE;
	char *m = gc_pages(p, span);
	if (!m)
		return NULL;
	char *a = (char *)(((uintptr_t)m + GC_BLOCK - 1) & ~(uintptr_t)(GC_BLOCK - 1));
	if (a > m)
		plat_pages_free(m, (size_t)(a - m));
	if (m + span > a + n)
		plat_pages_free(a + n, (size_t)(m + span - (a + n)));
	return a;
}

static int pool_fill(P *p)
{
	size_t nb = GC_REGION_BLOCKS;
	while (nb > 1 && nb * GC_BLOCK * 16 > p->heap_limit)
		nb /= 2;
	char *a = aligned_pages(p, nb * GC_BLOCK);
	if (!a && nb > 1)
		a = aligned_pages(p, (nb = 1) * GC_BLOCK);
	if (!a)
		return 0;
	for (size_t i = 0; i < nb; i++) {
		struct gc_block *b = (struct gc_block *)(a + i * GC_BLOCK);
		b->next = p->pool;
		p->pool = b;
	}
	p->pooled += nb * GC_BLOCK;
	return 1;
}

struct gc_block *gc_block_get(P *p, enum gc_kind kind)
{
	if (!p->pool && !pool_fill(p))
		return NULL;
	struct gc_small *s = (struct gc_small *)p->pool;
	p->pool = s->b.next;
	p->pooled -= GC_BLOCK;
	memset(s, 0, sizeof *s);
	s->b.cards = s->card;
	s->b.mark = s->mark;
	s->b.kind = (uint8_t)kind;
	s->b.size = GC_BLOCK;
	s->b.start = (char *)s + GC_SMALL_START;
	s->b.end = (char *)s + GC_BLOCK;
	p->in_use += GC_BLOCK;
	gc_note_peak(p);
	return &s->b;
}

void gc_block_put(P *p, struct gc_block *b)
{
	b->kind = GK_FREE;
	b->next = p->pool;
	p->pool = b;
	p->pooled += GC_BLOCK;
	p->in_use -= GC_BLOCK;
}

struct gc_block *gc_get_in_gc(P *p, enum gc_kind kind, size_t words)
{
	for (int tries = 0;; tries++) {
		struct gc_block *b = kind == GK_LARGE ? gc_large_get(p, words) : gc_block_get(p, kind);
		if (b)
			return b;
		if (tries)
			plat_abort("p: out of memory during a collection");
		gc_reserve_release(p);
	}
}

/* A fresh old block for class c, all its cells on its free list. */
static struct gc_block *old_block_new(P *p, unsigned c)
{
	struct gc_block *b = gc_get_in_gc(p, GK_OLD, 0);
	size_t words = gc_class_words[c], bytes = words * 8;
	b->words = (uint32_t)words;
	b->cls = (uint8_t)c;
	val head = 0;
	uint32_t n = 0;
	for (char *o = b->start + ((size_t)(b->end - b->start) / bytes - 1) * bytes;
	     o >= b->start; o -= bytes) {
		((uintptr_t *)o)[0] = 0;
		((uintptr_t *)o)[1] = head;
		head = (val)o;
		n++;
	}
	b->free = head;
	b->nfree = n;
	b->next = p->old;
	p->old = b;
	p->old_bytes += GC_BLOCK;
	b->in_avail = 1;
	b->avail_next = p->avail[c];
	p->avail[c] = b;
	return b;
}

uintptr_t *gc_old_cell(P *p, size_t words)
{
	unsigned c = gc_class_of(words);
	struct gc_block *b = p->avail[c];
	if (!b)
		b = old_block_new(p, c);
	uintptr_t *o = (uintptr_t *)b->free;
	b->free = o[1];
	if (--b->nfree == 0) {
		p->avail[c] = b->avail_next;
		b->in_avail = 0;
	}
	return o;
}

static size_t large_span(size_t words, size_t *cards_at)
{
	size_t obj = ((sizeof(struct gc_block) + 15) & ~(size_t)15) + words * 8;
	*cards_at = obj;
	return gc_round_page(obj + (obj >> GC_CARD_SHIFT) + 1);
}

/* The smallest cached region of at least `size` bytes and at most a
 * quarter more, unlinked, or NULL. */
static struct gc_block *cache_take(P *p, size_t size)
{
	struct gc_block **best = NULL;
	for (struct gc_block **k = &p->cache; *k; k = &(*k)->next)
		if ((*k)->size >= size && (*k)->size <= size + size / 4 &&
		    (!best || (*k)->size < (*best)->size))
			best = k;
	if (!best)
		return NULL;
	struct gc_block *c = *best;
	*best = c->next;
	p->cached -= c->size;
	return c;
}

struct gc_block *gc_large_get(P *p, size_t words)
{
	size_t cards_at, size = large_span(words, &cards_at);
	struct gc_block *b = cache_take(p, size);
	if (b)
		size = b->size;
	else
		b = (struct gc_block *)aligned_pages(p, size);
	if (!b)
		return NULL;
	memset(b, 0, sizeof *b);
	b->kind = GK_LARGE;
	b->size = size;
	b->start = (char *)b + ((sizeof(struct gc_block) + 15) & ~(size_t)15);
	b->end = b->start + words * 8;
	b->cards = (uint8_t *)b + cards_at;
	memset(b->cards, 0, (cards_at >> GC_CARD_SHIFT) + 1);
	p->in_use += size;
	gc_note_peak(p);
	return b;
}

void gc_large_put(P *p, struct gc_block *b)
{
	p->in_use -= b->size;
	b->kind = GK_FREE;
	b->next = p->cache;
	p->cache = b;
	p->cached += b->size;
}

void gc_cache_trim(P *p)
{
	/* the nursery's worth of blocks and as much again as the old
	 * generation may grow before the next full collection */
	size_t grow = p->major_threshold > p->old_bytes ? p->major_threshold - p->old_bytes : 0;
	size_t want = p->nursery_bytes + grow / 4;
	if (p->pooled + p->cached <= want + 2 * GC_BLOCK * GC_REGION_BLOCKS) {
		p->cache_surplus_runs = 0;
		return;
	}
	if (++p->cache_surplus_runs < GC_TRIM_AFTER)
		return;
	p->cache_surplus_runs = 0;
	cache_free_all(p);
	pool_free(p, want);
}
