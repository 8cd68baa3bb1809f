/*
 * stream.h - byte streams between a guest channel and a host fd (its
 * stdio, sockets, listeners), with credit-based flow control both ways.
 */
#ifndef PXEN_DOM0D_STREAM_H
#define PXEN_DOM0D_STREAM_H

#include <stdint.h>

#include "core/bq.h"
#include "core/loop.h"
#include "px_codec.h"
#include "px_wire.h"

struct guest;

enum stream_kind { SK_STDIN, SK_STDOUT, SK_STDERR, SK_SOCKET, SK_LISTENER };

struct stream {
	struct watch w;		/* fd: the host end; -1 when there is none */
	struct guest *g;
	struct stream *next;
	uint16_t chan;
	enum stream_kind kind;
	int always_ready;	/* fd cannot be polled (regular file, /dev/null) */
	int is_socket;
	uint32_t events;	/* what is registered with epoll */
	uint32_t credit;	/* bytes dom0 may still send the guest */
	uint32_t granted;	/* bytes the guest may still send dom0 */
	struct bq pend;		/* guest bytes waiting for the fd */
	int eof_sent;		/* host side reached EOF and the guest was told */
	int guest_eof;		/* guest closed its writing end */
	int live;		/* sockets: connected or accepted */
	int bound;		/* sockets: bound by a BIND the policy allowed */
	int connecting;		/* nonblocking connect in progress */
	void *check;		/* CONNECT waiting for its policy check's lookups
				 * (net.c), or NULL */
	uint32_t connect_tag;	/* that CONNECT, while connecting or checking */
	uint32_t accept_tag;	/* pending ACCEPT, or 0 */
	uint32_t poll_tag;	/* pending POLL, or 0 */
};

struct stream *stream_open(struct guest *g, uint16_t chan, enum stream_kind kind, int fd);
struct stream *stream_find(struct guest *g, uint16_t chan);
void stream_close(struct stream *s);
void stream_handle(struct guest *g, const struct px_hdr *h, struct px_field *f);
void stream_service_ready(struct guest *g);
int stream_pending(const struct guest *g);
/* Writes out what every stream holds (an exiting detached guest's output
 * is dropped when no REPL client is there to take it). */
void stream_push_all(struct guest *g);
int stream_busy(const struct guest *g);
void stream_rearm(struct stream *s);

#endif
