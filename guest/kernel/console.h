/*
 * console.h - the PV console ring (HVM params CONSOLE_PFN/EVTCHN), which
 * xenconsoled logs and `xl console` shows.  Boot messages, bootstats and
 * panics go here; the program's own stdio goes over the pxen protocol.
 */
#ifndef PXEN_KERNEL_CONSOLE_H
#define PXEN_KERNEL_CONSOLE_H

#include <stddef.h>
#include <stdarg.h>
#include <pfmt.h>

int console_init(void);
/* Writes n bytes, LF as CRLF.  If dom0 stops draining the ring for two
 * seconds the rest is dropped, so a panic can never hang on output. */
void console_write(const char *s, size_t n);

/* Formatting is libc's pc_snprintf (pfmt.h), which kprintf uses too. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
