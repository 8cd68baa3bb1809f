/*
 * test_log.c - what a guest writes with LOG reaches p-dom0d's log escaped
 * (a newline cannot forge a log line, an escape sequence cannot reach the
 * operator's terminal) and rate-limited per guest (a flood is cut short,
 * with a count of what was dropped).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rawguest.h"
#include "tap.h"

static int fd;

static void log_line(const char *text)
{
	struct px_field f[2] = { { .n = 0 }, { .p = (const uint8_t *)text, .len = (uint32_t)strlen(text) } };

	raw_send(fd, PX_LOG, 0, 0, f);
}

/* Waits until the daemon has handled everything sent before. */
static int synced(void)
{
	static uint8_t buf[PX_MAX_FRAME];
	struct px_field f[PX_MAX_FIELDS];
	struct px_hdr h;

	if (raw_send(fd, PX_TIME, 0, 99, NULL) < 0)
		return 0;
	while (raw_recv(fd, 5000, &h, f, buf, PX_D2G) == 1)
		if (h.tag == 99)
			return 1;
	return 0;
}

/* How many lines of the log hold what (and also, unless NULL, also). */
static int count(const struct rawd *d, const char *what, const char *also)
{
	char line[1024];
	FILE *f = fopen(d->log, "r");
	int n = 0;

	while (f && fgets(line, sizeof line, f))
		n += strstr(line, what) && (!also || strstr(line, also));
	if (f)
		fclose(f);
	return n;
}

int main(void)
{
	struct rawd d;
	int i, flood;

	if (rawd_start(&d, NULL) < 0) {
		tap_ok(0, "p-dom0d starts");
		return tap_done();
	}
	fd = raw_connect(d.sock);
	tap_ok(fd >= 0 && raw_hello(fd, 1, "chatty", 0) >= 0, "a guest connects");
	log_line("innocent\np-dom0d: FORGED line\x1b[2J\x1b]0;owned\x07");
	tap_ok(synced(), "it logs a line with a newline and escape sequences");
	tap_ok(count(&d, "FORGED", NULL) == 1 && count(&d, "guest says: innocent", "FORGED") == 1,
	       "the newline does not start a line of its own");
	tap_ok(rawd_log_has(&d, "innocent\\x0ap-dom0d: FORGED line\\x1b[2J\\x1b]0;owned\\x07"),
	       "control characters are written as \\xNN");
	tap_ok(!rawd_log_has(&d, "\x1b"), "no escape byte reaches the log");

	for (i = 0; i < 1000; i++)
		log_line("flood");
	tap_ok(synced(), "it logs 1000 lines at once");
	flood = count(&d, "guest says: flood", NULL);
	printf("# %d of 1000 flooded lines logged\n", flood);
	tap_ok(flood >= 10 && flood <= 100, "only a burst of them is logged");
	usleep(300000);
	log_line("after the flood");
	tap_ok(synced() && rawd_log_has(&d, "guest says: after the flood"),
	       "a line after a pause is logged again");
	tap_ok(rawd_log_has(&d, "log lines dropped"), "with a count of the lines dropped");
	close(fd);
	rawd_stop(&d);
	return tap_done();
}
