/*
 * repl_client.c - the REPL client loop (see repl_client.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "config.h"
#include "repl_client.h"
#include "unix_sock.h"
#ifdef PXEN_LIBEDIT
#include <readline.h>
#endif

/* Set by the SIGINT handler: the loop sends the guest its 0x03. */
static volatile sig_atomic_t interrupted;
#ifdef PXEN_LIBEDIT
static int sock_for_lines;
static int stdin_done;
#endif

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

int repl_client_path(char *buf, unsigned long cap, const char *run_dir, const char *name)
{
	int n = snprintf(buf, cap, "%s/%s.sock", run_dir, name);

	return n < 0 || (unsigned long)n >= cap ? -ENAMETOOLONG : 0;
}

static int send_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

#ifdef PXEN_LIBEDIT
static void on_line(char *line)
{
	if (!line) {
		stdin_done = 1;
		return;
	}
	if (*line)
		add_history(line);
	if (send_all(sock_for_lines, line, strlen(line)) < 0 || send_all(sock_for_lines, "\n", 1) < 0)
		stdin_done = 1;
	free(line);
}
#endif

int repl_client_run(const char *path)
{
	struct sigaction act = { .sa_handler = on_sigint }, old;
	int fd, status = 0, edit = 0;

	fd = unix_connect(path);
	if (fd < 0)
		return fd;
	sigemptyset(&act.sa_mask);
	sigaction(SIGINT, &act, &old);
	signal(SIGPIPE, SIG_IGN);
#ifdef PXEN_LIBEDIT
	edit = isatty(0);
	if (edit) {
		sock_for_lines = fd;
		stdin_done = 0;
		using_history();
		rl_callback_handler_install("", on_line);
	}
#endif
	for (;;) {
		struct pollfd p[2] = { { .fd = 0, .events = POLLIN }, { .fd = fd, .events = POLLIN } };
		char buf[4096];
		ssize_t n;
		if (interrupted) {
			interrupted = 0;
			if (send_all(fd, "\x03", 1) < 0) {
				status = 1;
				break;
			}
		}
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			status = -errno;
			break;
		}
		if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			n = read(fd, buf, sizeof buf);
			if (n <= 0) {
				status = 1;
				break;
			}
			if (write(1, buf, (size_t)n) != n) {
				status = -EIO;
				break;
			}
		}
		if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
#ifdef PXEN_LIBEDIT
		if (edit) {
			rl_callback_read_char();
			if (stdin_done)
				break;
			continue;
		}
#endif
		n = read(0, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || send_all(fd, buf, (size_t)n) < 0)
			break;
	}
#ifdef PXEN_LIBEDIT
	if (edit)
		rl_callback_handler_remove();
#endif
	(void)edit;
	sigaction(SIGINT, &old, NULL);
	close(fd);
	return status;
}
