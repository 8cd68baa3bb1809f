/*
 * xenstore.h - a xenstore client on the domain's ring (HVM params
 * STORE_PFN/EVTCHN).  One request is outstanding at a time; watch events
 * that arrive meanwhile are queued for xs_watch_event().  Paths are
 * absolute or relative to /local/domain/<domid>.  Results: >= 0 success,
 * -errno (Linux numbers, from xenstored's error name) on failure.
 */
#ifndef PXEN_KERNEL_XENSTORE_H
#define PXEN_KERNEL_XENSTORE_H

#include <stddef.h>
#include <stdint.h>

int xs_init(void);
/* Reads a value into buf (NUL-terminated); returns its length. */
int xs_read(uint32_t tx, const char *path, char *buf, size_t cap);
int xs_write(uint32_t tx, const char *path, const char *value);
int xs_rm(uint32_t tx, const char *path);
/* Child names, each NUL-terminated, concatenated; returns total bytes. */
int xs_directory(uint32_t tx, const char *path, char *buf, size_t cap);
/* perms: NUL-separated permission strings ("n5\0r0\0"), total length len. */
int xs_set_perms(uint32_t tx, const char *path, const char *perms, size_t len);
int xs_tx_start(uint32_t *tx);
/* Commits (commit=1) or aborts; -EAGAIN means redo the transaction. */
int xs_tx_end(uint32_t tx, int commit);
int xs_watch(const char *path, const char *token);
/* Copies the path of the oldest queued watch event; 0 if none queued. */
int xs_watch_event(char *path, size_t cap);

#endif
