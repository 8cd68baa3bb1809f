/*
 * p-launch - runs a P program (or a REPL) in its own bare Xen guest.
 *
 *   p-launch [options] PROG.scm [ARGS...]   run PROG, exit with its status
 *   p-launch [options] --repl               interactive REPL in a guest
 *   p-launch attach NAME                    REPL of a detached guest
 *   p-launch list | stop NAME
 *
 * The guest is a PVH domain running p-guest; p-dom0d serves its files,
 * sockets and terminal, with the policy p-launch registers on p-dom0d's
 * control socket.  The domain is destroyed on every exit path unless
 * --detach leaves it running (a background reaper then destroys it when
 * it stops).  See p-launch(1).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "p-launch.h"
#include "repl_client.h"
#include "repl_relay.h"
#include "unix_sock.h"

#ifndef PXEN_GUEST_PATH
#define PXEN_GUEST_PATH "/usr/local/lib/pxen/p-guest"
#endif
#define RUN_DIR "/run/pxen"
#define CONTROL_DEFAULT RUN_DIR "/control.sock"
#define EXIT_USAGE 64
#define EXIT_SOFTWARE 70
#define EXIT_UNAVAILABLE 69

/* The smallest guest that runs hello world, measured on Xen (the system
 * test runs one this size): p-guest's image takes about 2.4 MiB and the
 * interpreter's copying collector needs room to start up in. */
#define LAUNCH_MIN_MEM_MB 10u

static volatile sig_atomic_t interrupts, terminate;
static uint32_t live_domid;
static int have_domain;

static void usage(FILE *f)
{
	fputs("usage: p-launch [options] PROG.scm [ARGS...]\n"
	      "       p-launch [options] --repl\n"
	      "       p-launch attach NAME | list | stop NAME\n"
	      "options:\n"
	      "  --mem SIZE       guest memory (default 128M; K, M, G suffixes)\n"
	      "  --heap SIZE      heap limit of the interpreter (default: all the memory left)\n"
	      "  --name NAME      domain name (default p-PID)\n"
	      "  --fs DIR         export DIR to the program (default: no files)\n"
	      "  --ro             export it read-only\n"
	      "  --net RULE       allow HOST:PORT or listen:PORT (repeatable)\n"
	      "  --quota NAME=N   limit the program's files: bytes written, files created,\n"
	      "                   fids open (repeatable; k, M, G suffixes)\n"
	      "  --env NAME=VALUE an environment variable for the program (repeatable)\n"
	      "  --repl           run the interactive REPL instead of a program\n"
	      "  --detach         leave the guest running; reach it with attach\n"
	      "  --kernel PATH    guest kernel (default " PXEN_GUEST_PATH ")\n"
	      "  --control PATH   p-dom0d's control socket (default " CONTROL_DEFAULT ")\n"
	      "  --bootstats      print the guest's boot timing on its console\n"
	      "  --crashtest      make the guest fault right after boot\n"
	      "  --gc-stats       print collector and heap memory statistics at exit\n", f);
}

static void on_signal(int sig)
{
	if (sig == SIGINT)
		interrupts++;
	else
		terminate = 1;
}

static void cleanup(void)
{
	if (have_domain) {
		dom_destroy(live_domid);
		have_domain = 0;
	}
}

static uint64_t parse_size(const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || v == 0)
		return 0;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	case 0: v <<= 20; break;
	default: return 0;
	}
	if (*end == 'i' || *end == 'B')
		end++;
	if (*end == 'B')
		end++;
	return *end ? 0 : v;
}

/* The kernel: --kernel, $PXEN_GUEST, next to this program, the build
 * tree, then the installed path. */
static const char *find_kernel(const char *given, char *buf, size_t cap)
{
	if (given)
		return given;
	const char *env = getenv("PXEN_GUEST");
	if (env && *env)
		return env;
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = 0;
		char *slash = strrchr(self, '/');
		if (slash) {
			*slash = 0;
			snprintf(buf, cap, "%s/p-guest", self);
			if (access(buf, R_OK) == 0)
				return buf;
			snprintf(buf, cap, "%s/../guest/kernel/p-guest", self);
			if (access(buf, R_OK) == 0)
				return buf;
		}
	}
	return PXEN_GUEST_PATH;
}

static int connect_control(const char *path)
{
	int fd = unix_connect(path);
	if (fd < 0)
		fprintf(stderr,
			"p-launch: p-dom0d is not running: cannot connect to its control socket %s (%s).\n"
			"p-launch: start it first (as root): p-dom0d\n",
			path, strerror(-fd));
	return fd;
}

static void show_console_tail(const char *name)
{
	char path[256], line[512];
	snprintf(path, sizeof path, "/var/log/xen/console/guest-%s.log", name);
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "p-launch: (its console: xl console %s, or xenconsoled's guest log)\n", name);
		return;
	}
	char *lines[40] = { 0 };
	int count = 0;
	while (fgets(line, sizeof line, f)) {
		free(lines[count % 40]);
		lines[count % 40] = strdup(line);
		count++;
	}
	fclose(f);
	fprintf(stderr, "p-launch: its console (%s):\n", path);
	for (int i = count > 40 ? count - 40 : 0; i < count; i++) {
		char *l = lines[i % 40];
		if (!l)
			continue;
		l[strcspn(l, "\r\n")] = 0;
		fprintf(stderr, "  %s\n", l);
		free(l);
		lines[i % 40] = NULL;
	}
}

static int do_list(const char *control)
{
	int fd = connect_control(control);
	if (fd < 0)
		return EXIT_UNAVAILABLE;
	static uint8_t body[PX_MAX_FRAME];
	struct px_field f[PX_MAX_FIELDS];
	struct px_hdr h;
	if (ctl_send(fd, PX_L_LIST, 1, NULL, NULL, 0) < 0 ||
	    ctl_recv(fd, 10000, &h, f, body, sizeof body) <= 0 || h.type != PX_L_LIST_R) {
		fprintf(stderr, "p-launch: p-dom0d did not answer LIST\n");
		return EXIT_SOFTWARE;
	}
	printf("%-6s %-20s %-9s %10s %8s %10s\n", "DOMID", "NAME", "STATE", "UPTIME", "MEMORY",
	       "HEAP");
	uint32_t pos = 0, len;
	const uint8_t *e;
	while ((e = px_next(&f[0], 'S', &pos, &len))) {
		char row[256], name[64], state[16], mem[24], heap[24], up[24], memcol[24],
			heapcol[24];
		unsigned domid;
		unsigned long long secs, v;
		snprintf(row, sizeof row, "%.*s", (int)len, (const char *)e);
		if (sscanf(row, "%u %63s %15s %llu %23s %23s", &domid, name, state, &secs, mem,
			   heap) != 6) {
			printf("%s\n", row);	/* an older p-dom0d's row */
			continue;
		}
		snprintf(up, sizeof up, "%lluh%02llum%02llus", secs / 3600, secs / 60 % 60, secs % 60);
		if (sscanf(mem, "%llu", &v) == 1)
			snprintf(memcol, sizeof memcol, "%lluM", v >> 10);
		else
			snprintf(memcol, sizeof memcol, "-");
		if (sscanf(heap, "%llu", &v) == 1)
			snprintf(heapcol, sizeof heapcol, "%.1fM", (double)v / (1 << 20));
		else
			snprintf(heapcol, sizeof heapcol, "-");
		printf("%-6u %-20s %-9s %10s %8s %10s\n", domid, name, state, up, memcol, heapcol);
	}
	return 0;
}

static int do_stop(const char *control, const char *name)
{
	uint32_t domid;
	if (dom_open() < 0)
		return EXIT_UNAVAILABLE;
	if (dom_find(name, &domid) < 0) {
		fprintf(stderr, "p-launch: no guest named %s\n", name);
		return 1;
	}
	int fd = unix_connect(control);
	if (fd >= 0) {
		static uint8_t body[PX_MAX_FRAME];
		struct px_field f[PX_MAX_FIELDS] = { { .n = domid } };
		struct px_hdr h;
		if (ctl_send(fd, PX_L_STOP, 1, f, NULL, 0) == 0)
			ctl_recv(fd, 5000, &h, f, body, sizeof body);
		close(fd);
	}
	dom_destroy(domid);
	printf("p-launch: stopped %s (domain %u)\n", name, (unsigned)domid);
	return 0;
}

static int do_attach(const char *name)
{
	char path[256];
	if (repl_client_path(path, sizeof path, RUN_DIR, name) < 0) {
		fprintf(stderr, "p-launch: guest name too long: %s\n", name);
		return EXIT_USAGE;
	}
	int r = repl_client_run(path, name);
	if (r < 0) {
		fprintf(stderr, "p-launch: cannot reach the REPL of guest %s at %s: %s\n"
				"p-launch: (is it running, started with --repl --detach?)\n",
			name, path, strerror(-r));
		return EXIT_UNAVAILABLE;
	}
	if (r == 1)
		fprintf(stderr, "p-launch: guest %s closed its REPL\n", name);
	return 0;
}

/* Reaps a detached guest: destroys the domain once it has stopped. */
static void reaper(uint32_t domid)
{
	pid_t pid = fork();
	if (pid != 0)
		return;
	setsid();
	int null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
	}
	if (dom_open() < 0)
		_exit(1);
	while (dom_state(domid) == DOM_RUNNING)
		sleep(1);
	dom_destroy(domid);
	_exit(0);
}

/* The guest's stdin, stdout and stderr are stdio_fd, or ours when -1. */
static int register_guest(int fd, const struct launch_opts *o, uint32_t domid, int stdio_fd)
{
	char root[PATH_MAX] = "";
	if (o->fs && !realpath(o->fs, root)) {
		fprintf(stderr, "p-launch: --fs %s: %s\n", o->fs, strerror(errno));
		return -1;
	}
	static uint8_t rules[PX_MAX_BODY];
	uint32_t rlen = 0;
	for (int i = 0; i < o->nrules; i++) {
		size_t l = strlen(o->rules[i]);
		if (rlen + 2 + l > sizeof rules)
			return -1;
		px_put16(rules + rlen, (uint16_t)l);
		memcpy(rules + rlen + 2, o->rules[i], l);
		rlen += 2 + (uint32_t)l;
	}
	uint32_t flags = (o->read_only ? PX_L_RO : 0) | (o->detach ? PX_L_DETACHED : 0) |
			 (o->repl ? PX_L_REPL : 0);
	struct px_field f[PX_MAX_FIELDS] = {
		{ .n = domid },
		{ .p = (const uint8_t *)o->name, .len = (uint32_t)strlen(o->name) },
		{ .p = (const uint8_t *)root, .len = (uint32_t)strlen(root) },
		{ .n = flags },
		{ .n = getuid() },
		{ .n = (uint64_t)o->nrules, .p = rules, .len = rlen },
	};
	for (int i = 0; i < PX_NQUOTAS; i++)
		f[6 + i].n = o->quota[i];
	int fds[3] = { 0, 1, 2 };
	if (stdio_fd >= 0)
		fds[0] = fds[1] = fds[2] = stdio_fd;
	if (ctl_send(fd, PX_L_REGISTER, 1, f, o->detach ? NULL : fds, o->detach ? 0 : 3) < 0) {
		fprintf(stderr, "p-launch: cannot talk to p-dom0d: %s\n", strerror(errno));
		return -1;
	}
	static uint8_t body[PX_MAX_FRAME];
	struct px_hdr h;
	if (ctl_recv(fd, 15000, &h, f, body, sizeof body) <= 0) {
		fprintf(stderr, "p-launch: p-dom0d did not answer the registration\n");
		return -1;
	}
	if (h.type == PX_ERROR) {
		fprintf(stderr, "p-launch: p-dom0d refused the guest: %.*s\n", (int)f[1].len,
			(const char *)f[1].p);
		return -1;
	}
	return h.type == PX_L_OK ? 0 : -1;
}

static void report_boot(uint32_t domid)
{
	long us = dom_read_number(domid, "data/boot-us");
	if (us >= 0)
		fprintf(stderr, "p-launch: guest boot: %ld.%03ld ms from kernel entry to the first P instruction\n",
			us / 1000, us % 1000);
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* The REPL on a terminal: a child of ours keeps the terminal and edits
 * the lines (repl_relay.h); the guest's stdio is a socket to it.  Returns
 * our end of that socket for p-dom0d and the child's pid, or -1 (then the
 * guest gets the terminal as it is). */
static int start_relay(const struct launch_opts *o, int ctl_fd, pid_t *pid)
{
	char history[4096], leave[200];
	struct repl_relay_opts ro = {
		.banner = "P, a Scheme (R7RS) for pxen, in a Xen guest.  ,help lists the REPL's "
			  "commands; Ctrl-D leaves.\n",
		.leave = leave,
	};
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	*pid = fork();
	if (*pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if (*pid > 0) {
		close(sv[0]);
		return sv[1];
	}
	/* the child: Ctrl-C reaches our parent too, which interrupts the guest */
	close(sv[1]);
	close(ctl_fd);
	snprintf(leave, sizeof leave, "leaving the REPL; guest %s ends", o->name);
	if (repl_history_path(history, sizeof history, NULL) == 0)
		ro.history = history;
	_exit(repl_relay_run(sv[0], &ro) < 0 ? 1 : 0);
}

/* Waits for the relay to show the guest's last output and give the
 * terminal back; it is told to go after a while. */
static void end_relay(pid_t pid)
{
	for (int i = 0; i < 40; i++) {
		if (waitpid(pid, NULL, WNOHANG) != 0)
			return;
		usleep(50000);
	}
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
}

/* Waits for the guest to end; returns p-launch's exit status. */
static int supervise(int fd, const struct launch_opts *o, uint32_t domid)
{
	static uint8_t body[PX_MAX_FRAME];
	int status = -1, handled_interrupts = 0;
	uint64_t last_interrupt = 0;
	for (;;) {
		if (terminate) {
			fprintf(stderr, "p-launch: terminated; destroying guest %s\n", o->name);
			return 143;
		}
		if (interrupts > handled_interrupts) {
			/* A program gets one interrupt.  A REPL gets one per
			 * evaluation: only a second Ctrl-C soon after the first
			 * (the REPL did not come back) gives up on the guest. */
			uint64_t now = now_ms();
			int again = interrupts - handled_interrupts >= 2 ||
				    (handled_interrupts > 0 && (!o->repl || now - last_interrupt < 3000));
			handled_interrupts = interrupts;
			last_interrupt = now;
			if (again || fd < 0) {
				fprintf(stderr, "\np-launch: interrupted twice; destroying guest %s\n",
					o->name);
				return 130;
			}
			struct px_field f[PX_MAX_FIELDS] = { { .n = domid } };
			if (ctl_send(fd, PX_L_INTERRUPT, 2, f, NULL, 0) < 0)
				fd = -1;
		}
		if (fd >= 0) {
			struct px_field f[PX_MAX_FIELDS];
			struct px_hdr h;
			int r = ctl_recv(fd, 250, &h, f, body, sizeof body);
			if (r < 0) {
				close(fd);
				fd = -1;
			} else if (r > 0 && h.type == PX_L_EXITED && f[0].n == domid) {
				if (o->bootstats)
					report_boot(domid);
				status = (int32_t)f[1].n;
				if (status < 0 && f[2].len)
					fprintf(stderr, "p-launch: guest %s: %.*s\n", o->name,
						(int)f[2].len, (const char *)f[2].p);
				break;
			}
		} else {
			usleep(250000);
		}
		int st = dom_state(domid);
		if (st == DOM_CRASHED) {
			fprintf(stderr, "p-launch: guest %s (domain %u) crashed\n", o->name,
				(unsigned)domid);
			show_console_tail(o->name);
			return EXIT_SOFTWARE;
		}
		if (st != DOM_RUNNING) {
			status = (int)dom_read_number(domid, "data/exit-status");
			if (status < 0) {
				fprintf(stderr, "p-launch: guest %s stopped without an exit status\n",
					o->name);
				show_console_tail(o->name);
				return EXIT_SOFTWARE;
			}
			return status & 0xff;
		}
	}
	/* The guest shuts down right after EXIT; give it a moment so that a
	 * crash on the way out is still reported. */
	for (int i = 0; i < 20 && dom_state(domid) == DOM_RUNNING; i++)
		usleep(100000);
	if (dom_state(domid) == DOM_CRASHED) {
		fprintf(stderr, "p-launch: guest %s crashed while exiting\n", o->name);
		show_console_tail(o->name);
	}
	return status < 0 ? EXIT_SOFTWARE : status & 0xff;
}

int main(int argc, char **argv)
{
	struct launch_opts o = { .mem_bytes = 128ull << 20, .control = CONTROL_DEFAULT };
	char namebuf[32], kbuf[PATH_MAX + 32];
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "list"))
		return do_list(argc > 3 && !strcmp(argv[2], "--control") ? argv[3] : CONTROL_DEFAULT);
	if (argc > 1 && !strcmp(argv[1], "stop")) {
		if (argc != 3) {
			usage(stderr);
			return EXIT_USAGE;
		}
		return do_stop(CONTROL_DEFAULT, argv[2]);
	}
	if (argc > 1 && !strcmp(argv[1], "attach")) {
		if (argc != 3) {
			usage(stderr);
			return EXIT_USAGE;
		}
		return do_attach(argv[2]);
	}
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];
		int has = i + 1 < argc;
		if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "--mem") && has) {
			o.mem_bytes = parse_size(argv[++i]);
			if (o.mem_bytes < ((uint64_t)LAUNCH_MIN_MEM_MB << 20)) {
				fprintf(stderr, "p-launch: --mem %s: give a size of at least %uM\n",
					argv[i], LAUNCH_MIN_MEM_MB);
				return EXIT_USAGE;
			}
		} else if (!strcmp(a, "--heap") && has) {
			o.heap_bytes = parse_size(argv[++i]);
			if (o.heap_bytes < (1ull << 20)) {
				fprintf(stderr, "p-launch: --heap %s: give a size of at least 1M\n", argv[i]);
				return EXIT_USAGE;
			}
		} else if (!strcmp(a, "--name") && has) {
			o.name = argv[++i];
		} else if (!strcmp(a, "--fs") && has) {
			o.fs = argv[++i];
		} else if (!strcmp(a, "--ro")) {
			o.read_only = 1;
		} else if (!strcmp(a, "--net") && has) {
			if (o.nrules == LAUNCH_MAX_RULES) {
				fprintf(stderr, "p-launch: too many --net rules\n");
				return EXIT_USAGE;
			}
			o.rules[o.nrules++] = argv[++i];
		} else if (!strcmp(a, "--quota") && has) {
			unsigned id;
			uint64_t v;
			if (px_quota_parse(argv[++i], &id, &v) < 0) {
				fprintf(stderr, "p-launch: --quota %s: give one of %.*s\n", argv[i],
					(int)sizeof PX_QUOTA_WORDS - 3, PX_QUOTA_WORDS);
				return EXIT_USAGE;
			}
			o.quota[id] = v;
		} else if (!strcmp(a, "--env") && has) {
			const char *e = argv[++i];
			if (!strchr(e, '=') || e[0] == '=' || o.nenv == LAUNCH_MAX_RULES) {
				fprintf(stderr, "p-launch: --env %s: give NAME=VALUE (at most %d)\n", e,
					LAUNCH_MAX_RULES);
				return EXIT_USAGE;
			}
			o.env[o.nenv++] = e;
		} else if (!strcmp(a, "--repl")) {
			o.repl = 1;
		} else if (!strcmp(a, "--detach")) {
			o.detach = 1;
		} else if (!strcmp(a, "--kernel") && has) {
			o.kernel = argv[++i];
		} else if (!strcmp(a, "--control") && has) {
			o.control = argv[++i];
		} else if (!strcmp(a, "--bootstats")) {
			o.bootstats = 1;
		} else if (!strcmp(a, "--crashtest")) {
			o.crashtest = 1;
		} else if (!strcmp(a, "--gc-stats")) {
			o.gc_stats = 1;
		} else {
			fprintf(stderr, "p-launch: unknown or incomplete option %s\n", a);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (o.heap_bytes > o.mem_bytes) {
		fprintf(stderr, "p-launch: --heap is larger than the guest's memory (--mem)\n");
		return EXIT_USAGE;
	}
	if (!o.repl) {
		if (i >= argc) {
			usage(stderr);
			return EXIT_USAGE;
		}
		o.prog = argv[i];
		o.argc = argc - i;
		o.argv = argv + i;
		int pfd = open(o.prog, O_RDONLY);
		struct stat st;
		if (pfd < 0 || fstat(pfd, &st) < 0 || !S_ISREG(st.st_mode)) {
			fprintf(stderr, "p-launch: cannot read program %s: %s\n", o.prog,
				pfd < 0 ? strerror(errno) : "not a regular file");
			return EXIT_USAGE;
		}
		close(pfd);
	} else if (i < argc) {
		fprintf(stderr, "p-launch: --repl takes no program\n");
		return EXIT_USAGE;
	}
	if (!o.name) {
		snprintf(namebuf, sizeof namebuf, "p-%d", (int)getpid());
		o.name = namebuf;
	}
	for (const char *c = o.name; *c; c++)
		if (!(*c == '-' || *c == '_' || *c == '.' || (*c >= '0' && *c <= '9') ||
		      (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')) || strlen(o.name) > 48) {
			fprintf(stderr, "p-launch: --name %s: use up to 48 letters, digits, '-', '_', '.'\n",
				o.name);
			return EXIT_USAGE;
		}
	o.kernel = find_kernel(o.kernel, kbuf, sizeof kbuf);
	if (access(o.kernel, R_OK) != 0) {
		fprintf(stderr, "p-launch: no guest kernel at %s (give one with --kernel)\n", o.kernel);
		return EXIT_UNAVAILABLE;
	}
	static char cmdline[8000];
	if (launch_cmdline(&o, cmdline, sizeof cmdline) < 0) {
		fprintf(stderr, "p-launch: the program's arguments are too long for the guest\n");
		return EXIT_USAGE;
	}
	int fd = connect_control(o.control);
	if (fd < 0)
		return EXIT_UNAVAILABLE;
	if (dom_open() < 0)
		return EXIT_UNAVAILABLE;

	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	uint32_t domid;
	if (dom_create(&o, cmdline, &domid) < 0)
		return EXIT_UNAVAILABLE;
	live_domid = domid;
	have_domain = 1;
	atexit(cleanup);
	pid_t relay = -1;
	int stdio_fd = -1;
	if (o.repl && !o.detach && isatty(0) && isatty(1))
		stdio_fd = start_relay(&o, fd, &relay);
	int bad = register_guest(fd, &o, domid, stdio_fd) < 0 || dom_unpause(domid) < 0;
	if (stdio_fd >= 0)
		close(stdio_fd);
	if (bad) {
		if (relay > 0)
			end_relay(relay);
		return EXIT_UNAVAILABLE;
	}
	if (o.detach) {
		have_domain = 0;
		reaper(domid);
		printf("p-launch: guest %s is running as domain %u; reach it with: p-launch attach %s\n",
		       o.name, (unsigned)domid, o.name);
		return 0;
	}
	int status = supervise(fd, &o, domid);
	if (relay > 0)
		end_relay(relay);
	return status;
}
