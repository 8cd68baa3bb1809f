/* suspend.c - suspend and resume of the whole domain (see suspend.h). */
#include "suspend.h"
#include "clock.h"
#include "console.h"
#include "control.h"
#include "evtchn.h"
#include "gnttab.h"
#include "hypercall.h"
#include "kernel.h"
#include "trap.h"
#include "vchan.h"
#include "xenstore.h"

void kernel_suspend(void)
{
	kprintf("p-guest: suspending (xl save or migrate)\n");
	/* p-dom0d keeps the guest's registration for the domain that
	 * resumes it when it sees this as the vchan closes. */
	xs_write("data/pxen/suspending", "1");
	vchan_suspend();
	xs_quiesce();
	struct sched_shutdown s = { .reason = SHUTDOWN_suspend };
	/* 0: resumed in a new domain; 1: the toolstack cancelled. */
	long rc = hyp_sched_op(SCHEDOP_shutdown, &s);
	int new_domain = rc == 0;
	if (new_domain) {
		int domid = hcall_init();
		if (evtchn_init() < 0)
			hyp_shutdown(SHUTDOWN_crash);
		clock_init();
		console_init();
		if (gnttab_resume() < 0)
			kpanic("resume: cannot map the grant table");
		if (xs_resume() < 0)
			kpanic("resume: no xenstore ring");
		if (domid >= 0)
			kernel_boot.domid = domid;
		control_advertise();
	} else {
		xs_rm("data/pxen/suspending");
	}
	if (vchan_resume(new_domain) < 0)
		kpanic("resume: cannot offer the vchan again");
	kprintf("p-guest: %s in domain %d\n", new_domain ? "resumed" : "suspend cancelled; running on",
		kernel_boot.domid);
}
