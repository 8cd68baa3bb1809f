/*
 * gc_int.h - the collector's internals, shared by the files of gc/ only.
 *
 * Every object lives in a block aligned to P_GC_BLOCK whose header starts
 * with the pointer to its card table (the write barrier in value.h finds
 * it from the object's address).  A small block is P_GC_BLOCK bytes: a
 * nursery block filled by bump allocation, or an old block of cells of
 * one size class.  A large object has a region of its own, as many pages
 * as it needs, starting with the same header and ending with its cards.
 */
#ifndef PXEN_GC_INT_H
#define PXEN_GC_INT_H

#include "core.h"

#define GC_BLOCK P_GC_BLOCK
#define GC_CARD_SHIFT P_GC_CARD_SHIFT
#define GC_CARDS (GC_BLOCK >> GC_CARD_SHIFT)
#define GC_MARK_WORDS (GC_BLOCK / 8 / 64)	/* one bit per word */
#define GC_PAGE 4096u
/* Objects of more words than this (header included, 8 KiB) are large. */
#define GC_MAX_SMALL 1024u

enum gc_kind { GK_FREE, GK_NURSERY, GK_OLD, GK_LARGE };

struct gc_block {
	uint8_t *cards;		/* first: the barrier reads it */
	struct gc_block *next;	/* in the list of its kind */
	char *start, *end;	/* the object area */
	size_t size;		/* bytes of the block or region */
	val free;		/* old: the first free cell, 0 for none */
	uint32_t words;		/* old: cell size in words */
	uint32_t nfree;		/* old: free cells */
	uint8_t kind;
	uint8_t cls;		/* old: size class */
	uint8_t marked;		/* large: reached in this collection */
	uint8_t young;		/* large: allocated since the last collection */
	uint8_t in_avail;	/* old: on its class's list of blocks with room */
	struct gc_block *avail_next;
	uint64_t *mark;		/* small: one bit per word, NULL for large */
};

/* The header of small blocks: the bitmap and the cards follow it. */
struct gc_small {
	struct gc_block b;
	uint64_t mark[GC_MARK_WORDS];
	uint8_t card[GC_CARDS];
};
#define GC_SMALL_START (((sizeof(struct gc_small)) + 15) & ~(size_t)15)

static inline struct gc_block *gc_block_of(val v)
{
	return (struct gc_block *)(v & ~(uintptr_t)(GC_BLOCK - 1));
}

static inline size_t gc_round_page(size_t n)
{
	return (n + GC_PAGE - 1) & ~(size_t)(GC_PAGE - 1);
}

/* --- space.c: blocks, large regions, size classes, the page cache --- */
extern const uint16_t gc_class_words[GC_NCLASSES];
unsigned gc_class_of(size_t words);
/* A small block of the given kind, cards clear; NULL if the platform has
 * no memory.  The caller checks the heap limit. */
struct gc_block *gc_block_get(P *p, enum gc_kind kind);
void gc_block_put(P *p, struct gc_block *b);
/* A block (or for GK_LARGE, a region for `words`) during a collection,
 * which must go on: past the heap limit, the held reserve given back
 * first; the platform refusing is fatal. */
struct gc_block *gc_get_in_gc(P *p, enum gc_kind kind, size_t words);
/* An old cell of at least `words` words, taken during a collection (may
 * exceed the heap limit; the platform refusing it is fatal). */
uintptr_t *gc_old_cell(P *p, size_t words);
/* A large region for an object of `words` words (header included). */
struct gc_block *gc_large_get(P *p, size_t words);
void gc_large_put(P *p, struct gc_block *b);
/* Pages from the platform, taking back the cache when it has none. */
void *gc_pages(P *p, size_t size);
void gc_cache_release(P *p);
/* After a full collection: the cache keeps what the heap may need soon
 * and gives back a surplus that has lasted (hysteresis). */
void gc_cache_trim(P *p);
void gc_note_peak(P *p);

/* --- gc.c --- */
/* Gives the memory held for heap exhaustion back to the platform. */
void gc_reserve_release(P *p);

/* --- collect.c --- */
void gc_minor(P *p);
void gc_major(P *p);

/* --- verify.c --- */
/* Aborts naming the problem if the heap is inconsistent.  Before a minor
 * collection it also checks that every old-to-young pointer is on a dirty
 * card (a missed write barrier). */
void gc_verify(P *p, int before_minor);

#endif
