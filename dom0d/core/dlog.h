/*
 * dlog.h - p-dom0d's log: to stderr, or syslog with --syslog.
 */
#ifndef PXEN_DOM0D_DLOG_H
#define PXEN_DOM0D_DLOG_H

#include <stddef.h>
#include <stdint.h>

struct daemon;
struct guest;

enum { DLOG_ERR = 3, DLOG_WARN = 4, DLOG_INFO = 6, DLOG_DEBUG = 7 };

/* One line at level, with g's name and domid when g is not NULL. */
void dlog(struct daemon *d, struct guest *g, int level, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Writes n bytes of untrusted text into out (cap bytes, NUL-terminated)
 * with every byte outside printable ASCII, and the backslash, written as
 * \xNN, so it can neither start a new log line nor reach the operator's
 * terminal as an escape sequence.  Cut short (ending in "...") when it
 * does not fit. */
void dlog_escape(char *out, size_t cap, const uint8_t *s, size_t n);

#endif
