/*
 * balloon.h - giving guest memory back to Xen and taking it again.
 * balloon_release() returns the frames of a page-aligned range
 * (XENMEM_decrease_reservation): the range becomes a hole that must not
 * be touched.  balloon_populate() refills a hole (XENMEM_populate_physmap).
 * Both return the number of bytes done (a prefix of the range).
 */
#ifndef PXEN_KERNEL_BALLOON_H
#define PXEN_KERNEL_BALLOON_H

#include <stdint.h>

uint64_t balloon_release(uint64_t lo, uint64_t hi);
uint64_t balloon_populate(uint64_t lo, uint64_t hi);

#endif
