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

#endif
