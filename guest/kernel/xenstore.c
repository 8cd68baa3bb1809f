/* xenstore.c - xenstore wire protocol over the shared ring. */
#include "xenstore.h"
#include "clock.h"
#include "evtchn.h"
#include "hypercall.h"
#include "kstring.h"

static struct xenstore_domain_interface *ring;
static evtchn_port_t port;
static uint32_t next_req_id = 1;

/* Queued watch events: paths only, oldest first. */
#define XS_EVENTS 8
static char events[XS_EVENTS][128];
static unsigned ev_head, ev_count;

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
		if (kstreq(name, xs_errors[i].name))
			return -xs_errors[i].err;
	return -5;
}

/* Sends one request made of up to two payload parts and returns the
 * reply's payload length (copied into reply, NUL-terminated if room). */
static int request(uint32_t type, uint32_t tx, const void *a, size_t alen,
		   const void *b, size_t blen, char *reply, size_t cap)
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
	for (;;) {
		struct xsd_sockmsg r;
		ring_get(&r, sizeof r, sizeof r);
		if (r.len > XENSTORE_PAYLOAD_MAX)
			return -5;
		if (r.type == XS_WATCH_EVENT) {
			char tmp[160];
			ring_get(tmp, r.len, sizeof tmp - 1);
			tmp[r.len < sizeof tmp - 1 ? r.len : sizeof tmp - 1] = 0;
			if (ev_count < XS_EVENTS) {
				kstrlcpy(events[(ev_head + ev_count) % XS_EVENTS], tmp,
					 sizeof events[0]);
				ev_count++;
			}
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

int xs_read(uint32_t tx, const char *path, char *buf, size_t cap)
{
	return request(XS_READ, tx, path, kstrlen(path) + 1, NULL, 0, buf, cap);
}

int xs_write(uint32_t tx, const char *path, const char *value)
{
	char ok[4];
	int rc = request(XS_WRITE, tx, path, kstrlen(path) + 1, value, kstrlen(value),
			 ok, sizeof ok);
	return rc < 0 ? rc : 0;
}

int xs_rm(uint32_t tx, const char *path)
{
	char ok[4];
	int rc = request(XS_RM, tx, path, kstrlen(path) + 1, NULL, 0, ok, sizeof ok);
	return rc < 0 ? rc : 0;
}

int xs_directory(uint32_t tx, const char *path, char *buf, size_t cap)
{
	return request(XS_DIRECTORY, tx, path, kstrlen(path) + 1, NULL, 0, buf, cap);
}

int xs_set_perms(uint32_t tx, const char *path, const char *perms, size_t len)
{
	char ok[4];
	int rc = request(XS_SET_PERMS, tx, path, kstrlen(path) + 1, perms, len, ok, sizeof ok);
	return rc < 0 ? rc : 0;
}

int xs_tx_start(uint32_t *tx)
{
	char id[16];
	int rc = request(XS_TRANSACTION_START, 0, "", 1, NULL, 0, id, sizeof id);
	if (rc < 0)
		return rc;
	uint32_t v = 0;
	for (const char *p = id; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (uint32_t)(*p - '0');
	*tx = v;
	return 0;
}

int xs_tx_end(uint32_t tx, int commit)
{
	char ok[4];
	int rc = request(XS_TRANSACTION_END, tx, commit ? "T" : "F", 2, NULL, 0, ok, sizeof ok);
	return rc < 0 ? rc : 0;
}

int xs_watch(const char *path, const char *token)
{
	char ok[4];
	size_t pl = kstrlen(path) + 1;
	int rc = request(XS_WATCH, 0, path, pl, token, kstrlen(token) + 1, ok, sizeof ok);
	return rc < 0 ? rc : 0;
}

int xs_watch_event(char *path, size_t cap)
{
	if (!ev_count)
		return 0;
	kstrlcpy(path, events[ev_head], cap);
	ev_head = (ev_head + 1) % XS_EVENTS;
	ev_count--;
	return 1;
}
