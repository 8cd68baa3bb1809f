/*
 * main.c - the `p` command: the P interpreter as a Linux process.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "host.h"
#include "p.h"
#include "platform.h"
#include "repl_relay.h"

#define DEFAULT_HEAP ((size_t)1 << 30)

static void usage(FILE *f)
{
	fputs("usage: p [options] [prog.scm [args...]]\n"
	      "       p [options] -e EXPR\n"
	      "       p [options] --disassemble prog.scm\n"
	      "options:\n"
	      "  --heap SIZE   heap limit, e.g. 256M (default 1G)\n"
	      "  --fs DIR      export DIR as the program's filesystem\n"
	      "  --ro          export it read-only\n"
	      "  --net RULE    allow HOST:PORT or listen:PORT (repeatable; default: no network)\n"
	      "  --connect SOCK  use the p-dom0d listening on SOCK instead of starting one\n"
	      "  --repl-socket PATH  detach: the terminal is a REPL socket at PATH (p-repl)\n"
	      "  --gc-stress   collect at every allocation (also P_GC_STRESS=1)\n"
	      "  --gc-stats    print collector statistics at exit\n"
	      "  -e EXPR       evaluate EXPR and print its value\n"
	      "  --disassemble list the byte code of prog.scm's forms instead of running it\n"
	      "without a program or -e, p starts an interactive REPL: ,help lists its commands\n"
	      "file operations need --fs; P_BACKTRACE=1 shows the calls behind every error\n", f);
}

/* The REPL on a terminal: this process keeps the terminal and edits the
 * lines (repl_relay.h); the interpreter goes on in a child whose stdin,
 * stdout and stderr are a socket to us.  Returns in the child (or when
 * there is no child to be had: then the REPL reads the terminal as is);
 * the parent ends with the child's status. */
static void edit_on_terminal(void)
{
	static const char banner[] =
		"P, a Scheme (R7RS) for pxen.  ,help lists the REPL's commands; Ctrl-D leaves.\n";
	struct repl_relay_opts o = { .banner = banner, .leave = "leaving the REPL" };
	char history[4096];
	int sv[2], status;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return;
	pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return;
	}
	if (pid == 0) {
		if (dup2(sv[1], 0) < 0 || dup2(sv[1], 1) < 0 || dup2(sv[1], 2) < 0)
			_exit(70);
		close(sv[0]);
		close(sv[1]);
		return;
	}
	close(sv[1]);
	signal(SIGPIPE, SIG_IGN);
	if (repl_history_path(history, sizeof history, NULL) == 0)
		o.history = history;
	if (repl_relay_run(sv[0], &o) < 0)
		kill(pid, SIGTERM);
	close(sv[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			exit(70);
	exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

/* Reads a whole file into a NUL-terminated buffer owned by the caller. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f)
		return NULL;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			char *nb;
			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
		}
		size_t r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	buf[n] = 0;
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	struct host_config cfg = { .heap_limit = DEFAULT_HEAP };
	struct p_run run = { 0 };
	char *source = NULL;
	int i, status;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];
		int more = i + 1 < argc;

		if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (!strcmp(a, "--heap") && more) {
			cfg.heap_limit = host_parse_size(argv[++i]);
			if (cfg.heap_limit < ((size_t)1 << 20)) {
				fprintf(stderr, "p: --heap: bad size '%s' (at least 1M)\n", argv[i]);
				return 2;
			}
		} else if (!strcmp(a, "--fs") && more) {
			cfg.fs_root = argv[++i];
		} else if (!strcmp(a, "--ro")) {
			cfg.read_only = 1;
		} else if (!strcmp(a, "--net") && more) {
			if (cfg.nnet == HOST_MAX_NET) {
				fprintf(stderr, "p: at most %d --net rules\n", HOST_MAX_NET);
				return 2;
			}
			cfg.net[cfg.nnet++] = argv[++i];
		} else if (!strcmp(a, "--repl-socket") && more) {
			cfg.repl_socket = argv[++i];
		} else if (!strcmp(a, "--connect") && more) {
			cfg.connect_path = argv[++i];
		} else if (!strcmp(a, "--gc-stress")) {
			run.gc_stress = 1;
		} else if (!strcmp(a, "--gc-stats")) {
			run.gc_stats = 1;
		} else if (!strcmp(a, "--disassemble")) {
			run.disassemble = 1;
		} else if (!strcmp(a, "-e") && more) {
			run.expr = argv[++i];
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "p: unknown or incomplete option '%s'\n", a);
			usage(stderr);
			return 2;
		}
	}
	if (run.disassemble && (run.expr || i >= argc)) {
		fputs("p: --disassemble needs a program file (and no -e)\n", stderr);
		usage(stderr);
		return 2;
	}
	if (i < argc && !run.expr) {
		run.file = argv[i];
		source = slurp(run.file, &run.source_len);
		if (!source) {
			fprintf(stderr, "p: cannot read %s: %s\n", run.file, strerror(errno));
			return 2;
		}
		run.source = source;
		cfg.argc = argc - i;
		cfg.argv = argv + i;
	} else {
		cfg.argc = 1;
		cfg.argv = argv;
		run.repl = !run.expr;
	}
	cfg.catch_sigint = run.repl;
	if (run.repl && !cfg.repl_socket && isatty(0) && isatty(1))
		edit_on_terminal();
	status = host_setup(&cfg);
	if (status < 0) {
		fprintf(stderr, "p: cannot reach p-dom0d: %s\n", strerror(-status));
		return 2;
	}
	run.heap_bytes = cfg.heap_limit;
	status = p_main(&run);
	free(source);
	plat_exit(status);
}
