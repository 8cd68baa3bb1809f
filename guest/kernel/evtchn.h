/*
 * evtchn.h - shared info page and event channels, polling design.
 *
 * Every port stays masked; the kernel never takes interrupts.  A port's
 * pending bit is tested and cleared by its owner (console, xenstore, vchan)
 * and evtchn_wait() blocks in SCHEDOP_poll until one of the given ports is
 * pending or the Xen system-time deadline passes.
 */
#ifndef PXEN_KERNEL_EVTCHN_H
#define PXEN_KERNEL_EVTCHN_H

#include "xenhdr.h"

/* Maps the shared info page; call once, early. */
int evtchn_init(void);
extern shared_info_t *evtchn_shared;

/* 1 if the port was pending (and clears it), else 0. */
int evtchn_test_clear(evtchn_port_t port);
void evtchn_mask(evtchn_port_t port);
int evtchn_send(evtchn_port_t port);
/* Allocates an unbound port that domain `remote` may bind; <0 on error. */
long evtchn_alloc_unbound(domid_t remote);
/* Blocks until a port is pending or Xen system time reaches deadline_ns
 * (0: no deadline).  Pending bits are left set for their owners. */
void evtchn_wait(const evtchn_port_t *ports, unsigned n, uint64_t deadline_ns);

#endif
