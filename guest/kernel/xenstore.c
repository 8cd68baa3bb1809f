/* xenstore.c - xenstore wire protocol over the shared ring. */
#include "xenstore.h"
#include "clock.h"
#include "evtchn.h"
#include "hypercall.h"
#include <string.h>

static struct xenstore_domain_interface *ring;
static evtchn_port_t port;
static uint32_t next_req_id = 1;

/* Tokens of the watches set, and whether each fired since last asked. */
#define MAX_WATCHES 4
static const char *watch_token[MAX_WATCHES];
static const char *watch_path[MAX_WATCHES];
static int watch_fired[MAX_WATCHES];
static int nwatches;
/* Replies still to come for requests nobody waits for; dropped on arrival
 * (replies come back in request order). */
static unsigned unanswered;

int xs_init(void)
{
	uint64_t pfn, evt;
	if (hyp_get_param(HVM_PARAM_STORE_PFN, &pfn) < 0 ||
	    hyp_get_param(HVM_PARAM_STORE_EVTCHN, &evt) < 0 || pfn == 0)
		return -1;
	ring = (struct xenstore_domain_interface *)(uintptr_t)(pfn << 12);
	port = (evtchn_port_t)evt;
	return 0;
}

static void wait_store(void)
{
	evtchn_wait(&port, 1, clock_now() + 100000000ull);
	evtchn_test_clear(port);
}

static void ring_put(const void *data, size_t n)
{
	const char *p = data;
	while (n) {
		XENSTORE_RING_IDX cons = __atomic_load_n(&ring->req_cons, __ATOMIC_ACQUIRE);
		XENSTORE_RING_IDX prod = ring->req_prod;
		size_t space = XENSTORE_RING_SIZE - (prod - cons);
		if (space == 0) {
			evtchn_send(port);
			wait_store();
			continue;
		}
		size_t chunk = n < space ? n : space;
		for (size_t i = 0; i < chunk; i++)
			ring->req[MASK_XENSTORE_IDX(prod + i)] = p[i];
		__atomic_thread_fence(__ATOMIC_RELEASE);
		__atomic_store_n(&ring->req_prod, prod + (XENSTORE_RING_IDX)chunk, __ATOMIC_RELEASE);
		evtchn_send(port);
		p += chunk;
		n -= chunk;
	}
}

/* Reads n bytes; bytes beyond cap are consumed and dropped. */
static void ring_get(void *data, size_t n, size_t cap)
{
	char *p = data;
	size_t done = 0;
	while (done < n) {
		XENSTORE_RING_IDX prod = __atomic_load_n(&ring->rsp_prod, __ATOMIC_ACQUIRE);
		XENSTORE_RING_IDX cons = ring->rsp_cons;
		size_t avail = prod - cons;
		if (avail == 0) {
			wait_store();
			continue;
		}
		size_t chunk = n - done < avail ? n - done : avail;
		for (size_t i = 0; i < chunk; i++, done++)
			if (done < cap)
				p[done] = ring->rsp[MASK_XENSTORE_IDX(cons + i)];
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		__atomic_store_n(&ring->rsp_cons, cons + (XENSTORE_RING_IDX)chunk, __ATOMIC_RELEASE);
		evtchn_send(port);
	}
}

static const struct { const char *name; int err; } xs_errors[] = {
	{ "ENOENT", 2 }, { "EIO", 5 }, { "E2BIG", 7 }, { "EAGAIN", 11 },
	{ "ENOMEM", 12 }, { "EACCES", 13 }, { "EBUSY", 16 }, { "EEXIST", 17 },
	{ "EISDIR", 21 }, { "EINVAL", 22 }, { "ENOSPC", 28 }, { "EROFS", 30 },
	{ "ENOSYS", 38 }, { "ENOTEMPTY", 39 }, { "EQUOTA", 122 },
};

static int error_code(const char *name)
{
	for (size_t i = 0; i < sizeof xs_errors / sizeof xs_errors[0]; i++)
		if (strcmp(name, xs_errors[i].name) == 0)
			return -xs_errors[i].err;
	return -5;
}

/* Queues one request made of up to two payload parts. */
static int send_request(uint32_t type, uint32_t tx, const void *a, size_t alen,
			const void *b, size_t blen)
{
	struct xsd_sockmsg h = {
		.type = type, .req_id = next_req_id++, .tx_id = tx,
		.len = (uint32_t)(alen + blen),
	};
	if (h.len > XENSTORE_PAYLOAD_MAX)
		return -7;
	ring_put(&h, sizeof h);
	ring_put(a, alen);
	if (blen)
		ring_put(b, blen);
	return 0;
}

/* Consumes a watch event's payload (path NUL token) and notes which of
 * our watches it is for; events for unknown tokens are dropped. */
static void take_watch_event(uint32_t len)
{
	char ev[256];
	size_t cap = sizeof ev - 1;
	ring_get(ev, len, cap);
	ev[len < cap ? len : cap] = 0;
	size_t plen = strlen(ev);
	if (plen + 1 >= (len < cap ? len : cap))
		return;
	const char *token = ev + plen + 1;
	for (int i = 0; i < nwatches; i++)
		if (!strcmp(token, watch_token[i]))
			watch_fired[i] = 1;
}

/* Takes the next reply and returns its payload length (copied into reply,
 * NUL-terminated if room).  Watch events met on the way are recorded. */
static int get_reply(char *reply, size_t cap)
{
	for (;;) {
		struct xsd_sockmsg r;
		ring_get(&r, sizeof r, sizeof r);
		if (r.len > XENSTORE_PAYLOAD_MAX)
			return -5;
		if (r.type == XS_WATCH_EVENT) {
			take_watch_event(r.len);
			continue;
		}
		if (unanswered) {
			unanswered--;
			ring_get(NULL, r.len, 0);
			continue;
		}
		char err[32];
		if (r.type == XS_ERROR) {
			ring_get(err, r.len, sizeof err - 1);
			err[r.len < sizeof err - 1 ? r.len : sizeof err - 1] = 0;
			return error_code(err);
		}
		ring_get(reply, r.len, cap);
		if (cap)
			reply[r.len < cap ? r.len : cap - 1] = 0;
		return (int)r.len;
	}
}

static int request(uint32_t type, uint32_t tx, const void *a, size_t alen,
		   const void *b, size_t blen, char *reply, size_t cap)
{
	int rc = send_request(type, tx, a, alen, b, blen);
	return rc < 0 ? rc : get_reply(reply, cap);
}

int xs_write_all(const char *const *paths, const char *const *values, int n)
{
	int sent = 0, rc = 0;
	/* All requests first, then all replies: one wake-up of xenstored
	 * instead of one per key (replies come back in request order). */
	for (; sent < n; sent++)
		if ((rc = send_request(XS_WRITE, 0, paths[sent], strlen(paths[sent]) + 1,
				       values[sent], strlen(values[sent]))) < 0)
			break;
	for (int i = 0; i < sent; i++) {
		char ok[4];
		int r = get_reply(ok, sizeof ok);
		if (r < 0 && rc == 0)
			rc = r;
	}
	return rc < 0 ? rc : 0;
}

int xs_read(const char *path, char *buf, size_t cap)
{
	return request(XS_READ, 0, path, strlen(path) + 1, NULL, 0, buf, cap);
}

int xs_write(const char *path, const char *value)
{
	char ok[4];
	int rc = request(XS_WRITE, 0, path, strlen(path) + 1, value, strlen(value),
			 ok, sizeof ok);
	return rc < 0 ? rc : 0;
}

int xs_rm(const char *path)
{
	char ok[4];
	int rc = request(XS_RM, 0, path, strlen(path) + 1, NULL, 0, ok, sizeof ok);
	return rc < 0 ? rc : 0;
}

int xs_write_nowait(const char *path, const char *value)
{
	int rc = send_request(XS_WRITE, 0, path, strlen(path) + 1, value, strlen(value));
	if (rc == 0)
		unanswered++;
	return rc;
}

int xs_watch(const char *path, const char *token)
{
	if (nwatches == MAX_WATCHES)
		return -28;
	int rc = send_request(XS_WATCH, 0, path, strlen(path) + 1, token, strlen(token) + 1);
	if (rc < 0)
		return rc;
	unanswered++;
	watch_path[nwatches] = path;
	watch_token[nwatches] = token;
	watch_fired[nwatches] = 0;
	return nwatches++;
}

int xs_watch_fired(int id)
{
	/* Between requests the ring can only hold watch events. */
	while (__atomic_load_n(&ring->rsp_prod, __ATOMIC_ACQUIRE) != ring->rsp_cons) {
		struct xsd_sockmsg r;
		ring_get(&r, sizeof r, sizeof r);
		if (r.type == XS_WATCH_EVENT && r.len <= XENSTORE_PAYLOAD_MAX) {
			take_watch_event(r.len);
			continue;
		}
		if (unanswered)
			unanswered--;
		ring_get(NULL, r.len <= XENSTORE_PAYLOAD_MAX ? r.len : 0, 0);
	}
	if (id < 0 || id >= nwatches || !watch_fired[id])
		return 0;
	watch_fired[id] = 0;
	return 1;
}

evtchn_port_t xs_event_port(void)
{
	return port;
}

void xs_quiesce(void)
{
	while (unanswered) {
		char none[4];
		/* get_reply drops unanswered replies before the one it returns;
		 * with none awaited beyond them, ask for something harmless. */
		xs_read("domid", none, sizeof none);
	}
}

int xs_resume(void)
{
	int rc = xs_init();
	if (rc < 0)
		return rc;
	/* The ring came back with the rest of memory, indices and all;
	 * answers the old xenstored owed are lost with it. */
	ring->rsp_cons = __atomic_load_n(&ring->rsp_prod, __ATOMIC_ACQUIRE);
	for (int i = 0; i < nwatches; i++) {
		rc = send_request(XS_WATCH, 0, watch_path[i], strlen(watch_path[i]) + 1,
				  watch_token[i], strlen(watch_token[i]) + 1);
		if (rc < 0)
			return rc;
		unanswered++;
	}
	return 0;
}
