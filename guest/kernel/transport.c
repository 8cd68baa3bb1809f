/* transport.c - guest/client/transport.h over the kernel's vchan server. */
#include "transport.h"
#include "clock.h"
#include "console.h"
#include "evtchn.h"
#include "kernel.h"
#include "plat_kernel.h"
#include "platform.h"
#include "vchan.h"
#include "xenstore.h"

long transport_send(const void *buf, size_t n)
{
	long r = vchan_send_some(buf, n);
	return r < 0 ? -PLAT_EPIPE : r;
}

long transport_recv(void *buf, size_t n)
{
	long r = vchan_recv_some(buf, n);
	return r < 0 ? -PLAT_EPIPE : r;
}

int transport_wait(int want, int64_t timeout_ns)
{
	int vw = ((want & TRANSPORT_RECV) ? VCHAN_WANT_RECV : 0) |
		 ((want & TRANSPORT_SEND) ? VCHAN_WANT_SEND : 0);
	uint64_t deadline = timeout_ns < 0 ? 0 : clock_now() + (uint64_t)timeout_ns;
	/* The xenstore port too: a toolstack request must reach a program
	 * that is blocked here. */
	evtchn_port_t ports[2] = { vchan_event_port(), xs_event_port() };
	for (;;) {
		/* Cleared before the ring is looked at, so that an event after
		 * the look still ends the poll below. */
		evtchn_test_clear(ports[1]);
		if (plat_kernel_control())
			return want;	/* a spurious wake-up: the caller looks again */
		int r = vchan_ready(vw);
		if (!r) {
			vchan_arm(vw);
			r = vchan_ready(vw);
		}
		if (r)
			return ((r & VCHAN_WANT_RECV) ? TRANSPORT_RECV : 0) |
			       ((r & VCHAN_WANT_SEND) ? TRANSPORT_SEND : 0);
		if (timeout_ns >= 0 && clock_now() >= deadline)
			return 0;
		evtchn_wait(ports, 2, deadline);
		evtchn_test_clear(ports[0]);
	}
}

int transport_reconnect(int64_t timeout_ns)
{
	static int waiting;
	uint64_t deadline = timeout_ns < 0 ? 0 : clock_now() + (uint64_t)timeout_ns;
	evtchn_port_t ports[2] = { vchan_event_port(), xs_event_port() };
	for (;;) {
		int peer = vchan_peer();
		if (peer == VCHAN_PEER_GONE) {
			if (!waiting)
				kprintf("p-guest: p-dom0d went away; waiting for it to come back\n");
			waiting = 1;
			if (vchan_relisten() < 0)
				return -PLAT_EPIPE;
			continue;
		}
		if (peer == VCHAN_PEER_UP) {
			if (waiting)
				kprintf("p-guest: p-dom0d connected again\n");
			waiting = 0;
			return 0;
		}
		evtchn_test_clear(ports[1]);
		/* Nothing in dom0 could hear the program now: a toolstack
		 * request ends the guest at once. */
		if (plat_kernel_control())
			kernel_exit(143);
		if (timeout_ns >= 0 && clock_now() >= deadline)
			return -PLAT_EAGAIN;
		evtchn_wait(ports, 2, deadline);
		evtchn_test_clear(ports[0]);
	}
}
