/*
 * fs9p.h - the guest's files: a 9P2000.L server confined to one export
 * root (read-only or not).  Pure request-to-reply: no daemon, no transport.
 */
#ifndef PXEN_DOM0D_FS9P_H
#define PXEN_DOM0D_FS9P_H

#include <stddef.h>
#include <stdint.h>

#include "core/policy.h"

struct fs9p;

/* Serves the directory open at root_fd (taken over) within quota (NULL:
 * none); NULL without memory.  The descriptors fids hold stay below
 * fd_ceiling (fdbudget.h). */
struct fs9p *fs9p_new(int root_fd, int read_only, const struct fs_quota *quota, uint32_t msize,
		      int fd_ceiling);
void fs9p_free(struct fs9p *fs);
/* Handles one 9P request, writing the reply into out (cap bytes). */
long fs9p_handle(struct fs9p *fs, const uint8_t *req, size_t len, uint8_t *out, size_t cap);

#endif
