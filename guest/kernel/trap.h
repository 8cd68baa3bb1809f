/*
 * trap.h - fatal CPU exceptions and kernel panics.  Both print a register
 * dump (for traps) and a frame-pointer backtrace on the console, then stop
 * the domain with SHUTDOWN_crash: never a triple fault (reported by Xen as
 * a reboot) and never a hang.
 */
#ifndef PXEN_KERNEL_TRAP_H
#define PXEN_KERNEL_TRAP_H

#include <stdint.h>

struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};

void trap_init(void);
_Noreturn void trap_fatal(struct trap_frame *f);
_Noreturn void kpanic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
