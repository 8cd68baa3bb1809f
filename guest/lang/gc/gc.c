/*
 * gc.c - the heap: bump allocation in chunks from plat_pages_alloc, and a
 * precise Cheney copying collector run only at VM safe points.
 *
 * From-space is a list of chunks; a collection copies everything live into
 * one fresh region sized for the survivors plus room for new objects, then
 * returns every old chunk to the platform (on Xen, to the hypervisor).  Half
 * the heap limit is kept free for the copy, so allocation stops at half.
 * A forwarded object has header type 0 and its new address in slot 0; every
 * object therefore has at least one payload word.
 */
#include "core.h"

#define GC_CHUNK (1u << 20)
#define GC_MIN_THRESHOLD (4u << 20)
#define GC_RESERVE (1u << 20)
/* Memory held back from the platform and released when the heap runs
 * out, so that raising and handling the condition can allocate. */
#define GC_HELD (2 * GC_RESERVE)
#define PAGE 4096u
#define GC_STACK_MIN (64u * 1024 * sizeof(val))

static size_t round_page(size_t n)
{
	return (n + PAGE - 1) & ~(size_t)(PAGE - 1);
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
	return p->heap_limit + (p->in_reserve ? 2 * GC_RESERVE : 0);
}

static int fits(P *p, size_t chunks, size_t stack)
{
	return 2 * chunks + stack + p->imm_bytes <= limit(p);
}

static void chunk_retire(P *p)
{
	if (p->chunks)
		p->chunks->top = p->hp;
}

static int chunk_new(P *p, size_t need)
{
	size_t size = round_page(need + sizeof(struct gc_chunk) + 16);
	if (size < GC_CHUNK)
		size = GC_CHUNK;
	if (!fits(p, p->in_use + size, p->stack_bytes)) {
		/* A collection (which also gives back idle stack) may make
		 * room: borrow one chunk until the next safe point. */
		if (p->borrowed || size > GC_CHUNK)
			return 0;
		p->borrowed = 1;
		p->gc_flag = 1;
	}
	char *mem = plat_pages_alloc(size);
	if (!mem)
		return 0;
	struct gc_chunk *c = (struct gc_chunk *)mem;
	c->size = size;
	c->start = (char *)(((uintptr_t)(c + 1) + 15) & ~(uintptr_t)15);
	c->end = mem + size;
	c->top = c->start;
	chunk_retire(p);
	c->next = p->chunks;
	p->chunks = c;
	p->hp = c->start;
	p->hlim = c->end;
	p->in_use += size;
	return 1;
}

/* Raising uses the condition preallocated at start-up, so it needs no
 * memory; the reserve then lets the handler run. */
_Noreturn static void heap_exhausted(P *p)
{
	if (p->reserve_mem) {
		plat_pages_free(p->reserve_mem, GC_HELD);
		p->reserve_mem = NULL;
	}
	p->in_reserve = 1;
	p->gc_flag = 1;
	P_SLOTS(p->roots[R_HEAPCOND])[ERR_WHERE] = P_FALSE;
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
	p->reserve_mem = plat_pages_alloc(GC_HELD);
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
	val *ns = plat_pages_alloc(nb);
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
	size_t size = round_page(used + room + sizeof(struct gc_chunk) + 16);
	if (!fits(p, size, p->stack_bytes))
		size = round_page(used + sizeof(struct gc_chunk) + 16 + GC_CHUNK);
	char *mem = NULL;
	if (p->spare && p->spare->size >= size && !p->sealing) {
		/* stress mode: reuse the last from-space, no fresh pages */
		mem = (char *)p->spare;
		size = p->spare->size;
		p->in_use -= size;
		p->spare = NULL;
	} else {
		mem = plat_pages_alloc(size);
	}
	if (!mem) {
		size = round_page(used + sizeof(struct gc_chunk) + 16 + PAGE);
		mem = plat_pages_alloc(size);
	}
	if (!mem) {
		/* no room to copy into: carry on uncollected; allocation
		 * will report the exhaustion */
		p->gc_flag = 0;
		return;
	}
	struct gc_chunk *nc = (struct gc_chunk *)mem;
	nc->size = size;
	nc->start = (char *)(((uintptr_t)(nc + 1) + 15) & ~(uintptr_t)15);
	nc->end = mem + size;
	nc->next = NULL;
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
	if (p->spare) {
		p->in_use -= p->spare->size;
		plat_pages_free(p->spare, p->spare->size);
		p->spare = NULL;
	}
	for (struct gc_chunk *k = p->chunks, *n; k; k = n) {
		n = k->next;
		if (p->gc_stress && !n) {
			/* keep the oldest (largest) chunk for the next copy */
			p->spare = k;
			continue;
		}
		p->in_use -= k->size;
		plat_pages_free(k, k->size);
	}
	p->chunks = nc;
	nc->top = c.free;
	p->hp = c.free;
	p->hlim = nc->end;
	p->in_use += size;
	core_objects_moved(p);

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
	if (2 * live + p->stack_bytes + 4 * GC_RESERVE < p->heap_limit &&
	    (sused_slots + 2 * GC_STACK_RESERVE) * sizeof(val) < p->stack_bytes) {
		p->in_reserve = 0;
		if (!p->reserve_mem)
			p->reserve_mem = plat_pages_alloc(GC_HELD);
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
	if (!chunk_new(p, GC_CHUNK))
		plat_abort("p: no memory after start-up");
}
