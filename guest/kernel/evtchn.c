/* evtchn.c - shared info mapping and 2-level event channel operations. */
#include "evtchn.h"
#include "hypercall.h"

/* Xen releases the RAM page at this frame and maps shared info there. */
static char shared_page[4096] __attribute__((aligned(4096)));
shared_info_t *evtchn_shared;

int evtchn_init(void)
{
	struct xen_add_to_physmap xatp = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = (uintptr_t)shared_page >> 12,
	};
	long rc = hyp_memory_op(XENMEM_add_to_physmap, &xatp);
	if (rc < 0)
		return (int)rc;
	evtchn_shared = (shared_info_t *)shared_page;
	return 0;
}

int evtchn_test_clear(evtchn_port_t port)
{
	xen_ulong_t bit = (xen_ulong_t)1 << (port % 64);
	xen_ulong_t *word = &evtchn_shared->evtchn_pending[port / 64];
	return (__atomic_fetch_and(word, ~bit, __ATOMIC_SEQ_CST) & bit) != 0;
}

void evtchn_mask(evtchn_port_t port)
{
	xen_ulong_t bit = (xen_ulong_t)1 << (port % 64);
	__atomic_fetch_or(&evtchn_shared->evtchn_mask[port / 64], bit, __ATOMIC_SEQ_CST);
}

int evtchn_send(evtchn_port_t port)
{
	struct evtchn_send s = { .port = port };
	return (int)hyp_evtchn_op(EVTCHNOP_send, &s);
}

long evtchn_alloc_unbound(domid_t remote)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = remote };
	long rc = hyp_evtchn_op(EVTCHNOP_alloc_unbound, &a);
	if (rc < 0)
		return rc;
	evtchn_mask(a.port);
	return a.port;
}

void evtchn_wait(const evtchn_port_t *ports, unsigned n, uint64_t deadline_ns)
{
	struct sched_poll p = { .nr_ports = n, .timeout = deadline_ns };
	set_xen_guest_handle(p.ports, (evtchn_port_t *)(uintptr_t)ports);
	hyp_sched_op(SCHEDOP_poll, &p);
	/* Xen leaves upcall_pending set; nothing consumes it in a polling
	 * kernel, so clear it to keep the state tidy. */
	evtchn_shared->vcpu_info[0].evtchn_upcall_pending = 0;
}
