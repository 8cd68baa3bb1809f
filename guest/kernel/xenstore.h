/*
 * xenstore.h - a xenstore client on the domain's ring (HVM params
 * STORE_PFN/EVTCHN): what the kernel needs, reads and writes outside
 * transactions, and a few watches.  Requests are answered in order; watch
 * events are recorded whenever they are met (while waiting for a reply, or
 * when xs_watch_fired() drains the ring between requests).  Paths are absolute or
 * relative to /local/domain/<domid>.  Results: >= 0 success, -errno (Linux
 * numbers, from xenstored's error name) on failure.
 */
#ifndef PXEN_KERNEL_XENSTORE_H
#define PXEN_KERNEL_XENSTORE_H

#include <stddef.h>
#include <stdint.h>
#include "xenhdr.h"

int xs_init(void);
/* Reads a value into buf (NUL-terminated); returns its length. */
int xs_read(const char *path, char *buf, size_t cap);
int xs_write(const char *path, const char *value);
/* Writes n keys in order, without waiting between them; the first error. */
int xs_write_all(const char *const *paths, const char *const *values, int n);
int xs_rm(const char *path);
/* Sends a write without waiting for its answer (errors are not seen):
 * costs no round trip to dom0. */
int xs_write_nowait(const char *path, const char *value);
/* Watches path (and below) under token, which must stay valid; returns a
 * watch id >= 0.  Sent without waiting, like xs_write_nowait.  Xenstored
 * fires a new watch once at once. */
int xs_watch(const char *path, const char *token);
/* 1 once if the watch fired since the last call, else 0.  Cheap when the
 * ring is empty: the VM's safe points may call it. */
int xs_watch_fired(int id);
/* Before a suspend: takes in every reply still owed, so that none is
 * awaited from the xenstored of the domain that resumes. */
void xs_quiesce(void);
/* After resuming in a new domain: the ring's event channel again, and
 * every watch set again. */
int xs_resume(void);
/* The xenstore event channel, for waits that must wake on watch events. */
evtchn_port_t xs_event_port(void);

#endif
