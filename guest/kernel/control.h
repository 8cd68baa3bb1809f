/*
 * control.h - requests from the toolstack through xenstore's control/
 * directory: `xl shutdown` and `xl reboot` write "poweroff" or "reboot" to
 * control/shutdown.  control_init() advertises that this guest honours
 * them (control/feature-poweroff, feature-reboot) and watches the node;
 * control_poll() acknowledges a request the way libxl expects (by emptying
 * the node) and reports it.  `xl save` and `xl migrate` write "suspend"
 * (suspend.c carries it out).
 */
#ifndef PXEN_KERNEL_CONTROL_H
#define PXEN_KERNEL_CONTROL_H

enum control_request { CONTROL_NONE, CONTROL_POWEROFF, CONTROL_REBOOT, CONTROL_SUSPEND };

/* 0, or a negative error if the watch cannot be sent (the guest then
 * runs without toolstack control).  Waits for no answer. */
int control_init(void);
/* Writes the control/feature-* nodes (again, in a resumed domain). */
void control_advertise(void);
/* A new request, acknowledged, once; CONTROL_NONE if there is none.
 * Cheap when nothing happened. */
enum control_request control_poll(void);
/* The last request seen: how the domain should end (SHUTDOWN_* reason). */
unsigned control_exit_reason(void);

#endif
