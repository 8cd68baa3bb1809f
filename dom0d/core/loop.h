/*
 * loop.h - p-dom0d's event loop: one epoll set; every watched object embeds
 * a struct watch whose callback runs when its fd is ready.
 */
#ifndef PXEN_DOM0D_LOOP_H
#define PXEN_DOM0D_LOOP_H

#include <stdint.h>

struct daemon;

/* Embedded in anything registered with epoll; data.ptr points at it. */
struct watch {
	void (*fn)(struct daemon *d, struct watch *w, uint32_t events);
	int fd;
};

/* Event registration: add/modify/remove w for events. */
int loop_set(struct daemon *d, struct watch *w, uint32_t events, int add);
void loop_del(struct daemon *d, struct watch *w);
/* A listener found no descriptor for a new connection: stops watching the
 * daemon's listeners, the guests' REPL sockets among them (each would
 * report its waiting connection forever), and watches them again a second
 * later. */
void loop_pause_accept(struct daemon *d);
/* Waits up to timeout_ms (-1: no limit) and handles one batch of events,
 * then services and flushes every guest and releases the dead ones.
 * Returns the number of events, or -1 when the loop cannot go on. */
int loop_once(struct daemon *d, int timeout_ms);

#endif
