/*
 * xen_tp.h - guests over libxenvchan: p-dom0d watches xenstore for any
 * domain publishing /local/domain/<domid>/data/pxen and connects to that
 * vchan server endpoint as its client.
 */
#ifndef PXEN_DOM0D_XEN_TP_H
#define PXEN_DOM0D_XEN_TP_H

#include <stdint.h>

struct daemon;

#define XEN_TP_PATH_FMT "/local/domain/%u/data/pxen"

/* Starts the xenstore watch; 0, or -errno (-ENOSYS: built without Xen). */
int xen_tp_start(struct daemon *d);
void xen_tp_stop(struct daemon *d);
/* Reads /local/domain/<domid>/<rel> as a decimal number (a guest may have
 * written it: anything else is refused); 0, or -1. */
/* 1 if domain domid exists (xenstore has its home), or without Xen. */
int xen_tp_domain_exists(struct daemon *d, unsigned domid);
int xen_tp_read_number(struct daemon *d, unsigned domid, const char *rel, uint64_t *out);

#endif
