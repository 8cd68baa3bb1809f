/*
 * resolve.h - name lookups without stalling the event loop, for RESOLVE
 * and for CONNECT's policy check against rules that name a host.  Each
 * lookup runs getaddrinfo on a thread of its own (glibc's getaddrinfo_a
 * queues behind 20 threads, so one guest's slow lookups would delay every
 * other guest's), within a budget per guest and one for the daemon; the
 * thread signals completion through an eventfd the loop watches, and the
 * answer is handled on the loop's thread.
 */
#ifndef PXEN_DOM0D_RESOLVE_H
#define PXEN_DOM0D_RESOLVE_H

#include <stdint.h>

struct addrinfo;
struct daemon;
struct guest;

/* A finished lookup, on the loop's thread: res the addresses, or NULL with
 * err a getaddrinfo error; g NULL when the guest went away meanwhile.  ctx
 * is the caller's, which the callback frees if it must. */
typedef void resolve_done_fn(struct guest *g, uint32_t tag, void *ctx, const struct addrinfo *res,
			     int err);

/* 0, or -errno when the eventfd cannot be made. */
int resolve_start(struct daemon *d);
/* Looks up name (addresses carry port) for g; done runs once it is
 * answered.  0, or an errno value with *why (EAGAIN: g's or the daemon's
 * budget is used up), and then done never runs. */
int resolve_lookup(struct guest *g, uint32_t tag, const char *name, unsigned port,
		   resolve_done_fn *done, void *ctx, const char **why);
/* RESOLVE name:port for g's request tag; the reply (RESOLVE_R or ERROR)
 * follows later. */
void resolve_submit(struct guest *g, uint32_t tag, const char *name, unsigned port);
/* g is going away: its lookups finish with g NULL. */
void resolve_forget(struct guest *g);
/* Waits for lookups still running, then frees everything. */
void resolve_stop(struct daemon *d);

#endif
