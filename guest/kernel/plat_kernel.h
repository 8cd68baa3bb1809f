/*
 * plat_kernel.h - the bare kernel's half of guest/lang/include/platform.h
 * (memory, clocks, program context, exit and abort); the protocol client
 * (guest/client) supplies streams, files, sockets, error texts and the
 * interrupt requests that dom0 sends.
 */
#ifndef PXEN_KERNEL_PLAT_KERNEL_H
#define PXEN_KERNEL_PLAT_KERNEL_H

#include "kernel.h"

/* Takes argv, environment and the heap budget from the boot data. */
void plat_kernel_init(const struct kernel_boot *kb);
/* Turns a new toolstack shutdown or reboot request into a PLAT_INTR_SHUTDOWN
 * interrupt for the program; 1 if there was one.  Waits call it too, so
 * that a program blocked on input hears the request. */
int plat_kernel_control(void);

#endif
