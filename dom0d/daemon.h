/*
 * daemon.h - p-dom0d's shared types: the daemon, its guests, their streams
 * and the event-loop hook every watched object embeds.
 *
 * Everything hangs off one struct daemon created at the top of main; no
 * other mutable state exists.  A guest owns its streams, fids and sockets,
 * and guest_drop releases all of them.
 */
#ifndef PXEN_DOM0D_DAEMON_H
#define PXEN_DOM0D_DAEMON_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "policy.h"
#include "px_codec.h"
#include "px_wire.h"

struct daemon;
struct guest;

/* Embedded in anything registered with epoll; data.ptr points at it. */
struct watch {
	void (*fn)(struct daemon *d, struct watch *w, uint32_t events);
	int fd;
};

/* A byte queue: appended at the tail, consumed from the head. */
struct bq {
	uint8_t *buf;
	size_t off, len, cap;
};
int bq_append(struct bq *q, const void *p, size_t n);
void bq_consume(struct bq *q, size_t n);
void bq_free(struct bq *q);

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
	int connecting;		/* nonblocking connect in progress */
	uint32_t connect_tag;
	uint32_t accept_tag;	/* pending ACCEPT, or 0 */
	uint32_t poll_tag;	/* pending POLL, or 0 */
};

struct fs9p;
struct repl;
struct guestconf;
struct resolver;

struct guest {
	struct watch w;		/* the transport's fd */
	struct daemon *d;
	struct guest *next;
	const struct gtransport *tp;
	void *tpctx;
	uint32_t domid;
	char name[64];
	struct policy pol;
	int hello_done;
	uint32_t max_frame;
	uint8_t *in;		/* partial frame being received */
	size_t in_len;
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
	int launcher_fd;	/* control connection to tell about the exit, or -1 */
	struct repl *repl;	/* detached: the REPL socket, else NULL */
	char reason[128];
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
};

#define GUEST_OUT_LIMIT (1u << 20)
#define GUEST_MAX_STREAMS 1024

struct daemon {
	int ep;
	int use_syslog;
	int verbose;
	int single;		/* --guest-fd: exit when the last guest is gone */
	int quit;
	struct policy local_pol;	/* for guests on the local socket */
	struct guest *guests;
	struct launch_reg *regs;	/* policies registered by launchers */
	struct stream *graveyard;	/* closed during this event batch */
	char run_dir[256];
	int nguests;
	struct watch local_l;	/* --listen socket, fd -1 when none */
	struct watch control_l;	/* launcher control socket, fd -1 when none */
	struct lconn *lconns;	/* open launcher connections */
	struct xen_watch *xen;	/* xenstore discovery, NULL without Xen */
	const char *single_repl;	/* --repl-socket: the one guest is detached */
	struct guestconf *conf;	/* --config: policies by xenstore name */
	struct resolver *resolver;	/* lookups in progress for RESOLVE */
};

/* Releases every guest, registration, connection and listener. */
void daemon_release(struct daemon *d);

/* Logging: to stderr, or syslog with --syslog; g may be NULL. */
void dlog(struct daemon *d, struct guest *g, int level, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
enum { DLOG_ERR = 3, DLOG_WARN = 4, DLOG_INFO = 6, DLOG_DEBUG = 7 };

/* Event registration: add/modify/remove w for events. */
int loop_set(struct daemon *d, struct watch *w, uint32_t events, int add);
void loop_del(struct daemon *d, struct watch *w);
/* Waits up to timeout_ms (-1: no limit) and handles one batch of events,
 * then services and flushes every guest and releases the dead ones.
 * Returns the number of events, or -1 when the loop cannot go on. */
int loop_once(struct daemon *d, int timeout_ms);

/* The guest connection (guest.c). */
struct guest *guest_new(struct daemon *d, const struct gtransport *tp, void *tpctx, int fd,
			uint32_t domid, const char *name, const struct policy *pol);
void guest_on_event(struct daemon *d, struct watch *w, uint32_t events);
/* Queues one frame toward the guest; body per the type's schema. */
void guest_send(struct guest *g, unsigned type, unsigned chan, uint32_t tag,
		const struct px_field *f);
void guest_send_error(struct guest *g, unsigned chan, uint32_t tag, int err, const char *text);
/* Marks the guest for release with a logged reason; done after the event. */
void guest_kill(struct guest *g, const char *why);
void guest_reap(struct daemon *d);
void guest_flush(struct guest *g);
int guest_out_room(const struct guest *g);

/* Control channel (ctl.c). */
void ctl_handle(struct guest *g, const struct px_hdr *h, struct px_field *f);
void ctl_exit_check(struct guest *g);

/* Streams (stream.c). */
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

/* Sockets (net.c). */
void net_handle(struct guest *g, const struct px_hdr *h, struct px_field *f);
void net_on_event(struct stream *s, uint32_t events);

/* Files (fs9p.c). */
struct fs9p *fs9p_new(int root_fd, int read_only, uint32_t msize);
void fs9p_free(struct fs9p *fs);
/* Handles one 9P request, writing the reply into out (cap bytes). */
long fs9p_handle(struct fs9p *fs, const uint8_t *req, size_t len, uint8_t *out, size_t cap);

#endif
