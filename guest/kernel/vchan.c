/* vchan.c - libxenvchan-compatible server on granted pages. */
#include "vchan.h"
#include "clock.h"
#include "console.h"
#include "evtchn.h"
#include "gnttab.h"
#include <string.h>
#include "vchan_layout.h"
#include "vring.h"
#include "xenstore.h"

#define RING_ORDER 16
#define RING_SIZE (1u << RING_ORDER)
#define RING_PAGES (RING_SIZE >> 12)

static char ctrl[4096] __attribute__((aligned(4096)));
static char left[RING_SIZE] __attribute__((aligned(4096)));	/* dom0 -> guest */
static char right[RING_SIZE] __attribute__((aligned(4096)));	/* guest -> dom0 */
static struct vchan_page *page = (struct vchan_page *)ctrl;
static evtchn_port_t port;
static int ctrl_ref;
static char xs_path[64];

/* Two writes sent together instead of a transaction: libxenvchan reads
 * ring-ref first and fails (p-dom0d then retries on its next watch event)
 * unless both keys exist, and xenstored applies requests in order, so
 * event-channel goes first.  No permissions are set: the nodes are ours
 * under data/, and the only client is dom0, which xenstored never checks.
 * Each xenstore round trip costs milliseconds under emulation, so this
 * keeps boot short. */
static int publish(const char *path, int ring_ref)
{
	char ref[16], evt[16], evtkey[80], refkey[80];
	pc_snprintf(ref, sizeof ref, "%d", ring_ref);
	pc_snprintf(evt, sizeof evt, "%u", port);
	pc_snprintf(evtkey, sizeof evtkey, "%s/event-channel", path);
	pc_snprintf(refkey, sizeof refkey, "%s/ring-ref", path);
	const char *keys[2] = { evtkey, refkey }, *values[2] = { evt, ref };
	return xs_write_all(keys, values, 2);
}

static uint8_t cli_live(void)
{
	return __atomic_load_n(&page->cli_live, __ATOMIC_ACQUIRE);
}

/* The port for dom0 and the grants of every page. */
static int offer(void)
{
	long p = evtchn_alloc_unbound(0);
	if (p < 0)
		return (int)p;
	port = (evtchn_port_t)p;
	for (unsigned i = 0; i < 2 * RING_PAGES; i++) {
		char *pg = i < RING_PAGES ? left + 4096 * i : right + 4096 * (i - RING_PAGES);
		int ref = gnttab_grant(pg, 0);
		if (ref < 0)
			return -1;
		page->grants[i] = (uint32_t)ref;
	}
	ctrl_ref = gnttab_grant(ctrl, 0);
	return ctrl_ref < 0 ? -1 : 0;
}

int vchan_listen(const char *path)
{
	memset(ctrl, 0, sizeof ctrl);
	page->left_order = RING_ORDER;
	page->right_order = RING_ORDER;
	page->cli_live = VCHAN_LIVE_WAITING;
	page->srv_live = VCHAN_LIVE_UP;
	page->cli_notify = VCHAN_NOTIFY_WRITE;
	int rc = offer();
	if (rc < 0)
		return rc;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	pc_snprintf(xs_path, sizeof xs_path, "%s", path);
	return publish(path, ctrl_ref);
}

void vchan_suspend(void)
{
	__atomic_store_n(&page->srv_live, VCHAN_LIVE_GONE, __ATOMIC_SEQ_CST);
	evtchn_send(port);
}

int vchan_resume(int new_domain)
{
	if (!new_domain) {
		/* Suspend cancelled: the same domain, grants and port; dom0
		 * saw the server leave, so the channel is offered again. */
		__atomic_store_n(&page->cli_live, VCHAN_LIVE_GONE, __ATOMIC_SEQ_CST);
		return 0;
	}
	/* A new domain has no client, no port and no grants: the client
	 * sees dom0 gone and asks for the channel again (vchan_relisten),
	 * which then exists. */
	__atomic_store_n(&page->cli_live, VCHAN_LIVE_GONE, __ATOMIC_SEQ_CST);
	return offer();
}

int vchan_relisten(void)
{
	char refkey[80];
	/* Without ring-ref libxenvchan refuses to connect, so no new client
	 * maps the page while it is reset.  A client that mapped it before
	 * sees dom0's ring indices non-zero and leaves (xen_tp.c). */
	pc_snprintf(refkey, sizeof refkey, "%s/ring-ref", xs_path);
	xs_rm(refkey);
	page->left.prod = page->left.cons = 0;
	page->right.prod = page->right.cons = 0;
	page->srv_notify = 0;
	page->cli_notify = VCHAN_NOTIFY_WRITE;
	page->srv_live = VCHAN_LIVE_UP;
	__atomic_store_n(&page->cli_live, VCHAN_LIVE_WAITING, __ATOMIC_SEQ_CST);
	evtchn_test_clear(port);
	/* dom0's close unbound only its end: the port is unbound for dom0
	 * again, and the pages stay granted, so both are offered as they are. */
	return publish(xs_path, ctrl_ref);
}

int vchan_peer(void)
{
	uint8_t live = cli_live();
	return live == VCHAN_LIVE_UP ? VCHAN_PEER_UP
	       : live == VCHAN_LIVE_GONE ? VCHAN_PEER_GONE : VCHAN_PEER_WAITING;
}

uint32_t vchan_event_port(void)
{
	return port;
}

void vchan_wait(uint64_t deadline_ns)
{
	evtchn_wait(&port, 1, deadline_ns);
	evtchn_test_clear(port);
}

int vchan_wait_connected(uint64_t deadline_ns)
{
	while (cli_live() != VCHAN_LIVE_UP) {
		if (deadline_ns && clock_now() >= deadline_ns)
			return 0;
		vchan_wait(deadline_ns);
	}
	return 1;
}

size_t vchan_readable(void)
{
	uint32_t prod = __atomic_load_n(&page->left.prod, __ATOMIC_ACQUIRE);
	return vring_avail(prod, page->left.cons, RING_SIZE);
}

static void kick_if(uint8_t bit)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_fetch_and(&page->srv_notify, (uint8_t)~bit, __ATOMIC_SEQ_CST) & bit)
		evtchn_send(port);
}

static uint32_t right_space(void)
{
	return vring_space(page->right.prod,
			   __atomic_load_n(&page->right.cons, __ATOMIC_ACQUIRE), RING_SIZE);
}

int vchan_ready(int want)
{
	int gone = cli_live() == VCHAN_LIVE_GONE, r = 0;
	if ((want & VCHAN_WANT_RECV) && (vchan_readable() || gone))
		r |= VCHAN_WANT_RECV;
	if ((want & VCHAN_WANT_SEND) && (right_space() || gone))
		r |= VCHAN_WANT_SEND;
	return r;
}

void vchan_arm(int want)
{
	uint8_t bits = 0;
	if (want & VCHAN_WANT_RECV)
		bits |= VCHAN_NOTIFY_WRITE;
	if (want & VCHAN_WANT_SEND)
		bits |= VCHAN_NOTIFY_READ;
	__atomic_fetch_or(&page->cli_notify, bits, __ATOMIC_SEQ_CST);
}

long vchan_recv_some(void *buf, size_t n)
{
	size_t avail = vchan_readable();
	if (!avail)
		return cli_live() == VCHAN_LIVE_GONE ? -1 : 0;
	uint32_t want = (uint32_t)(n < avail ? n : avail);
	uint32_t cons = page->left.cons;
	struct vring_span s[2];
	int k = vring_spans(cons, want, RING_SIZE, s);
	char *dst = buf;
	for (int i = 0; i < k; i++) {
		memcpy(dst, left + s[i].off, s[i].len);
		dst += s[i].len;
	}
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	__atomic_store_n(&page->left.cons, cons + want, __ATOMIC_RELEASE);
	kick_if(VCHAN_NOTIFY_READ);
	return want;
}

long vchan_send_some(const void *buf, size_t n)
{
	if (cli_live() == VCHAN_LIVE_GONE)
		return -1;
	uint32_t space = right_space();
	if (!space || !n)
		return 0;
	uint32_t prod = page->right.prod;
	uint32_t chunk = (uint32_t)(n < space ? n : space);
	struct vring_span s[2];
	int k = vring_spans(prod, chunk, RING_SIZE, s);
	const char *src = buf;
	for (int i = 0; i < k; i++) {
		memcpy(right + s[i].off, src, s[i].len);
		src += s[i].len;
	}
	__atomic_thread_fence(__ATOMIC_RELEASE);
	__atomic_store_n(&page->right.prod, prod + chunk, __ATOMIC_RELEASE);
	kick_if(VCHAN_NOTIFY_WRITE);
	return chunk;
}

long vchan_read(void *buf, size_t n, int block)
{
	for (;;) {
		long got = vchan_recv_some(buf, n);
		if (got || !block)
			return got;
		vchan_arm(VCHAN_WANT_RECV);
		if (!vchan_ready(VCHAN_WANT_RECV))
			vchan_wait(0);
	}
}

long vchan_write(const void *buf, size_t n)
{
	const char *src = buf;
	size_t done = 0;
	while (done < n) {
		long put = vchan_send_some(src + done, n - done);
		if (put < 0)
			return -1;
		done += (size_t)put;
		if (put == 0) {
			vchan_arm(VCHAN_WANT_SEND);
			if (!vchan_ready(VCHAN_WANT_SEND))
				vchan_wait(0);
		}
	}
	return (long)n;
}

void vchan_close(void)
{
	__atomic_store_n(&page->srv_live, VCHAN_LIVE_GONE, __ATOMIC_SEQ_CST);
	evtchn_send(port);
	xs_rm(xs_path);
}
