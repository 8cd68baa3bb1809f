/*
 * mem.h - physical memory: the RAM ranges of the PVH memory map minus the
 * kernel image, the boot data and the modules, handed out as page-aligned,
 * zero-filled, identity-mapped regions.  Freed memory beyond a cushion is
 * returned to Xen (balloon.h) and repopulated when needed again.  RAM
 * above 4 GiB (up to 512 GiB) is mapped at start-up, with page directories
 * taken from RAM below.  Single-threaded, no locking.
 */
#ifndef PXEN_KERNEL_MEM_H
#define PXEN_KERNEL_MEM_H

#include <stddef.h>
#include <stdint.h>

struct hvm_start_info;

/* Builds the free list from the start info, keeping out the image, the
 * start info itself, the command line and the modules. */
void mem_init(const struct hvm_start_info *si);
void *mem_alloc(size_t bytes);
void mem_free(void *p, size_t bytes);
size_t mem_free_bytes(void);
size_t mem_total_bytes(void);
/* Bytes handed back to Xen so far (freed memory beyond a cushion of a
 * quarter of RAM, at least 16 MiB, is returned; mem_alloc takes it back). */
size_t mem_returned_bytes(void);

#endif
