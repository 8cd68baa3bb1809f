/*
 * collect.c - the two collections (see gc.c for the design).
 *
 * Minor: the roots and the objects on dirty cards are scanned; each
 * nursery object they reach is copied into an old cell (promoted) and
 * queued on the gray list, whose scan promotes what it reaches in turn.
 * Large objects allocated since the last collection are kept if reached
 * and freed if not.  Afterwards nothing young is left, so every card is
 * clean.
 *
 * Major (right after a minor, so the nursery is empty): marks from the
 * roots with a gray list, then sweeps every old block into free cells and
 * frees the unmarked large objects.  The gray list lives in pool blocks.
 */
#include "gc_int.h"

struct gc_gray {
	struct gc_block *blk;
	struct gc_gray *prev;
	val *top, *end;
	val items[];
};

__attribute__((noinline))
static void gray_grow(P *p)
{
	struct gc_block *b = gc_get_in_gc(p, GK_FREE, 0);
	struct gc_gray *g = (struct gc_gray *)b->start;
	g->blk = b;
	g->prev = p->gray;
	g->top = g->items;
	g->end = (val *)b->end;
	p->gray = g;
}

static inline void gray_push(P *p, val v)
{
	if (__builtin_expect(!p->gray || p->gray->top == p->gray->end, 0))
		gray_grow(p);
	*p->gray->top++ = v;
}

/* The next gray object, or 0 when there is none. */
static inline val gray_pop(P *p)
{
	struct gc_gray *g = p->gray;
	while (g && g->top == g->items) {
		p->gray = g->prev;
		gc_block_put(p, g->blk);
		g = p->gray;
	}
	return g ? *--g->top : 0;
}

/* --- minor --- */

static val promote(P *p, uintptr_t *o)
{
	if (P_TYPE_OF_HDR(o[0]) == 0)
		return o[1];
	size_t words = gc_obj_words(o[0]);
	uintptr_t *n;
	if (words <= GC_MAX_SMALL) {
		n = gc_old_cell(p, words);
	} else {
		/* a large object that fitted in a nursery block */
		struct gc_block *b = gc_get_in_gc(p, GK_LARGE, words);
		b->next = p->large;
		p->large = b;
		p->old_bytes += b->size;
		n = (uintptr_t *)b->start;
	}
	memcpy(n, o, words * 8);
	o[0] = 0;
	o[1] = (val)n;
	p->minor.bytes += words * 8;
	if (P_TYPE_OF_HDR(n[0]) < T_FIRST_RAW)
		gray_push(p, (val)n);
	return (val)n;
}

static inline val fwd(P *p, val v)
{
	if (!P_IS_PTR(v) || !v)
		return v;
	struct gc_block *b = gc_block_of(v);
	if (b->kind == GK_NURSERY)
		return promote(p, (uintptr_t *)v);
	if (b->kind == GK_LARGE && b->young) {
		b->young = 0;
		if (P_TYPE_OF_HDR(P_HDR(v)) < T_FIRST_RAW)
			gray_push(p, v);
	}
	return v;
}

static void fwd_range(P *p, val *from, val *to)
{
	for (val *s = from; s < to; s++)
		*s = fwd(p, *s);
}

static void fwd_object(P *p, val o)
{
	uintptr_t h = P_HDR(o);
	fwd_range(p, P_SLOTS(o), P_SLOTS(o) + P_SIZE_OF_HDR(h));
}

static void fwd_roots(P *p)
{
	fwd_range(p, p->stack, p->sp);
	p->closure = fwd(p, p->closure);
	p->acc = fwd(p, p->acc);
	p->self = fwd(p, p->self);
	p->pending = fwd(p, p->pending);
	p->cur_file = fwd(p, p->cur_file);
	fwd_range(p, p->roots, p->roots + R_COUNT);
	p->symtab = fwd(p, p->symtab);
}

/* The objects of an old block overlapping its dirty cards. */
static void scan_cards_small(P *p, struct gc_block *b)
{
	size_t bytes = (size_t)b->words * 8;
	for (unsigned c = 0; c < GC_CARDS; c += 8) {
		uint64_t w;
		memcpy(&w, b->cards + c, 8);
		if (!w)
			continue;
		for (unsigned d = c; d < c + 8; d++) {
			if (!b->cards[d])
				continue;
			b->cards[d] = 0;
			char *lo = (char *)b + ((size_t)d << GC_CARD_SHIFT);
			char *hi = lo + ((size_t)1 << GC_CARD_SHIFT);
			if (hi <= b->start)
				continue;
			size_t k = lo > b->start ? (size_t)(lo - b->start) / bytes : 0;
			for (char *o = b->start + k * bytes; o < hi && o + bytes <= b->end; o += bytes) {
				uintptr_t h = *(uintptr_t *)o;
				if (P_TYPE_OF_HDR(h) != 0 && P_TYPE_OF_HDR(h) < T_FIRST_RAW)
					fwd_object(p, (val)o);
			}
		}
	}
}

/* The slots of an old large object on its dirty cards. */
static void scan_cards_large(P *p, struct gc_block *b)
{
	val o = (val)b->start;
	if (P_TYPE_OF_HDR(P_HDR(o)) >= T_FIRST_RAW)
		return;
	val *first = P_SLOTS(o), *last = (val *)b->end;
	size_t ncards = ((size_t)((char *)last - (char *)b) >> GC_CARD_SHIFT) + 1;
	for (size_t c = 0; c < ncards; c++) {
		if (!b->cards[c])
			continue;
		b->cards[c] = 0;
		val *lo = (val *)((char *)b + (c << GC_CARD_SHIFT));
		val *hi = (val *)((char *)lo + ((size_t)1 << GC_CARD_SHIFT));
		fwd_range(p, lo > first ? lo : first, hi < last ? hi : last);
	}
}

void gc_minor(P *p)
{
	fwd_roots(p);
	for (struct gc_block *b = p->old; b; b = b->next)
		scan_cards_small(p, b);
	for (struct gc_block *b = p->large; b; b = b->next)
		scan_cards_large(p, b);
	for (val o; (o = gray_pop(p));)
		fwd_object(p, o);

	for (struct gc_block *b = p->nursery, *n; b; b = n) {
		n = b->next;
		gc_block_put(p, b);
	}
	p->nursery = NULL;
	p->hp = p->hlim = NULL;
	for (struct gc_block *b = p->young_large, *n; b; b = n) {
		n = b->next;
		if (b->young) {
			gc_large_put(p, b);
		} else {
			b->next = p->large;
			p->large = b;
			p->old_bytes += b->size;
			p->minor.bytes += (size_t)(b->end - b->start);
		}
	}
	p->young_large = NULL;
	p->since_gc = 0;
}

/* --- major --- */

static inline void mark(P *p, val v)
{
	if (!P_IS_PTR(v) || !v)
		return;
	struct gc_block *b = gc_block_of(v);
	if (b->kind == GK_OLD) {
		size_t w = (size_t)(v - (val)b) >> 3;
		uint64_t bit = (uint64_t)1 << (w & 63);
		if (b->mark[w >> 6] & bit)
			return;
		b->mark[w >> 6] |= bit;
		p->major.bytes += gc_obj_words(P_HDR(v)) * 8;
	} else if (b->kind == GK_LARGE) {
		if (b->marked)
			return;
		b->marked = 1;
		p->major.bytes += (size_t)(b->end - b->start);
	} else {
		plat_abort("p: a young object is reachable in a full collection");
	}
	if (P_TYPE_OF_HDR(P_HDR(v)) < T_FIRST_RAW)
		gray_push(p, v);
}

static void mark_range(P *p, val *from, val *to)
{
	for (val *s = from; s < to; s++)
		mark(p, *s);
}

static void sweep_block(struct gc_block *b)
{
	size_t bytes = (size_t)b->words * 8;
	val head = 0;
	uint32_t nfree = 0;
	for (char *o = b->start; o + bytes <= b->end; o += bytes) {
		size_t w = (size_t)(o - (char *)b) >> 3;
		if (b->mark[w >> 6] & ((uint64_t)1 << (w & 63)))
			continue;
		((uintptr_t *)o)[0] = 0;
		((uintptr_t *)o)[1] = head;
		head = (val)o;
		nfree++;
	}
	/* cells are linked highest first: reverse so that promotion fills
	 * the block from its start */
	val rev = 0;
	while (head) {
		val next = ((uintptr_t *)head)[1];
		((uintptr_t *)head)[1] = rev;
		rev = head;
		head = next;
	}
	memset(b->mark, 0, GC_MARK_WORDS * sizeof(uint64_t));
	b->free = rev;
	b->nfree = nfree;
	b->in_avail = 0;
}

void gc_major(P *p)
{
	mark_range(p, p->stack, p->sp);
	mark(p, p->closure);
	mark(p, p->acc);
	mark(p, p->self);
	mark(p, p->pending);
	mark(p, p->cur_file);
	mark_range(p, p->roots, p->roots + R_COUNT);
	mark(p, p->symtab);
	for (val o; (o = gray_pop(p));)
		mark_range(p, P_SLOTS(o), P_SLOTS(o) + P_SIZE_OF_HDR(P_HDR(o)));

	for (unsigned c = 0; c < GC_NCLASSES; c++)
		p->avail[c] = NULL;
	struct gc_block *keep = NULL;
	p->old_bytes = 0;
	for (struct gc_block *b = p->old, *n; b; b = n) {
		n = b->next;
		sweep_block(b);
		size_t cells = (size_t)(b->end - b->start) / ((size_t)b->words * 8);
		if (b->nfree == cells) {
			gc_block_put(p, b);
			continue;
		}
		b->next = keep;
		keep = b;
		p->old_bytes += GC_BLOCK;
		if (b->nfree) {
			b->in_avail = 1;
			b->avail_next = p->avail[b->cls];
			p->avail[b->cls] = b;
		}
	}
	p->old = keep;
	struct gc_block *large = NULL;
	for (struct gc_block *b = p->large, *n; b; b = n) {
		n = b->next;
		if (!b->marked) {
			gc_large_put(p, b);
			continue;
		}
		b->marked = 0;
		b->next = large;
		large = b;
		p->old_bytes += b->size;
	}
	p->large = large;
}
