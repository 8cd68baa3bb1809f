/*
 * suspend.h - `xl save`, `xl restore` and `xl migrate` of a running guest.
 *
 * The toolstack asks through control/shutdown = "suspend" (control.c).
 * kernel_suspend() tells dom0 the vchan server is going, leaves xenstore
 * quiet and suspends the domain (SCHEDOP_shutdown, SHUTDOWN_suspend).  The
 * call returns when the domain runs again: in a new domain after a restore
 * or a migration (new domain id, empty grant table, new event channels;
 * memory, registers and the xenstore and console rings as they were), or
 * in the same one when the save was cancelled.  It then maps the shared
 * info and the grant table again, reads the console's and xenstore's
 * event channels, sets its watches and control nodes again and offers the
 * vchan anew: the protocol client finds p-dom0d gone and reconnects
 * (client.h), and the program carries on where it was.
 */
#ifndef PXEN_KERNEL_SUSPEND_H
#define PXEN_KERNEL_SUSPEND_H

void kernel_suspend(void);

#endif
