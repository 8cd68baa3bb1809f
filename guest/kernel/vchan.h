/*
 * vchan.h - the guest's vchan SERVER endpoint, wire-compatible with
 * libxenvchan: dom0 connects with
 *   libxenvchan_client_init(logger, domid, "/local/domain/<domid>/<path>").
 * Rings are 64 KiB each way (order 16: 16 separate granted pages each).
 * One channel per guest.  Reads and writes block by polling the channel's
 * event port; "closed" means dom0 set cli_live = 0 (it closed or died).
 */
#ifndef PXEN_KERNEL_VCHAN_H
#define PXEN_KERNEL_VCHAN_H

#include <stddef.h>
#include <stdint.h>

/* Grants the pages, allocates the port for dom0 and publishes ring-ref and
 * event-channel under `path` (relative to the xenstore home). */
int vchan_listen(const char *path);
/* Before a suspend: tells dom0 the server is going (srv_live 0). */
void vchan_suspend(void);
/* After it: in a new domain (xl restore, migration) grants the pages and
 * allocates a port again; either way the channel reads as closed, so that
 * the client relinks through vchan_relisten. */
int vchan_resume(int new_domain);
/* After dom0's end went away (VCHAN_PEER_GONE): resets the rings and
 * offers the same endpoint again for the next p-dom0d. */
int vchan_relisten(void);
enum { VCHAN_PEER_WAITING, VCHAN_PEER_UP, VCHAN_PEER_GONE };
/* Whether a dom0 client is connected, awaited, or has left. */
int vchan_peer(void);
/* Blocks until dom0 has connected or Xen time passes deadline_ns (0: no
 * deadline); 1 if connected. */
int vchan_wait_connected(uint64_t deadline_ns);
enum { VCHAN_WANT_RECV = 1, VCHAN_WANT_SEND = 2 };
/* Which of `want` can make progress now (data to read / room to write, or
 * dom0 gone). */
int vchan_ready(int want);
/* Asks dom0 to signal the port when `want` may have become ready; call
 * before re-checking vchan_ready and sleeping in vchan_wait. */
void vchan_arm(int want);
/* Non-blocking: bytes moved (0: none possible now), -1 once dom0 closed
 * (for receiving: and the ring is drained). */
long vchan_recv_some(void *buf, size_t n);
long vchan_send_some(const void *buf, size_t n);
/* Reads up to n bytes.  With block set, waits for at least one byte.
 * Returns the count, 0 if none (non-blocking), -1 once dom0 has closed
 * and the ring is drained. */
long vchan_read(void *buf, size_t n, int block);
/* Writes all n bytes (waiting for ring space); -1 if dom0 is gone. */
long vchan_write(const void *buf, size_t n);
/* Bytes ready to read without blocking. */
size_t vchan_readable(void);
/* Waits until the channel is signalled or deadline_ns (0: forever). */
void vchan_wait(uint64_t deadline_ns);
/* The channel's event port, for waits on it and other ports together. */
uint32_t vchan_event_port(void);
/* Tells dom0 the server is going away and withdraws the keys. */
void vchan_close(void);

#endif
