/* mem.c - memory map and a first-fit range allocator over it. */
#include "mem.h"
#include "balloon.h"
#include <string.h>
#include "trap.h"
#include "xenhdr.h"

#define PAGE 4096ull
#define MAX_RANGES 256
#define GIB (1ull << 30)
/* The boot page tables map 0-4 GiB; RAM above is mapped at start-up, as
 * far as the one page-directory-pointer table reaches. */
#define LOW_LIMIT (4 * GIB)
#define LIMIT (512 * GIB)
#define BALLOON_MIN (1ull << 20)

struct range {
	uint64_t lo, hi;
};

struct range_list {
	struct range r[MAX_RANGES];
	int n;
};

/* Populated free memory, and holes whose frames went back to Xen. */
static struct range_list free_ram, holes;
static size_t total, returned_total;
extern char _image_start[], _image_end[];
extern uint64_t boot_pdpt[512];

static void drop(struct range_list *l, int i)
{
	for (int j = i; j < l->n - 1; j++)
		l->r[j] = l->r[j + 1];
	l->n--;
}

static void remove_range(uint64_t lo, uint64_t hi)
{
	lo &= ~(PAGE - 1);
	hi = (hi + PAGE - 1) & ~(PAGE - 1);
	for (int i = 0; i < free_ram.n; i++) {
		struct range *r = &free_ram.r[i];
		if (hi <= r->lo || lo >= r->hi)
			continue;
		if (lo > r->lo && hi < r->hi) {
			if (free_ram.n == MAX_RANGES)
				kpanic("memory map too fragmented");
			for (int j = free_ram.n; j > i + 1; j--)
				free_ram.r[j] = free_ram.r[j - 1];
			free_ram.r[i + 1] = (struct range){ hi, r->hi };
			r->hi = lo;
			free_ram.n++;
			return;
		}
		if (lo <= r->lo)
			r->lo = hi < r->hi ? hi : r->hi;
		else
			r->hi = lo;
	}
}

/* Inserts a range in address order, merging with neighbours; 0, or -1
 * when the list is full (the caller then keeps the memory out of use). */
static int insert_range(struct range_list *l, uint64_t lo, uint64_t hi)
{
	int i = 0;
	while (i < l->n && l->r[i].lo < lo)
		i++;
	if (i > 0 && l->r[i - 1].hi == lo) {
		l->r[i - 1].hi = hi;
		if (i < l->n && l->r[i].lo == hi) {
			l->r[i - 1].hi = l->r[i].hi;
			drop(l, i);
		}
		return 0;
	}
	if (i < l->n && l->r[i].lo == hi) {
		l->r[i].lo = lo;
		return 0;
	}
	if (l->n == MAX_RANGES)
		return -1;
	for (int j = l->n; j > i; j--)
		l->r[j] = l->r[j - 1];
	l->r[i] = (struct range){ lo, hi };
	l->n++;
	return 0;
}

/* Takes n bytes from the start of the first range that has them. */
static uint64_t take(struct range_list *l, uint64_t n)
{
	for (int i = 0; i < l->n; i++) {
		struct range *r = &l->r[i];
		if (r->hi - r->lo < n)
			continue;
		uint64_t p = r->lo;
		r->lo += n;
		if (r->lo == r->hi)
			drop(l, i);
		return p;
	}
	return 0;
}

/* Identity-maps the GiBs that RAM above 4 GiB occupies, with 2 MiB pages;
 * each page directory comes from RAM below 4 GiB, which is mapped. */
static void map_high(void)
{
	int mapped = 0;
	for (uint64_t g = LOW_LIMIT / GIB; g < LIMIT / GIB; g++) {
		int used = 0;
		for (int i = 0; i < free_ram.n && !used; i++)
			used = free_ram.r[i].lo < (g + 1) * GIB && free_ram.r[i].hi > g * GIB;
		if (!used || boot_pdpt[g])
			continue;
		/* take() hands out the lowest range first: RAM below 4 GiB. */
		uint64_t pd = take(&free_ram, PAGE);
		if (!pd || pd >= LOW_LIMIT)
			kpanic("no memory below 4 GiB for the page tables of RAM above it");
		uint64_t *e = (uint64_t *)(uintptr_t)pd;
		for (uint64_t k = 0; k < 512; k++)
			e[k] = (g * GIB + (k << 21)) | 0x83;	/* present, writable, 2 MiB */
		boot_pdpt[g] = pd | 3;
		mapped = 1;
	}
	if (mapped) {
		uint64_t cr3;
		__asm__ volatile("mov %%cr3, %0; mov %0, %%cr3" : "=r"(cr3) : : "memory");
	}
}

static uint64_t list_bytes(const struct range_list *l)
{
	uint64_t sum = 0;
	for (int i = 0; i < l->n; i++)
		sum += l->r[i].hi - l->r[i].lo;
	return sum;
}

void mem_init(const struct hvm_start_info *si)
{
	const struct hvm_memmap_table_entry *map =
		(const void *)(uintptr_t)si->memmap_paddr;
	if (si->version < 1 || !si->memmap_paddr || !si->memmap_entries)
		kpanic("no memory map in the start info");
	for (uint32_t i = 0; i < si->memmap_entries; i++) {
		if (map[i].type != XEN_HVM_MEMMAP_TYPE_RAM)
			continue;
		uint64_t lo = (map[i].addr + PAGE - 1) & ~(PAGE - 1);
		uint64_t hi = (map[i].addr + map[i].size) & ~(PAGE - 1);
		if (hi > LIMIT)
			hi = LIMIT;
		if (lo >= hi)
			continue;
		insert_range(&free_ram, lo, hi);
	}
	/* Page 0 stays unmapped-in-spirit so that NULL is never handed out. */
	remove_range(0, PAGE);
	remove_range((uintptr_t)_image_start, (uintptr_t)_image_end);
	remove_range((uintptr_t)si, (uintptr_t)si + sizeof *si);
	remove_range(si->memmap_paddr, si->memmap_paddr + si->memmap_entries * sizeof *map);
	if (si->cmdline_paddr) {
		const char *c = (const char *)(uintptr_t)si->cmdline_paddr;
		remove_range(si->cmdline_paddr, si->cmdline_paddr + strlen(c) + 1);
	}
	if (si->nr_modules && si->modlist_paddr) {
		const struct hvm_modlist_entry *mod = (const void *)(uintptr_t)si->modlist_paddr;
		remove_range(si->modlist_paddr, si->modlist_paddr + si->nr_modules * sizeof *mod);
		for (uint32_t i = 0; i < si->nr_modules; i++) {
			remove_range(mod[i].paddr, mod[i].paddr + mod[i].size);
			if (mod[i].cmdline_paddr) {
				const char *c = (const char *)(uintptr_t)mod[i].cmdline_paddr;
				remove_range(mod[i].cmdline_paddr,
					     mod[i].cmdline_paddr + strlen(c) + 1);
			}
		}
	}
	map_high();
	total = mem_free_bytes();
}

/* Free memory above this stays populated; the rest goes back to Xen, so
 * that a heap which shrank gives its frames to other domains.  Keeping a
 * cushion avoids a hypercall round per collection. */
static uint64_t keep_bytes(void)
{
	uint64_t k = (total / 4) & ~(PAGE - 1);
	return k > (16u << 20) ? k : (16u << 20);
}

static void release_excess(void)
{
	uint64_t have = list_bytes(&free_ram), keep = keep_bytes();
	/* Highest ranges first: low memory tends to hold long-lived data. */
	while (have > keep && free_ram.n && holes.n < MAX_RANGES) {
		struct range *r = &free_ram.r[free_ram.n - 1];
		uint64_t size = r->hi - r->lo, cut = have - keep;
		if (cut > size)
			cut = size;
		if (cut < BALLOON_MIN)
			return;
		uint64_t lo = r->hi - cut, hi = r->hi;
		uint64_t done = balloon_release(lo, hi);
		if (!done)
			return;
		r->hi = lo;
		if (r->lo == r->hi)
			drop(&free_ram, free_ram.n - 1);
		if (lo + done < hi)
			insert_range(&free_ram, lo + done, hi);
		insert_range(&holes, lo, lo + done);
		returned_total += done;
		have -= done;
		if (lo + done < hi)
			return;
	}
}

/* Refills n bytes of a hole; returns its address or 0. */
static uint64_t from_holes(uint64_t n)
{
	uint64_t p = take(&holes, n);
	if (!p)
		return 0;
	uint64_t done = balloon_populate(p, p + n);
	if (done < n) {
		/* Xen is short of memory: give back what came and keep the hole. */
		balloon_release(p, p + done);
		insert_range(&holes, p, p + n);
		return 0;
	}
	return p;
}

/* Populates every hole again, so that free memory and holes that lie
 * side by side merge into ranges large enough for a big request. */
static void refill_all(void)
{
	while (holes.n) {
		struct range h = holes.r[0];
		drop(&holes, 0);
		uint64_t done = balloon_populate(h.lo, h.hi);
		insert_range(&free_ram, h.lo, h.lo + done);
		if (done < h.hi - h.lo) {
			insert_range(&holes, h.lo + done, h.hi);
			return;
		}
	}
}

void *mem_alloc(size_t bytes)
{
	uint64_t n = (bytes + PAGE - 1) & ~(PAGE - 1);
	if (n == 0)
		return NULL;
	uint64_t p = take(&free_ram, n);
	if (!p)
		p = from_holes(n);
	if (!p && holes.n) {
		refill_all();
		p = take(&free_ram, n);
	}
	if (!p)
		return NULL;
	memset((void *)(uintptr_t)p, 0, n);
	return (void *)(uintptr_t)p;
}

void mem_free(void *p, size_t bytes)
{
	uint64_t lo = (uintptr_t)p, n = (bytes + PAGE - 1) & ~(PAGE - 1);
	if (!p || !n || (lo & (PAGE - 1)))
		return;
	if (insert_range(&free_ram, lo, lo + n) == 0)
		release_excess();
}

size_t mem_free_bytes(void)
{
	return list_bytes(&free_ram) + list_bytes(&holes);
}

size_t mem_total_bytes(void)
{
	return total;
}

size_t mem_returned_bytes(void)
{
	return returned_total;
}
