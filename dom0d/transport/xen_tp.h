/*
 * xen_tp.h - guests over libxenvchan: p-dom0d watches xenstore for any
 * domain publishing /local/domain/<domid>/data/pxen and connects to that
 * vchan server endpoint as its client.
 */
#ifndef PXEN_DOM0D_XEN_TP_H
#define PXEN_DOM0D_XEN_TP_H

struct daemon;

#define XEN_TP_PATH_FMT "/local/domain/%u/data/pxen"

/* Starts the xenstore watch; 0, or -errno (-ENOSYS: built without Xen). */
int xen_tp_start(struct daemon *d);
void xen_tp_stop(struct daemon *d);

#endif
