/*
 * dlog.c - p-dom0d's log lines: "p-dom0d: [guest] message" on stderr, or
 * syslog with the guest's name in the message.
 */
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

#include "core/dlog.h"
#include "core/guest.h"
#include "core/daemon.h"

void dlog_escape(char *out, size_t cap, const uint8_t *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		int plain = s[i] >= ' ' && s[i] < 0x7f && s[i] != '\\';
		if (o + (plain ? 1 : 4) + 4 > cap) {
			snprintf(out + o, cap - o, "...");
			return;
		}
		if (plain) {
			out[o++] = (char)s[i];
		} else {
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[s[i] >> 4];
			out[o++] = hex[s[i] & 15];
		}
	}
	out[o] = 0;
}

void dlog(struct daemon *d, struct guest *g, int level, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	/* A local guest's id is its own claim: never shown as a domain's. */
	const char *local = g && !g->tp->proves_domid ? "local " : "";
	unsigned id = !g ? 0 : g->tp->proves_domid ? g->domid : g->claimed_id;

	/* Serving one p, only trouble is worth the user's terminal. */
	if (d->single && level >= DLOG_INFO && !d->verbose)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (d->use_syslog) {
		if (g)
			syslog(level, "[%s/%s%u] %s", g->name, local, id, msg);
		else
			syslog(level, "%s", msg);
	} else if (level <= DLOG_INFO || d->verbose) {
		if (g)
			fprintf(stderr, "p-dom0d: [%s/%s%u] %s\n", g->name, local, id, msg);
		else
			fprintf(stderr, "p-dom0d: %s\n", msg);
	}
}
