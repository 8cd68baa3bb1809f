/*
 * transport.h - the byte pipe beneath the pxen protocol client.
 *
 * The client (guest/client) speaks PROTOCOL.md over exactly one reliable,
 * ordered byte stream to p-dom0d.  Each platform provides it: the bare guest
 * over its vchan server endpoint (guest/kernel), the hosted `p` over a local
 * stream socket (guest/hosted).  The client calls only these three
 * functions; all are freestanding and never block except transport_wait.
 *
 * Errors are negative PLAT_Exxx numbers (platform.h); -PLAT_EPIPE means the
 * peer is gone for good.  Framing is the client's business: the transport
 * may accept or deliver any number of bytes at a time.
 */
#ifndef PXEN_TRANSPORT_H
#define PXEN_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

/* Copies up to n bytes into the pipe without blocking; returns how many it
 * took (0 when the pipe is full), or a negative error. */
long transport_send(const void *buf, size_t n);

/* Takes up to n bytes out of the pipe without blocking; returns how many
 * (0 when nothing is waiting), or a negative error.  After the peer closed,
 * bytes still buffered are delivered first, then -PLAT_EPIPE. */
long transport_recv(void *buf, size_t n);

enum {
	TRANSPORT_RECV = 1,	/* wake when bytes may be readable */
	TRANSPORT_SEND = 2,	/* wake when room may have appeared */
};

/* Sleeps until one of the events in `want` may have happened, or until
 * timeout_ns has passed (timeout_ns < 0: no limit).  Spurious wake-ups are
 * allowed: the caller re-checks with send/recv.  Returns the subset of
 * `want` that may be ready (0 on timeout), or a negative error. */
int transport_wait(int want, int64_t timeout_ns);

/* After -PLAT_EPIPE: offers the pipe again (or looks for p-dom0d again)
 * and waits up to timeout_ns (< 0: no limit) for a new p-dom0d to take
 * it.  0 once one has: the pipe is empty and new, and the client starts
 * over with HELLO.  -PLAT_EAGAIN when none came yet (call again), or
 * -PLAT_EPIPE when this transport cannot come back. */
int transport_reconnect(int64_t timeout_ns);

#endif
