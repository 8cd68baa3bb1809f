/*
 * guest.h - one guest's connection: its transport, policy, incoming frame
 * buffer and outgoing queue, and everything it owns (streams, fids,
 * sockets, REPL socket).  guest_kill marks it; guest_reap releases all of
 * it after the event batch.
 */
#ifndef PXEN_DOM0D_GUEST_H
#define PXEN_DOM0D_GUEST_H

#include <stddef.h>
#include <stdint.h>

#include "core/bq.h"
#include "core/loop.h"
#include "core/policy.h"
#include "core/ratelimit.h"
#include "px_codec.h"

struct daemon;
struct stream;
struct fs9p;
struct repl;

struct guest {
	struct watch w;		/* the transport's fd */
	struct daemon *d;
	struct guest *next;
	const struct gtransport *tp;
	void *tpctx;
	uint32_t domid;		/* 0 unless the transport proves it */
	uint32_t claimed_id;	/* what HELLO claims (p sends its pid): for logs only */
	char name[64];
	struct policy pol;
	int hello_done;
	uint32_t max_frame;
	uint8_t *in;		/* partial frame being received */
	size_t in_len;
	size_t turn;		/* bytes read in this turn of the loop */
	int more;		/* the turn ended before the transport ran dry */
	struct bq out;		/* frames waiting for the transport */
	struct stream *streams;
	uint16_t next_sock;
	int nsockets;
	struct fs9p *fs;
	int stdio_fds[3];	/* received with HELLO or from the launcher */
	int exiting;
	uint32_t exit_tag;
	int exit_status;
	int dead;
	int hung_up;		/* the transport closed (not a kill of ours) */
	int launcher_fd;	/* control connection to tell about the exit, or -1 */
	struct repl *repl;	/* detached: the REPL socket, else NULL */
	char reason[128];
	struct ratelimit log_rate;	/* its LOG lines */
	uint64_t since_ms;	/* first heard of (registered or connected), guest_now_ms */
};

/* How bytes reach one guest: a local socket or a vchan. */
struct gtransport {
	long (*read)(struct guest *g, void *buf, size_t n, int *fds, int *nfds);
	long (*write)(struct guest *g, const void *buf, size_t n);
	/* Re-arms after an event (vchan must acknowledge it); may be NULL. */
	void (*ack)(struct guest *g);
	void (*close)(struct guest *g);
	/* The fd only signals events (vchan): watch EPOLLIN always, and read
	 * after every batch since bytes may wait without a new event. */
	int event_only;
	/* The transport itself shows which domain the guest is (the vchan a
	 * domain owns); a local guest is no domain, whatever it claims. */
	int proves_domid;
};

#define GUEST_OUT_LIMIT (1u << 20)
#define GUEST_MAX_STREAMS 1024

struct guest *guest_new(struct daemon *d, const struct gtransport *tp, void *tpctx, int fd,
			uint32_t domid, const char *name, const struct policy *pol);
void guest_on_event(struct daemon *d, struct watch *w, uint32_t events);
/* 1 if g is Xen domain domid, proven by its transport; never for a local
 * guest, so nothing meant for a domain reaches one that claims to be it. */
int guest_is_domain(const struct guest *g, uint32_t domid);
/* Queues one frame toward the guest; body per the type's schema. */
void guest_send(struct guest *g, unsigned type, unsigned chan, uint32_t tag,
		const struct px_field *f);
void guest_send_error(struct guest *g, unsigned chan, uint32_t tag, int err, const char *text);
/* Marks the guest for release with a logged reason; done after the event. */
void guest_kill(struct guest *g, const char *why);
void guest_reap(struct daemon *d);
void guest_flush(struct guest *g);
/* A new turn of the loop: every guest may read GUEST_QUANTUM bytes more. */
void guest_new_turn(struct daemon *d);
/* 1 while some guest's turn ended with input perhaps left: the loop must
 * come round again without waiting, since a vchan signals only new data. */
int guest_more(const struct daemon *d);
int guest_out_room(const struct guest *g);
/* Milliseconds on the monotonic clock, for ages of guests. */
uint64_t guest_now_ms(void);

#endif
