/*
 * gnttab.h - this domain's grant table (v1), one frame mapped into the
 * image: refs 8..511 are ours (0..7 belong to the toolstack's console and
 * xenstore).  The kernel grants only to dom0, and only pages that stay
 * shared for the domain's life (the vchan), so grants are never revoked;
 * a domain resumed after a suspend starts with an empty table.
 */
#ifndef PXEN_KERNEL_GNTTAB_H
#define PXEN_KERNEL_GNTTAB_H

#include "xenhdr.h"

int gnttab_init(void);
/* Grants domain `to` (always dom0 here) read-write access to the page, a
 * page-aligned address in the image; returns the ref, or -1 when the
 * table is full. */
int gnttab_grant(void *page, domid_t to);
/* After resuming in a new domain: maps the new, empty table; every grant
 * has to be made again. */
int gnttab_resume(void);

#endif
