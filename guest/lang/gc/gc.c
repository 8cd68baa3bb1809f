/*
 * gc.c - the heap: allocation, the heap limit, the Scheme stack's memory,
 * heap exhaustion, and when to collect.  A precise generational collector
 * that runs only at VM safe points.
 *
 * Young objects are bump-allocated in nursery blocks.  A minor collection
 * (collect.c) copies the nursery's survivors into the old generation and
 * frees the nursery whole; it finds old-to-young pointers through the card
 * tables the write barrier marks (value.h), so it costs what survives plus
 * the roots and the dirty cards, never the whole heap.
 *
 * The old generation is non-moving mark-sweep over blocks of same-size
 * cells (35 size classes), with large objects (over 8 KiB) in regions of
 * their own that are never copied.  Why not Immix-style mark-region or
 * mark-compact: the point of issue 9 is that the old generation needs no
 * reserve as large as itself, which all three give; mark-sweep is the one
 * that needs neither forwarding during a full collection nor line-level
 * hole finding, so it is the one that can be made correct and verified in
 * the time we had.  The price is fragmentation: a class's half-empty block
 * cannot be compacted (a cell wastes at most a fifth, and empty blocks go
 * back to the pool).  Opportunistic evacuation of sparse blocks can be added
 * on top later: the major collection already knows every block's live count.
 *
 * A full collection is a minor one and then a mark-sweep of the old
 * generation; it runs when the old generation has grown by as much as was
 * live after the last one (at least GC_MIN_MAJOR), when the heap would not
 * fit its limit otherwise, and on request.  The heap limit covers the
 * blocks and regions in use and the Scheme stack (kept outside the heap
 * and never copied); free memory is kept in a pool (space.c).
 *
 * A forwarded nursery object has header type 0 and its new address in
 * slot 0, and a free old cell has header 0 and the next free cell in slot
 * 0: every object therefore has at least one payload word.
 */
#include "gc_int.h"

#define GC_RESERVE (1u << 20)
/* Memory held back from the platform and released when the heap runs
 * out, so that raising and handling the condition can allocate; at most
 * this much, less for a small heap (a tiny guest could not start). */
#define GC_HELD (2 * GC_RESERVE)
#define GC_NURSERY_MAX (4u << 20)
#define GC_NURSERY_MIN (4 * GC_BLOCK)
#define GC_MIN_MAJOR (8u << 20)
#define GC_STACK_MIN (64u * 1024 * sizeof(val))
/* Stress mode: every this many collections is a full one. */
#define GC_STRESS_FULL_EVERY 16
#define GC_VERIFY_SMALL (4u << 20)

static size_t held(P *p)
{
	size_t h = gc_round_page(p->heap_limit / 8);
	return h < GC_HELD ? h : GC_HELD;
}

size_t gc_obj_words(uintptr_t hdr)
{
	size_t n = P_SIZE_OF_HDR(hdr);
	return (n ? n : 1) + 1;
}

static size_t limit(P *p)
{
	return p->heap_limit + (p->in_reserve ? held(p) : 0);
}

static int fits(P *p, size_t extra)
{
	return p->in_use + p->stack_bytes + extra <= limit(p);
}

void gc_reserve_release(P *p)
{
	if (p->reserve_mem) {
		plat_pages_free(p->reserve_mem, held(p));
		p->reserve_mem = NULL;
	}
}

/* Room for `bytes` more of mutator allocation.  Over the limit, a
 * collection due at the next safe point may make room: until then the
 * heap may borrow up to a nursery's worth, unless the last collection
 * left it over the limit already. */
static int room_for(P *p, size_t bytes)
{
	if (fits(p, bytes))
		return 1;
	if (p->borrowed || p->in_use + p->stack_bytes + bytes > limit(p) + p->nursery_bytes)
		return 0;
	p->gc_flag = 1;
	p->gc_full = 1;
	return 1;
}

/* Raising uses the condition preallocated at start-up, so it needs no
 * memory; the reserve then lets the handler run. */
_Noreturn static void heap_exhausted(P *p)
{
	gc_cache_release(p);
	gc_reserve_release(p);
	p->in_reserve = 1;
	p->gc_flag = 1;
	p->gc_full = 1;
	P_SET_SLOT(p->roots[R_HEAPCOND], ERR_WHERE, P_FALSE);
	err_raise(p, p->roots[R_HEAPCOND]);
}

static int nursery_block(P *p)
{
	if (!room_for(p, GC_BLOCK))
		return 0;
	struct gc_block *b = gc_block_get(p, GK_NURSERY);
	if (!b)
		return 0;
	if (p->nursery)
		p->nursery->free = (val)p->hp;	/* its end, for the verifier */
	b->next = p->nursery;
	p->nursery = b;
	p->hp = b->start;
	p->hlim = b->end;
	return 1;
}

static void obj_init(uintptr_t *o, unsigned type, size_t words, size_t total)
{
	o[0] = P_MKHDR(type, words);
	if (type < T_FIRST_RAW) {
		for (size_t i = 1; i <= words; i++)
			o[i] = P_FIX(0);
		if (!words)
			o[1] = P_FIX(0);
	} else if (words == 1) {
		o[1] = 0;	/* a flonum: no call for one word */
	} else {
		memset(o + 1, 0, total - 8);
	}
}

__attribute__((noinline))
static val alloc_slow(P *p, unsigned type, size_t words, size_t total)
{
	if (total / 8 > GC_MAX_SMALL) {
		struct gc_block *b = NULL;
		if (total <= p->heap_limit && room_for(p, total + GC_PAGE))
			b = gc_large_get(p, total / 8);
		if (!b)
			heap_exhausted(p);
		b->young = 1;
		b->next = p->young_large;
		p->young_large = b;
		p->since_gc += b->size;
		if (p->since_gc >= p->nursery_bytes || p->gc_stress)
			p->gc_flag = 1;
		obj_init((uintptr_t *)b->start, type, words, total);
		return (val)b->start;
	}
	if (!nursery_block(p))
		heap_exhausted(p);
	return p_alloc(p, type, words * 8);
}

val p_alloc(P *p, unsigned type, size_t nbytes)
{
	size_t words = (nbytes + 7) / 8;
	size_t total = ((words ? words : 1) + 1) * 8;
	if (__builtin_expect((size_t)(p->hlim - p->hp) < total, 0))
		return alloc_slow(p, type, words, total);
	uintptr_t *o = (uintptr_t *)p->hp;
	p->hp += total;
	p->since_gc += total;
	if (p->since_gc >= p->nursery_bytes || p->gc_stress)
		p->gc_flag = 1;
	obj_init(o, type, words, total);
	return (val)o;
}

void gc_note_slots(val obj, size_t first, size_t n)
{
	if (!n)
		return;
	uintptr_t b = obj & ~(uintptr_t)(GC_BLOCK - 1);
	uintptr_t lo = (uintptr_t)(P_SLOTS(obj) + first) - b;
	uintptr_t hi = (uintptr_t)(P_SLOTS(obj) + first + n - 1) - b;
	uint8_t *cards = *(uint8_t **)b;
	memset(cards + (lo >> GC_CARD_SHIFT), 1, (hi >> GC_CARD_SHIFT) - (lo >> GC_CARD_SHIFT) + 1);
}

void gc_init(P *p, size_t lim)
{
	/* what the platform will really give: keep back the reserve, a
	 * nursery's worth a collection may promote past the limit, and the
	 * interpreter's own tables */
	p->heap_limit = lim > 16 * GC_RESERVE ? lim - 4 * GC_RESERVE : lim / 4 * 3;
	size_t n = p->heap_limit / 32;
	n = n > GC_NURSERY_MAX ? GC_NURSERY_MAX : n < GC_NURSERY_MIN ? GC_NURSERY_MIN : n;
	p->nursery_bytes = n & ~(size_t)(GC_BLOCK - 1);
	if (lim > 16 * GC_RESERVE)
		p->heap_limit -= p->nursery_bytes;
	p->major_threshold = GC_MIN_MAJOR;
	p->stack_bytes = GC_STACK_MIN;
	const char *v = plat_getenv("P_GC_VERIFY");
	p->gc_verify = v && v[0] == '1';
	p->reserve_mem = plat_pages_alloc(held(p));
	p->stack = plat_pages_alloc(p->stack_bytes);
	if (!p->stack || !nursery_block(p))
		plat_abort("p: cannot allocate the initial heap");
	p->stack_end = (val *)((char *)p->stack + p->stack_bytes);
	p->sp = p->fp = p->stack;
}

/* Slack kept above every request so that pushes within a frame never
 * check the end of the stack. */
#define STACK_MARGIN 1024

static int stack_move(P *p, size_t nb)
{
	size_t used = (size_t)(p->sp - p->stack);
	val *ns = gc_pages(p, nb);
	if (!ns)
		return 0;
	memcpy(ns, p->stack, used * sizeof(val));
	plat_pages_free(p->stack, p->stack_bytes);
	p->fp = ns + (p->fp - p->stack);
	p->sp = ns + used;
	p->stack = ns;
	p->stack_bytes = nb;
	p->stack_end = (val *)((char *)ns + nb);
	gc_note_peak(p);
	return 1;
}

void gc_stack_reserve(P *p, size_t need, int can_collect)
{
	size_t used = (size_t)(p->sp - p->stack);
	size_t want = gc_round_page((used + need + STACK_MARGIN + GC_STACK_RESERVE) * sizeof(val));
	if (want <= p->stack_bytes)
		return;
	if (p->in_reserve && (used + need) * sizeof(val) <= p->stack_bytes)
		return;		/* handling exhaustion: the held-back slots */
	size_t nb = p->stack_bytes * 2;
	if (nb < want)
		nb = want;
	size_t room = limit(p) > p->in_use ? limit(p) - p->in_use : 0;
	if (nb > room) {
		/* near the limit: grow by a quarter, leaving the heap room */
		nb = gc_round_page(want + want / 4);
		if (nb > room)
			nb = room & ~(size_t)(GC_PAGE - 1);
	}
	if (nb >= want && stack_move(p, nb))
		return;
	if (can_collect) {
		/* the old and new stacks coexist while copying: make room */
		gc_collect_full(p);
		gc_stack_reserve(p, need, 0);
		return;
	}
	heap_exhausted(p);
}

/* --- collection --- */

static void account(struct gc_gen_stats *s, uint64_t dt)
{
	s->count++;
	s->total_ns += dt;
	if (dt > s->max_ns)
		s->max_ns = dt;
}

/* The next full collection comes when the old generation has grown by
 * what is live now (at least GC_MIN_MAJOR), or sooner near the limit. */
static void plan_major(P *p)
{
	size_t grow = p->old_bytes > GC_MIN_MAJOR ? p->old_bytes : GC_MIN_MAJOR;
	size_t cap = p->heap_limit > p->stack_bytes + 2 * p->nursery_bytes ?
		p->heap_limit - p->stack_bytes - 2 * p->nursery_bytes : 0;
	p->major_threshold = p->old_bytes + grow;
	if (p->major_threshold > cap)
		p->major_threshold = cap > p->old_bytes ? cap : p->old_bytes;
}

static void collect(P *p, int full)
{
	uint64_t t0 = plat_monotonic_ns();
	/* stress mode collects at every allocating safe point: there the
	 * walk before a minor collection is done while the old generation is
	 * small (most tests), the walk after only for full collections */
	int thorough = p->gc_verify && !p->gc_stress;
	if (thorough || (p->gc_verify && p->old_bytes <= GC_VERIFY_SMALL))
		gc_verify(p, 1);
	size_t allocated = p->since_gc;
	gc_minor(p);
	uint64_t t1 = plat_monotonic_ns();
	account(&p->minor, t1 - t0);
	if (!full && (p->old_bytes >= p->major_threshold || !fits(p, p->nursery_bytes)))
		full = 1;
	uint64_t t2 = t1;
	if (full) {
		gc_major(p);
		t2 = plat_monotonic_ns();
		account(&p->major, t2 - t1);
		p->live_after_gc = p->old_bytes;
		plan_major(p);
		gc_cache_trim(p);
	}
	core_objects_moved(p);

	p->gc_bytes_allocated += allocated;
	p->gc_flag = 0;
	p->gc_full = 0;
	/* a mostly idle stack left by a deep recursion goes back too */
	size_t sused = (size_t)(p->sp - p->stack) * sizeof(val);
	if (p->stack_bytes > GC_STACK_MIN && sused < p->stack_bytes / 4 * 3) {
		size_t nb = gc_round_page(sused + sused / 8 + STACK_MARGIN * sizeof(val));
		(void)stack_move(p, nb < GC_STACK_MIN ? GC_STACK_MIN : nb);
	}
	/* less than half a nursery free after a full collection: no more
	 * borrowing, so that the heap is reported exhausted instead of
	 * collecting in full every few blocks */
	if (full)
		p->borrowed = !fits(p, p->nursery_bytes / 2);
	size_t sused_slots = (size_t)(p->sp - p->stack);
	if (p->in_reserve && fits(p, p->nursery_bytes + 2 * held(p)) &&
	    (sused_slots + 2 * GC_STACK_RESERVE) * sizeof(val) < p->stack_bytes) {
		p->in_reserve = 0;
		if (!p->reserve_mem)
			p->reserve_mem = gc_pages(p, held(p));
	}
	if (thorough || (p->gc_verify && full))
		gc_verify(p, 0);
	uint64_t dt = t2 - t0;
	p->gc_count++;
	p->gc_total_ns += dt;
	if (dt > p->gc_max_ns)
		p->gc_max_ns = dt;
}

void gc_collect(P *p)
{
	int full = p->gc_full;
	if (p->gc_stress && ++p->stress_minors % GC_STRESS_FULL_EVERY == 0)
		full = 1;
	collect(p, full);
}

void gc_collect_full(P *p)
{
	collect(p, 1);
}

void gc_seal(P *p)
{
	gc_collect_full(p);
	gc_cache_release(p);	/* start-up's garbage */
}
