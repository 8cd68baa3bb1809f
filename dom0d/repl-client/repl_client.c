/*
 * repl_client.c - attaching to a guest's REPL socket (see repl_client.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "repl_client.h"
#include "repl_relay.h"
#include "unix_sock.h"

int repl_client_path(char *buf, unsigned long cap, const char *run_dir, const char *name)
{
	int n = snprintf(buf, cap, "%s/%s.sock", run_dir, name);

	return n < 0 || (unsigned long)n >= cap ? -ENAMETOOLONG : 0;
}

/* p-dom0d turns this byte from a REPL client into an interrupt. */
static void send_interrupt(int fd)
{
	if (send(fd, "\x03", 1, MSG_NOSIGNAL) < 0)
		return;
}

int repl_client_run(const char *path, const char *name)
{
	char history[4096], leave[300], banner[300];
	struct repl_relay_opts o = { .detach = 1, .at_prompt = 1, .interrupt = send_interrupt };
	int fd, r;

	fd = unix_connect(path);
	if (fd < 0)
		return fd;
	signal(SIGPIPE, SIG_IGN);
	if (repl_history_path(history, sizeof history, name ? name : "socket") == 0)
		o.history = history;
	snprintf(banner, sizeof banner,
		 "attached to %s%s: ,help lists the REPL's commands; Ctrl-D detaches\n",
		 name ? "guest " : "the REPL at ", name ? name : path);
	if (name)
		snprintf(leave, sizeof leave,
			 "detached; guest %s keeps running (p-launch attach %s to come back)",
			 name, name);
	else
		snprintf(leave, sizeof leave, "detached; the REPL keeps running");
	o.banner = banner;
	o.leave = leave;
	r = repl_relay_run(fd, &o);
	close(fd);
	return r == RELAY_LEFT ? 0 : r == RELAY_CLOSED ? 1 : r;
}
