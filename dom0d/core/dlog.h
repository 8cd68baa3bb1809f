/*
 * dlog.h - p-dom0d's log: to stderr, or syslog with --syslog.
 */
#ifndef PXEN_DOM0D_DLOG_H
#define PXEN_DOM0D_DLOG_H

struct daemon;
struct guest;

enum { DLOG_ERR = 3, DLOG_WARN = 4, DLOG_INFO = 6, DLOG_DEBUG = 7 };

/* One line at level, with g's name and domid when g is not NULL. */
void dlog(struct daemon *d, struct guest *g, int level, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
