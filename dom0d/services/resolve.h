/*
 * resolve.h - name resolution for RESOLVE without stalling the event loop:
 * glibc's getaddrinfo_a does each lookup on a thread of its own and signals
 * completion through an eventfd the loop watches; the answer is turned into
 * a reply on the loop's thread.  A guest that goes away first has its
 * pending answers dropped.
 */
#ifndef PXEN_DOM0D_RESOLVE_H
#define PXEN_DOM0D_RESOLVE_H

struct daemon;
struct guest;

/* 0, or -errno when the eventfd cannot be made. */
int resolve_start(struct daemon *d);
/* Starts a lookup of name:port for g's request tag; the reply follows later
 * (RESOLVE_R or ERROR). */
void resolve_submit(struct guest *g, uint32_t tag, const char *name, unsigned port);
void resolve_forget(struct guest *g);
/* Waits for lookups still running, then frees everything. */
void resolve_stop(struct daemon *d);

#endif
