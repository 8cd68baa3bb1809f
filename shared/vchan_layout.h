/*
 * vchan_layout.h - the shared control page of a libxenvchan channel, as
 * libxenvchan (Xen's tools/libs/vchan) lays it out, re-declared here so
 * that freestanding code need not include <xen/io/libxenvchan.h>.
 *
 * Roles: the server (our guest) creates and grants the pages; the client
 * (p-dom0d, libxenvchan_client_init) maps them.  The left ring carries
 * client -> server bytes, the right ring server -> client.  Orders 10 and
 * 11 put a ring inside this page (at 1024 / 2048); order >= 12 uses
 * 2^(order-12) separate pages whose grant refs follow in grants[] (all
 * left pages first).  The notify bytes are one-shot requests: a side sets
 * VCHAN_NOTIFY_WRITE in its outbox to be kicked when the peer writes,
 * VCHAN_NOTIFY_READ to be kicked when the peer consumes.  Server inbox =
 * srv_notify, outbox = cli_notify.
 */
#ifndef PXEN_SHARED_VCHAN_LAYOUT_H
#define PXEN_SHARED_VCHAN_LAYOUT_H

#include <stdint.h>

struct vchan_ring_shared {
	uint32_t cons, prod;
};

struct vchan_page {
	struct vchan_ring_shared left, right;
	uint16_t left_order, right_order;
	uint8_t cli_live, srv_live;
	uint8_t cli_notify, srv_notify;
	uint32_t grants[];
};

enum { VCHAN_NOTIFY_WRITE = 1, VCHAN_NOTIFY_READ = 2 };
enum { VCHAN_LIVE_GONE = 0, VCHAN_LIVE_UP = 1, VCHAN_LIVE_WAITING = 2 };
enum { VCHAN_ORDER_MIN = 10, VCHAN_ORDER_MAX = 20, VCHAN_PAGE_ORDER = 12 };

_Static_assert(sizeof(struct vchan_page) == 24, "vchan_page size");
_Static_assert(__builtin_offsetof(struct vchan_page, left_order) == 16, "left_order");
_Static_assert(__builtin_offsetof(struct vchan_page, cli_live) == 20, "cli_live");
_Static_assert(__builtin_offsetof(struct vchan_page, srv_notify) == 23, "srv_notify");

#endif
