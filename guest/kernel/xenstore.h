/*
 * xenstore.h - a xenstore client on the domain's ring (HVM params
 * STORE_PFN/EVTCHN): what the kernel needs, reads and writes outside
 * transactions.  Requests are answered in order.  Paths are absolute or
 * relative to /local/domain/<domid>.  Results: >= 0 success, -errno (Linux
 * numbers, from xenstored's error name) on failure.
 */
#ifndef PXEN_KERNEL_XENSTORE_H
#define PXEN_KERNEL_XENSTORE_H

#include <stddef.h>
#include <stdint.h>

int xs_init(void);
/* Reads a value into buf (NUL-terminated); returns its length. */
int xs_read(const char *path, char *buf, size_t cap);
int xs_write(const char *path, const char *value);
/* Writes n keys in order, without waiting between them; the first error. */
int xs_write_all(const char *const *paths, const char *const *values, int n);
int xs_rm(const char *path);

#endif
