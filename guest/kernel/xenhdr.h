/*
 * xenhdr.h - the Xen public headers the kernel uses, in one place.
 * The interface version comes from the build flags
 * (-D__XEN_INTERFACE_VERSION__=0x00040e00); without it the headers select
 * the legacy ABI with different hypercall numbers.
 */
#ifndef PXEN_KERNEL_XENHDR_H
#define PXEN_KERNEL_XENHDR_H

#include <stdint.h>
#include <stddef.h>

#if !defined(__XEN_INTERFACE_VERSION__) || __XEN_INTERFACE_VERSION__ < 0x00040e00
#error "build with -D__XEN_INTERFACE_VERSION__=0x00040e00"
#endif

#include <xen/xen.h>
#include <xen/arch-x86/cpuid.h>
#include <xen/arch-x86/hvm/start_info.h>
#include <xen/hvm/params.h>
#include <xen/hvm/hvm_op.h>
#include <xen/memory.h>
#include <xen/sched.h>
#include <xen/event_channel.h>
#include <xen/grant_table.h>
#include <xen/io/console.h>
#include <xen/io/xs_wire.h>

#endif
