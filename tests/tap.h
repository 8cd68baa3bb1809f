/*
 * tap.h - TAP output for the C test programs: one "ok N - ..." or
 * "not ok N - ..." line per check, then the plan.
 *
 * Each line is flushed at once, so a crash loses no result and a child
 * made by fork() does not print its parent's lines again.  A description
 * with newlines stays on its line.
 */
#ifndef PXEN_TESTS_TAP_H
#define PXEN_TESTS_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_n, tap_failed;

/* Reports one check whose description is a printf format; returns cond. */
static inline int tap_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline int tap_ok(int cond, const char *fmt, ...)
{
	char desc[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(desc, sizeof desc, fmt, ap);
	va_end(ap);
	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	for (const char *s = desc; *s; s++) {
		if (*s == '\n')
			fputs("\\n", stdout);
		else
			putchar(*s);
	}
	putchar('\n');
	fflush(stdout);
	return cond;
}

/* Prints the plan; returns the program's exit status, 1 if a check failed. */
static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	fflush(stdout);
	return tap_failed ? 1 : 0;
}

#endif
