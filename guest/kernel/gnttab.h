/*
 * gnttab.h - this domain's grant table (v1), one frame mapped into the
 * image: refs 8..511 are ours (0..7 belong to the toolstack's console and
 * xenstore).  The kernel grants only to dom0.
 */
#ifndef PXEN_KERNEL_GNTTAB_H
#define PXEN_KERNEL_GNTTAB_H

#include "xenhdr.h"

int gnttab_init(void);
/* Grants dom0 write access to the page at p; returns the ref or <0. */
int gnttab_grant(void *page, domid_t to);
/* Revokes a grant; 0 on success, -1 while the peer still maps it. */
int gnttab_revoke(int ref);

#endif
