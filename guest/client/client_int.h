/*
 * client_int.h - the client's internal state shared by its parts: the
 * handle table, the frame pump and the request/reply path.
 */
#ifndef PXEN_CLIENT_INT_H
#define PXEN_CLIENT_INT_H

#include "client.h"
#include "px_msgs.h"

#define CL_HANDLES 256
#define CL_RX 16384	/* receive window per stream */

enum cl_kind { CK_FREE, CK_STREAM, CK_FILE, CK_DIR, CK_LISTENER };

struct cl_handle {
	enum cl_kind kind;
	uint16_t chan;		/* streams and sockets */
	int writable, readable;
	uint8_t *rx;		/* ring of CL_RX bytes, from plat_pages_alloc */
	uint32_t rx_head, rx_len;
	uint32_t rx_unacked;	/* consumed, not yet credited back */
	uint32_t tx_credit;
	int eof;
	int is_socket;
	uint32_t fid;		/* files and directories */
	uint64_t offset;
	uint32_t iounit;
	uint8_t *dir;		/* directories: Rreaddir data, from pages */
	uint32_t dir_len, dir_pos;
	int dir_end;
	int lost;		/* held by a p-dom0d that went away */
};

extern struct cl_handle cl_h[CL_HANDLES];
extern uint32_t cl_max_frame;
extern uint32_t cl_caps;
extern void (*cl_mirror)(const void *buf, size_t n);

/* A decoded reply: header, and fields per the reply type's schema. */
struct cl_reply {
	struct px_hdr h;
	struct px_field f[PX_MAX_FIELDS];
	const uint8_t *body;
};

/* Sends one frame (waits for room while taking in incoming frames). */
int cl_send(unsigned type, unsigned chan, uint32_t tag, const struct px_field *f);
/* Sends a request and waits for its reply (ERROR becomes a negative errno
 * with *r still filled).  The reply stays valid until the next request. */
int cl_call(unsigned type, unsigned chan, const struct px_field *f, struct cl_reply *r);
/* cl_call for requests that are safe to repeat: one lost with a p-dom0d
 * that went away is sent again to the next one. */
int cl_call_again(unsigned type, unsigned chan, const struct px_field *f, struct cl_reply *r);
/* Sends a 9P request and waits for its reply; returns the reply type or
 * -errno (Rlerror, or transport trouble).  f is overwritten with the reply's
 * fields. */
int cl_p9(unsigned type, struct px_field *f);
/* The link to p-dom0d broke: stdio streams start over (no credit either
 * way, input already received kept); every other handle is lost. */
void cl_handles_unlinked(void);
/* Takes in what has arrived; waits up to timeout_ns first when nothing has
 * (-1: no limit, 0: just look).  A link that broke is rebuilt within the
 * same wait (callers look again: what they awaited may be lost).  Returns
 * 0, or -PLAT_EPIPE when dom0 is gone for good. */
int cl_pump(int64_t timeout_ns);

/* A CL_RX-byte buffer for a stream or a directory listing. */
void *cl_buf_alloc(void);
void cl_buf_free(void *b);

int cl_handle_new(enum cl_kind kind);
void cl_handle_free(int h);
struct cl_handle *cl_handle_get(int h);
/* Makes handle h a stream on chan; grant: open the receive window now. */
int cl_stream_init(int h, uint16_t chan, int readable, int writable, int grant);
/* Opens or tops up the receive window of a readable stream. */
int cl_stream_grant(struct cl_handle *s);
void cl_stream_data(uint16_t chan, const uint8_t *p, uint32_t len);
void cl_stream_eof(uint16_t chan);
void cl_stream_credit(uint16_t chan, uint32_t n);
long cl_stream_read(struct cl_handle *s, void *buf, size_t n);
long cl_stream_write(struct cl_handle *s, const void *buf, size_t n);

extern int cl_interrupt;
/* The handle waiting for ACCEPT_R, which names its channel, or -1. */
extern int cl_pending_accept;

int cl_files_start(void);
long cl_file_read(struct cl_handle *h, void *buf, size_t n);
long cl_file_write(struct cl_handle *h, const void *buf, size_t n);
void cl_file_close(struct cl_handle *h);
void cl_socket_close(struct cl_handle *h);

#endif
