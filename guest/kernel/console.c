/* console.c - output on the PV console ring. */
#include "console.h"
#include "clock.h"
#include "evtchn.h"
#include "hypercall.h"

static struct xencons_interface *ring;
static evtchn_port_t port;

int console_init(void)
{
	uint64_t pfn, evt;
	if (hyp_get_param(HVM_PARAM_CONSOLE_PFN, &pfn) < 0 ||
	    hyp_get_param(HVM_PARAM_CONSOLE_EVTCHN, &evt) < 0 || pfn == 0)
		return -1;
	ring = (struct xencons_interface *)(uintptr_t)(pfn << 12);
	port = (evtchn_port_t)evt;
	return 0;
}

/* Waits for ring space; 0 once there is some, -1 after the grace time. */
static int wait_space(void)
{
	uint64_t deadline = clock_now() + 2000000000ull;
	for (;;) {
		XENCONS_RING_IDX cons = __atomic_load_n(&ring->out_cons, __ATOMIC_ACQUIRE);
		if (ring->out_prod - cons < sizeof(ring->out))
			return 0;
		if (clock_now() >= deadline)
			return -1;
		evtchn_send(port);
		evtchn_wait(&port, 1, clock_now() + 10000000ull);
		evtchn_test_clear(port);
	}
}

static int put(char c)
{
	if (ring->out_prod - __atomic_load_n(&ring->out_cons, __ATOMIC_ACQUIRE) >=
	    sizeof(ring->out)) {
		__atomic_thread_fence(__ATOMIC_RELEASE);
		evtchn_send(port);
		if (wait_space() < 0)
			return -1;
	}
	ring->out[MASK_XENCONS_IDX(ring->out_prod, ring->out)] = c;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	ring->out_prod++;
	return 0;
}

void console_write(const char *s, size_t n)
{
	if (!ring)
		return;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' && put('\r') < 0)
			break;
		if (put(s[i]) < 0)
			break;
	}
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	evtchn_send(port);
}

void kprintf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = pc_vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof buf - 1)
		n = sizeof buf - 1;
	console_write(buf, (size_t)n);
}
