/*
 * guestconf.h - policies for guests that other toolstacks (xl, libvirt)
 * start, read from p-dom0d's --config file and matched by the domain's name
 * in xenstore.  One guest per line, '#' starts a comment:
 *
 *     NAME [root=DIR] [ro] [net=RULE]... [bytes=N] [files=N] [fids=N]
 *
 * RULE and the quotas as in policy.h.  A guest neither registered by p-launch nor named
 * here gets nothing: no files, no network.
 */
#ifndef PXEN_DOM0D_GUESTCONF_H
#define PXEN_DOM0D_GUESTCONF_H


struct guestconf;

/* Reads path; NULL with a message (naming the line) in err on failure. */
struct guestconf *guestconf_load(const char *path, char *err, size_t cap);
/* The policy for a guest called name, or NULL. */
const struct policy *guestconf_find(const struct guestconf *c, const char *name);
void guestconf_free(struct guestconf *c);

#endif
