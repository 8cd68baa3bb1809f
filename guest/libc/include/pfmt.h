/*
 * pfmt.h - small printf-style formatting for freestanding code.
 *
 * Conversions: %d %i %u %x %X %o %c %s %p %%, with length modifiers l, ll,
 * z (size_t) and j; flags '-' (left-justify) and '0' (zero pad); a field
 * width and, for %s, a precision (".N" or ".*", bytes to print at most,
 * so non-NUL-terminated text works).  No floating point: use
 * pc_dtoa_shortest for doubles.  Output is always NUL-terminated when
 * cap > 0; the return is the length the full output would have, like C99
 * snprintf.
 */
#ifndef PXEN_LIBC_PFMT_H
#define PXEN_LIBC_PFMT_H

#include <stdarg.h>
#include <stddef.h>

int pc_snprintf(char *buf, size_t cap, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int pc_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#endif
