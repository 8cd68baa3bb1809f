/*
 * gc.c - the heap: bump allocation in chunks from plat_pages_alloc, and a
 * precise Cheney copying collector run only at VM safe points.
 *
 * From-space is a list of chunks; a collection copies everything live into
 * one region sized for the survivors plus room for new objects.  Half the
 * heap limit is kept free for the copy, so allocation stops at half.
 *
 * The old chunks are not handed back to the platform at once but kept in a
 * cache for the next to-space and the next chunks: fresh pages cost a fault
 * and a clear each when hosted, a populate hypercall and a clear on Xen, and
 * a steady program would pay that for its whole heap at every collection.
 * The cache goes back to the platform in one batch when it has held more
 * than the heap needs for several collections in a row (hysteresis), when
 * the platform refuses memory, and when the heap is exhausted.
 * A forwarded object has header type 0 and its new address in slot 0; every
 * object therefore has at least one payload word.
 */
#include "core.h"

#define GC_CHUNK (1u << 20)
#define GC_MIN_THRESHOLD (4u << 20)
#define GC_RESERVE (1u << 20)
/* Memory held back from the platform and released when the heap runs
 * out, so that raising and handling the condition can allocate; at most
 * this much, less for a small heap (a tiny guest could not start). */
#define GC_HELD (2 * GC_RESERVE)
#define PAGE 4096u
/* Large regions come in whole huge pages (2 MiB), which the hosted
 * platform asks the kernel to back with huge pages. */
#define GC_HUGE (2u << 20)
/* Collections in a row with the cache holding more than the heap needs
 * before the surplus goes back to the platform. */
#define GC_TRIM_AFTER 4
#define GC_STACK_MIN (64u * 1024 * sizeof(val))

static size_t round_page(size_t n)
{
	return (n + PAGE - 1) & ~(size_t)(PAGE - 1);
}

static size_t held(P *p)
{
	size_t h = round_page(p->heap_limit / 8);
	return h < GC_HELD ? h : GC_HELD;
}

size_t gc_obj_words(uintptr_t hdr)
{
	size_t n = P_SIZE_OF_HDR(hdr);
	return (n ? n : 1) + 1;
}

/* The heap limit covers from-space, the to-space a collection needs (as
 * large as from-space) and the Scheme stack, which is never copied. */
static size_t limit(P *p)
{
	return p->heap_limit + (p->in_reserve ? held(p) : 0);
}

/* Stress mode counts the cache as in use: collecting at every safe point
 * keeps a second heap's worth cached all the time, and a heap allowed to
 * grow into that memory would leave a heap-exhausted handler no room to
 * collect in. */
static int fits(P *p, size_t chunks, size_t stack)
{
	if (p->gc_stress)
		chunks += p->cached;
	return 2 * chunks + stack + p->imm_bytes <= limit(p);
}

static size_t round_region(size_t n)
{
	n = round_page(n);
	return n >= 2 * GC_HUGE ? (n + GC_HUGE - 1) & ~(size_t)(GC_HUGE - 1) : n;
}

static void cache_release(P *p, struct gc_chunk *keep)
{
	struct gc_chunk *k = p->cache;
	p->cache = NULL;
	p->cached = 0;
	for (struct gc_chunk *n; k; k = n) {
		n = k->next;
		if (k == keep) {
			k->next = NULL;
			p->cache = k;
			p->cached = k->size;
		} else {
			plat_pages_free(k, k->size);
		}
	}
}

/* The smallest cached region of at least `size` bytes and at most `cap`,
 * unlinked, or NULL. */
static struct gc_chunk *cache_take(P *p, size_t size, size_t cap)
{
	struct gc_chunk **best = NULL;
	for (struct gc_chunk **k = &p->cache; *k; k = &(*k)->next)
		if ((*k)->size >= size && (*k)->size <= cap && (!best || (*k)->size < (*best)->size))
			best = k;
	if (!best)
		return NULL;
	struct gc_chunk *c = *best;
	*best = c->next;
	p->cached -= c->size;
	return c;
}

/* Fresh pages, taking back the cache when the platform has none left. */
static void *pages_alloc(P *p, size_t size)
{
	void *m = plat_pages_alloc(size);
	if (!m && p->cache) {
		cache_release(p, NULL);
		m = plat_pages_alloc(size);
	}
	return m;
}

/* A region of at least `size` bytes (and at most `cap` when cached), its
 * header's size set, or NULL. */
static struct gc_chunk *region_get(P *p, size_t size, size_t cap)
{
	struct gc_chunk *c = cache_take(p, size, cap);
	if (c)
		return c;
	c = pages_alloc(p, size);
	if (c)
		c->size = size;
	return c;
}

static void region_init(struct gc_chunk *c)
{
	c->start = (char *)(((uintptr_t)(c + 1) + 15) & ~(uintptr_t)15);
	c->end = (char *)c + c->size;
	c->top = c->start;
	c->next = NULL;
}

/* The largest region that fits the limit next to what is in use. */
static size_t region_cap(P *p)
{
	size_t fixed = p->stack_bytes + p->imm_bytes;
	size_t half = limit(p) > fixed ? (limit(p) - fixed) / 2 : 0;
	size_t used = p->in_use + (p->gc_stress ? p->cached : 0);	/* see fits */
	return half > used ? half - used : 0;
}

static void chunk_retire(P *p)
{
	if (p->chunks)
		p->chunks->top = p->hp;
}

static int chunk_new(P *p, size_t need)
{
	size_t size = round_region(need + sizeof(struct gc_chunk) + 16);
	if (size < GC_CHUNK)
		size = GC_CHUNK;
	size_t cap = region_cap(p);
	if (size > cap) {
		/* A collection (which also gives back idle stack) may make
		 * room: borrow one chunk until the next safe point. */
		if (p->borrowed || size > GC_CHUNK)
			return 0;
		p->borrowed = 1;
		p->gc_flag = 1;
		cap = size;
	}
	/* a much larger cached region would count as heap in use and
	 * keep the heap from ever looking smaller */
	struct gc_chunk *c = region_get(p, size, cap < 4 * size ? cap : 4 * size);
	if (!c)
		return 0;
	region_init(c);
	chunk_retire(p);
	c->next = p->chunks;
	p->chunks = c;
	p->hp = c->start;
	p->hlim = c->end;
	p->in_use += c->size;
	return 1;
}

/* Raising uses the condition preallocated at start-up, so it needs no
 * memory; the reserve then lets the handler run. */
_Noreturn static void heap_exhausted(P *p)
{
	cache_release(p, NULL);
	if (p->reserve_mem) {
		plat_pages_free(p->reserve_mem, held(p));
		p->reserve_mem = NULL;
	}
	p->in_reserve = 1;
	p->gc_flag = 1;
	P_SET_SLOT(p->roots[R_HEAPCOND], ERR_WHERE, P_FALSE);
	err_raise(p, p->roots[R_HEAPCOND]);
}

val p_alloc(P *p, unsigned type, size_t nbytes)
{
	size_t words = (nbytes + 7) / 8;
	size_t total = ((words ? words : 1) + 1) * 8;
	if ((size_t)(p->hlim - p->hp) < total) {
		if (total > p->heap_limit || !chunk_new(p, total))
			heap_exhausted(p);
	}
	uintptr_t *o = (uintptr_t *)p->hp;
	p->hp += total;
	p->since_gc += total;
	if (p->since_gc >= p->threshold || p->gc_stress)
		p->gc_flag = 1;
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
	return (val)o;
}

void gc_init(P *p, size_t limit)
{
	/* what the platform will really give: keep back the reserve and the
	 * interpreter's own tables */
	p->heap_limit = limit > 16 * GC_RESERVE ? limit - 4 * GC_RESERVE : limit / 4 * 3;
	p->threshold = GC_MIN_THRESHOLD;
	p->stack_bytes = GC_STACK_MIN;
	p->reserve_mem = plat_pages_alloc(held(p));
	p->stack = plat_pages_alloc(p->stack_bytes);
	if (!p->stack || !chunk_new(p, GC_CHUNK))
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
	val *ns = pages_alloc(p, nb);
	if (!ns)
		return 0;
	memcpy(ns, p->stack, used * sizeof(val));
	plat_pages_free(p->stack, p->stack_bytes);
	p->fp = ns + (p->fp - p->stack);
	p->sp = ns + used;
	p->stack = ns;
	p->stack_bytes = nb;
	p->stack_end = (val *)((char *)ns + nb);
	return 1;
}

void gc_stack_reserve(P *p, size_t need, int can_collect)
{
	size_t used = (size_t)(p->sp - p->stack);
	size_t want = round_page((used + need + STACK_MARGIN + GC_STACK_RESERVE) * sizeof(val));
	if (want <= p->stack_bytes)
		return;
	if (p->in_reserve && (used + need) * sizeof(val) <= p->stack_bytes)
		return;		/* handling exhaustion: the held-back slots */
	size_t nb = p->stack_bytes * 2;
	if (nb < want)
		nb = want;
	if (!fits(p, p->in_use, nb)) {
		/* near the limit: grow by a quarter, leaving the heap room */
		size_t room = limit(p) > 2 * p->in_use ? limit(p) - 2 * p->in_use : 0;
		nb = round_page(want + want / 4);
		if (nb > room)
			nb = room & ~(size_t)(PAGE - 1);
	}
	if (nb >= want && stack_move(p, nb))
		return;
	if (can_collect) {
		/* the old and new stacks coexist while copying: make room */
		gc_collect(p);
		gc_stack_reserve(p, need, 0);
		return;
	}
	heap_exhausted(p);
}

/* --- collection --- */

/* The next cycle needs about one more region as large as the current heap
 * (its to-space); a cache holding much more than that for GC_TRIM_AFTER
 * collections in a row goes back, all but the best next to-space. */
static void cache_trim(P *p)
{
	size_t need = p->in_use;
	if (p->cached <= 2 * need + 2 * GC_HUGE) {
		p->cache_surplus_runs = 0;
		return;
	}
	if (++p->cache_surplus_runs < GC_TRIM_AFTER)
		return;
	p->cache_surplus_runs = 0;
	struct gc_chunk *keep = NULL;
	for (struct gc_chunk *k = p->cache; k; k = k->next)
		if (k->size >= need && (!keep || k->size < keep->size))
			keep = k;
	cache_release(p, keep);
}

struct copier {
	char *free, *end;
	char *imm_start, *imm_end;	/* the sealed region: never moves */
};

static inline __attribute__((always_inline)) val forward(struct copier *c, val v)
{
	if (!P_IS_PTR(v) || !v || ((char *)v >= c->imm_start && (char *)v < c->imm_end))
		return v;
	uintptr_t *o = (uintptr_t *)v;
	if (P_TYPE_OF_HDR(o[0]) == 0)
		return o[1];
	size_t bytes = gc_obj_words(o[0]) * 8;
	uintptr_t *n = (uintptr_t *)c->free;
	c->free += bytes;
	memcpy(n, o, bytes);
	o[0] = 0;
	o[1] = (val)n;
	return (val)n;
}

static void scan_range(struct copier *c, val *from, val *to)
{
	for (val *s = from; s < to; s++)
		*s = forward(c, *s);
}

void gc_collect(P *p)
{
	uint64_t t0 = plat_monotonic_ns();
	chunk_retire(p);
	size_t used = 0;
	for (struct gc_chunk *k = p->chunks; k; k = k->next)
		used += (size_t)(k->top - k->start);
	/* stress mode collects constantly: keep each copy small */
	size_t room = p->sealing ? 0 : p->gc_stress ? GC_CHUNK / 4 :
		p->threshold > GC_MIN_THRESHOLD ? p->threshold : GC_MIN_THRESHOLD;
	size_t base = used + sizeof(struct gc_chunk) + 16;
	size_t size = p->sealing ? round_page(base) : round_region(base + room);
	if (!fits(p, size, p->stack_bytes))
		size = round_page(base + GC_CHUNK);
	/* A cached region a quarter larger will do if it fits the limit
	 * (a larger one would keep a shrinking heap from shrinking); the
	 * sealed region stays for good, so it gets its size. */
	size_t cap = size + size / 4;
	if (p->sealing || !fits(p, cap, p->stack_bytes))
		cap = size;
	struct gc_chunk *nc = region_get(p, size, cap);
	if (!nc)
		nc = region_get(p, round_page(base + PAGE), round_page(base + PAGE));
	if (!nc) {
		/* no room to copy into: carry on uncollected; allocation
		 * will report the exhaustion */
		p->gc_flag = 0;
		return;
	}
	region_init(nc);
	struct copier c = { nc->start, nc->end, p->imm_start, p->imm_end };

	scan_range(&c, p->stack, p->sp);
	p->closure = forward(&c, p->closure);
	p->acc = forward(&c, p->acc);
	p->self = forward(&c, p->self);
	p->pending = forward(&c, p->pending);
	p->cur_file = forward(&c, p->cur_file);
	scan_range(&c, p->roots, p->roots + R_COUNT);
	p->symtab = forward(&c, p->symtab);
	for (char *o = p->imm_start; o < p->imm_end;) {
		uintptr_t h = *(uintptr_t *)o;
		if (P_TYPE_OF_HDR(h) < T_FIRST_RAW)
			scan_range(&c, (val *)o + 1, (val *)o + 1 + P_SIZE_OF_HDR(h));
		o += gc_obj_words(h) * 8;
	}

	char *scan = nc->start;
	while (scan < c.free) {
		uintptr_t h = *(uintptr_t *)scan;
		size_t words = gc_obj_words(h);
		if (P_TYPE_OF_HDR(h) < T_FIRST_RAW)
			scan_range(&c, (val *)scan + 1,
				   (val *)scan + 1 + P_SIZE_OF_HDR(h));
		scan += words * 8;
	}

	size_t live = (size_t)(c.free - nc->start);
	for (struct gc_chunk *k = p->chunks, *n; k; k = n) {
		n = k->next;
		p->in_use -= k->size;
		k->next = p->cache;
		p->cache = k;
		p->cached += k->size;
	}
	p->chunks = nc;
	nc->top = c.free;
	p->hp = c.free;
	p->hlim = nc->end;
	p->in_use += nc->size;
	core_objects_moved(p);
	cache_trim(p);

	p->live_after_gc = live;
	p->gc_bytes_allocated += p->since_gc;
	p->since_gc = 0;
	p->threshold = live > GC_MIN_THRESHOLD ? live : GC_MIN_THRESHOLD;
	/* a mostly idle stack left by a deep recursion goes back too */
	size_t sused = (size_t)(p->sp - p->stack) * sizeof(val);
	if (p->stack_bytes > GC_STACK_MIN && sused < p->stack_bytes / 4 * 3) {
		size_t nb = round_page(sused + sused / 8 + STACK_MARGIN * sizeof(val));
		(void)stack_move(p, nb < GC_STACK_MIN ? GC_STACK_MIN : nb);
	}
	size_t free2 = p->heap_limit > 2 * p->in_use + p->stack_bytes ?
		(p->heap_limit - 2 * p->in_use - p->stack_bytes) / 2 : 0;
	if (p->threshold > free2 / 2 + GC_CHUNK)
		p->threshold = free2 / 2 + GC_CHUNK;
	p->gc_flag = 0;
	/* still over the limit: no more borrowing, exhaustion is real */
	p->borrowed = !fits(p, p->in_use, p->stack_bytes);
	size_t sused_slots = (size_t)(p->sp - p->stack);
	if (2 * live + p->stack_bytes + 2 * held(p) < p->heap_limit &&
	    (sused_slots + 2 * GC_STACK_RESERVE) * sizeof(val) < p->stack_bytes) {
		p->in_reserve = 0;
		if (!p->reserve_mem)
			p->reserve_mem = pages_alloc(p, held(p));
	}
	uint64_t dt = plat_monotonic_ns() - t0;
	p->gc_count++;
	p->gc_bytes_copied += live;
	p->gc_total_ns += dt;
	if (dt > p->gc_max_ns)
		p->gc_max_ns = dt;
}

void gc_seal(P *p)
{
	p->sealing = 1;
	gc_collect(p);
	p->sealing = 0;
	struct gc_chunk *c = p->chunks;
	p->imm_start = c->start;
	p->imm_end = p->hp;
	p->imm_bytes = c->size;
	p->in_use -= c->size;
	p->chunks = NULL;
	p->hp = p->hlim = NULL;
	cache_release(p, NULL);	/* start-up's garbage */
	if (!chunk_new(p, GC_CHUNK))
		plat_abort("p: no memory after start-up");
}

/* --- write barrier (value.h) --- */

void gc_note_store(val obj, const val *slot)
{
	(void)obj;
	(void)slot;
}

void gc_note_slots(val obj, size_t first, size_t n)
{
	(void)obj;
	(void)first;
	(void)n;
}
