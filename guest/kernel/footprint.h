/*
 * footprint.h - the heap's memory footprint, made visible to dom0.
 *
 * The platform's page calls report every region the interpreter takes or
 * gives back; the footprint (bytes held now, and the peak) is written to
 * the guest's xenstore home as data/pxen/heap-bytes and
 * data/pxen/heap-peak-bytes (decimal), which p-dom0d and any other dom0
 * tool may read.  A guest may write only below data/ (the toolstack owns
 * memory/).  Writes happen only at safe points, never inside a
 * collection, and only when the footprint moved by a sixteenth of RAM
 * (at least 1 MiB) and a second has passed since the last one, so that a
 * heap that churns costs no more than one xenstore round trip a second.
 */
#ifndef PXEN_KERNEL_FOOTPRINT_H
#define PXEN_KERNEL_FOOTPRINT_H

#include <stddef.h>

/* Called by the page allocator's users: bytes taken (>0) or freed (<0). */
void footprint_add(long long delta);
/* Publishes the footprint if it moved enough; force: publish now. */
void footprint_publish(int force);
size_t footprint_bytes(void);
size_t footprint_peak(void);

#endif
