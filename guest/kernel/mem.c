/* mem.c - memory map and a first-fit range allocator over it. */
#include "mem.h"
#include "kstring.h"
#include "trap.h"
#include "xenhdr.h"

#define PAGE 4096ull
#define MAX_RANGES 256
#define LIMIT (4ull << 30)

struct range {
	uint64_t lo, hi;
};

static struct range free_list[MAX_RANGES];
static int nfree;
static size_t total;
extern char _image_start[], _image_end[];

static void remove_range(uint64_t lo, uint64_t hi)
{
	lo &= ~(PAGE - 1);
	hi = (hi + PAGE - 1) & ~(PAGE - 1);
	for (int i = 0; i < nfree; i++) {
		struct range *r = &free_list[i];
		if (hi <= r->lo || lo >= r->hi)
			continue;
		if (lo > r->lo && hi < r->hi) {
			if (nfree == MAX_RANGES)
				kpanic("memory map too fragmented");
			for (int j = nfree; j > i + 1; j--)
				free_list[j] = free_list[j - 1];
			free_list[i + 1] = (struct range){ hi, r->hi };
			r->hi = lo;
			nfree++;
			return;
		}
		if (lo <= r->lo)
			r->lo = hi < r->hi ? hi : r->hi;
		else
			r->hi = lo;
	}
}

/* Inserts a free range in address order, merging with neighbours. */
static void insert_range(uint64_t lo, uint64_t hi)
{
	int i = 0;
	while (i < nfree && free_list[i].lo < lo)
		i++;
	if (i > 0 && free_list[i - 1].hi == lo) {
		free_list[i - 1].hi = hi;
		if (i < nfree && free_list[i].lo == hi) {
			free_list[i - 1].hi = free_list[i].hi;
			for (int j = i; j < nfree - 1; j++)
				free_list[j] = free_list[j + 1];
			nfree--;
		}
		return;
	}
	if (i < nfree && free_list[i].lo == hi) {
		free_list[i].lo = lo;
		return;
	}
	if (nfree == MAX_RANGES)
		return;	/* too fragmented: the region is leaked, not corrupted */
	for (int j = nfree; j > i; j--)
		free_list[j] = free_list[j - 1];
	free_list[i] = (struct range){ lo, hi };
	nfree++;
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
		insert_range(lo, hi);
	}
	/* Page 0 stays unmapped-in-spirit so that NULL is never handed out. */
	remove_range(0, PAGE);
	remove_range((uintptr_t)_image_start, (uintptr_t)_image_end);
	remove_range((uintptr_t)si, (uintptr_t)si + sizeof *si);
	remove_range(si->memmap_paddr, si->memmap_paddr + si->memmap_entries * sizeof *map);
	if (si->cmdline_paddr) {
		const char *c = (const char *)(uintptr_t)si->cmdline_paddr;
		remove_range(si->cmdline_paddr, si->cmdline_paddr + kstrlen(c) + 1);
	}
	if (si->nr_modules && si->modlist_paddr) {
		const struct hvm_modlist_entry *mod = (const void *)(uintptr_t)si->modlist_paddr;
		remove_range(si->modlist_paddr, si->modlist_paddr + si->nr_modules * sizeof *mod);
		for (uint32_t i = 0; i < si->nr_modules; i++) {
			remove_range(mod[i].paddr, mod[i].paddr + mod[i].size);
			if (mod[i].cmdline_paddr) {
				const char *c = (const char *)(uintptr_t)mod[i].cmdline_paddr;
				remove_range(mod[i].cmdline_paddr,
					     mod[i].cmdline_paddr + kstrlen(c) + 1);
			}
		}
	}
	total = mem_free_bytes();
}

void *mem_alloc(size_t bytes)
{
	uint64_t n = (bytes + PAGE - 1) & ~(PAGE - 1);
	if (n == 0)
		return NULL;
	for (int i = 0; i < nfree; i++) {
		struct range *r = &free_list[i];
		if (r->hi - r->lo < n)
			continue;
		uint64_t p = r->lo;
		r->lo += n;
		if (r->lo == r->hi) {
			for (int j = i; j < nfree - 1; j++)
				free_list[j] = free_list[j + 1];
			nfree--;
		}
		kmemzero((void *)(uintptr_t)p, n);
		return (void *)(uintptr_t)p;
	}
	return NULL;
}

void mem_free(void *p, size_t bytes)
{
	uint64_t lo = (uintptr_t)p, n = (bytes + PAGE - 1) & ~(PAGE - 1);
	if (!p || !n || (lo & (PAGE - 1)))
		return;
	insert_range(lo, lo + n);
}

size_t mem_free_bytes(void)
{
	size_t sum = 0;
	for (int i = 0; i < nfree; i++)
		sum += free_list[i].hi - free_list[i].lo;
	return sum;
}

size_t mem_total_bytes(void)
{
	return total;
}
