/*
 * px_quota.h - the quotas a policy may set on what a guest does to its
 * export, in one list that every place naming them is generated from: the
 * REGISTER fields (PROTOCOL.md §7, one u64 each in this order), the
 * "NAME=N" words of p-dom0d's and p-launch's --quota and of --config, and
 * dom0's struct fs_quota.  0 is no limit.  Freestanding.
 *
 *   X(name, C type that holds it, what it limits)
 */
#ifndef PXEN_PX_QUOTA_H
#define PXEN_PX_QUOTA_H

#include <stdint.h>

#define PX_QUOTAS(X) \
	X(bytes, uint64_t, "bytes written over the connection's life") \
	X(files, uint32_t, "files, directories and links created") \
	X(fids, uint32_t, "fids open at once")

enum px_quota_id {
#define PX_QUOTA_ID(name, type, what) PX_QUOTA_##name,
	PX_QUOTAS(PX_QUOTA_ID)
#undef PX_QUOTA_ID
	PX_NQUOTAS
};

/* REGISTER's body letters for the quotas: "q" each. */
#define PX_QUOTA_LETTER(name, type, what) "q"
#define PX_QUOTA_FMT PX_QUOTAS(PX_QUOTA_LETTER)
/* "bytes=N, files=N, fids=N, ": for messages. */
#define PX_QUOTA_WORD(name, type, what) #name "=N, "
#define PX_QUOTA_WORDS PX_QUOTAS(PX_QUOTA_WORD)

extern const char *const px_quota_name[PX_NQUOTAS];
/* The largest value each quota's type holds. */
extern const uint64_t px_quota_max[PX_NQUOTAS];

/* Reads "NAME=N" (N decimal, optionally ending in k, M or G for 2^10,
 * 2^20, 2^30): 0 with *id and *value, or -1 for an unknown name or a value
 * that is malformed or too large for that quota. */
int px_quota_parse(const char *word, unsigned *id, uint64_t *value);

#endif
