/*
 * main.c - p-dom0d: services pxen guests (files, sockets, terminal) over
 * local sockets and, when built with Xen, over vchan to guests found in
 * xenstore.  See p-dom0d(8).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <syslog.h>
#include <unistd.h>

#include "config.h"
#include "core/loop.h"
#include "core/dlog.h"
#include "core/guest.h"
#include "core/daemon.h"
#include "core/fdbudget.h"
#include "core/policy.h"
#include "core/guestconf.h"
#include "services/repl.h"
#include "services/resolve.h"
#include "control/launcher.h"
#include "transport/local_tp.h"
#include "transport/xen_tp.h"

static void usage(FILE *f)
{
	fputs("usage: p-dom0d [options]\n"
	      "  --foreground       do not detach (always true with --guest-fd)\n"
	      "  --syslog           log to syslog instead of stderr\n"
	      "  --verbose          log debug messages too\n"
	      "  --guest-fd N       serve the one guest connected on fd N, then exit\n"
	      "  --repl-socket PATH with --guest-fd: detach that guest's terminal to a\n"
	      "                     REPL socket at PATH (for p-repl)\n"
	      "  --listen PATH      accept local guests on a unix socket\n"
	      "  --control PATH     launcher control socket (default /run/pxen/control.sock)\n"
	      "  --no-xen           do not watch xenstore for guests\n"
	      "  --config FILE      policies for guests other toolstacks start, by name\n"
	      "  --fs DIR           export DIR to local guests\n"
	      "  --ro               export it read-only\n"
	      "  --net RULE         allow HOST:PORT, listen:PORT, or none (repeatable)\n"
	      "  --quota Q          limit local guests: bytes=N written, files=N created,\n"
	      "                     fids=N open (repeatable)\n", f);
}

/* SIGHUP re-reads the --config file (kept as it was if the new one is bad);
 * SIGTERM and SIGINT end the daemon. */
static void on_signal(struct daemon *d, struct watch *w, uint32_t events)
{
	struct signalfd_siginfo si;

	(void)events;
	while (read(w->fd, &si, sizeof si) == sizeof si) {
		if (si.ssi_signo == SIGHUP) {
			char err[4200];
			struct guestconf *c;
			if (!d->conf_path) {
				dlog(d, NULL, DLOG_INFO, "SIGHUP: no --config file to reload");
				continue;
			}
			c = guestconf_load(d->conf_path, err, sizeof err);
			if (!c) {
				dlog(d, NULL, DLOG_ERR, "SIGHUP: keeping the old config: %s", err);
				continue;
			}
			guestconf_free(d->conf);
			d->conf = c;
			dlog(d, NULL, DLOG_INFO, "SIGHUP: reloaded %s", d->conf_path);
			continue;
		}
		dlog(d, NULL, DLOG_INFO, "signal %u: shutting down", si.ssi_signo);
		d->quit = 1;
	}
}

/*
 * Detaching happens first, before any thread, watch, signalfd or socket
 * exists: none of those survive a fork whole.  The parent stays until the
 * child reports that it serves, so start-up errors still reach the
 * terminal and the exit status.  Returns, in the child, the descriptor to
 * report on.
 */
static int detach(void)
{
	int p[2], st;
	pid_t pid;
	char c;
	ssize_t n;

	if (pipe2(p, O_CLOEXEC) < 0 || (pid = fork()) < 0) {
		perror("p-dom0d: cannot detach");
		exit(1);
	}
	if (pid > 0) {
		close(p[1]);
		while ((n = read(p[0], &c, 1)) < 0 && errno == EINTR)
			;
		if (n == 1)
			_exit(0);
		if (waitpid(pid, &st, 0) == pid && WIFEXITED(st))
			_exit(WEXITSTATUS(st));
		_exit(1);
	}
	close(p[0]);
	setsid();
	return p[1];
}

/* The child serves: its standard streams let go of the terminal. */
static void detached(int report_fd)
{
	int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
	}
	if (write(report_fd, "", 1) != 1)
		_exit(1);
	close(report_fd);
}

/* In the foreground, the terminal a launcher passes must not be one whose
 * job control can stop p-dom0d (SIGTTIN when started with & from a shell):
 * give up the controlling terminal. */
static void drop_controlling_tty(void)
{
	int fd;

	if (getsid(0) == getpid())
		return;	/* a session leader would hang up its foreground jobs */
	fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd >= 0) {
		ioctl(fd, TIOCNOTTY);
		close(fd);
	}
}

/* One daemon per run directory: a second one would take the control
 * socket over.  The lock lives as long as the process. */
static int take_lock(const char *dir, char *path, size_t cap)
{
	char pid[32];
	int fd, n;

	if ((size_t)snprintf(path, cap, "%s/p-dom0d.pid", dir) >= cap) {
		fprintf(stderr, "p-dom0d: run directory name too long: %s\n", dir);
		return -1;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0) {
		fprintf(stderr, "p-dom0d: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		n = (int)read(fd, pid, sizeof pid - 1);
		pid[n > 0 ? n : 0] = 0;
		pid[strcspn(pid, "\n")] = 0;
		fprintf(stderr, "p-dom0d: already running (pid %s, lock %s)\n", pid[0] ? pid : "?",
			path);
		close(fd);
		return -1;
	}
	n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) < 0 || write(fd, pid, (size_t)n) != n) {
		fprintf(stderr, "p-dom0d: %s: %s\n", path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

void daemon_release(struct daemon *d)
{
	struct guest *g;

	d->stopping = 1;
	for (g = d->guests; g; g = g->next)
		guest_kill(g, "p-dom0d is shutting down");
	guest_reap(d);
	resolve_stop(d);
	launcher_release(d);
#ifdef PXEN_XEN
	xen_tp_stop(d);
#endif
	if (d->local_l.fd >= 0) {
		loop_del(d, &d->local_l);
		close(d->local_l.fd);
	}
	guestconf_free(d->conf);
	close(d->ep);
}

static void run(struct daemon *d)
{
	while (!d->quit) {
		if (loop_once(d, -1) < 0)
			return;
		if (d->single && !d->nguests)
			return;
	}
}

int main(int argc, char **argv)
{
	struct daemon d = { .ep = -1, .local_l.fd = -1, .control_l.fd = -1 };
	struct watch sigw = { .fn = on_signal };
	const char *listen_path = NULL, *control_path = NULL;
#ifdef PXEN_XEN
	int use_xen = 1;
#else
	int use_xen = 0;
#endif
	int guest_fd = -1, foreground = 0, i, report_fd = -1, lock_fd = -1;
	char err[4200], lock_path[300];
	sigset_t mask;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int more = i + 1 < argc;
		if (!strcmp(a, "--foreground")) {
			foreground = 1;
		} else if (!strcmp(a, "--syslog")) {
			d.use_syslog = 1;
		} else if (!strcmp(a, "--verbose")) {
			d.verbose = 1;
		} else if (!strcmp(a, "--guest-fd") && more) {
			guest_fd = atoi(argv[++i]);
		} else if (!strcmp(a, "--repl-socket") && more) {
			d.single_repl = argv[++i];
		} else if (!strcmp(a, "--listen") && more) {
			listen_path = argv[++i];
		} else if (!strcmp(a, "--control") && more) {
			control_path = argv[++i];
		} else if (!strcmp(a, "--config") && more) {
			d.conf_path = argv[++i];
			d.conf = guestconf_load(d.conf_path, err, sizeof err);
			if (!d.conf) {
				fprintf(stderr, "p-dom0d: --config %s\n", err);
				return 2;
			}
		} else if (!strcmp(a, "--no-xen")) {
			use_xen = 0;
		} else if (!strcmp(a, "--fs") && more) {
			if (!realpath(argv[++i], d.local_pol.root)) {
				fprintf(stderr, "p-dom0d: --fs %s: %s\n", argv[i], strerror(errno));
				return 2;
			}
		} else if (!strcmp(a, "--ro")) {
			d.local_pol.read_only = 1;
		} else if (!strcmp(a, "--net") && more) {
			if (policy_add_rule(&d.local_pol, argv[++i], err, sizeof err) < 0) {
				fprintf(stderr, "p-dom0d: --net: %s\n", err);
				return 2;
			}
		} else if (!strcmp(a, "--quota") && more) {
			if (policy_set_quota(&d.local_pol, argv[++i], err, sizeof err) < 0) {
				fprintf(stderr, "p-dom0d: --quota: %s\n", err);
				return 2;
			}
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "p-dom0d: unknown or incomplete option '%s'\n", a);
			usage(stderr);
			return 2;
		}
	}
#ifdef PXEN_XEN
	if (use_xen && !control_path && guest_fd < 0)
		control_path = "/run/pxen/control.sock";
#endif
	if (guest_fd < 0 && !listen_path && !use_xen && !control_path) {
		fprintf(stderr, "p-dom0d: nothing to serve (give --listen, --guest-fd or use Xen)\n");
		return 2;
	}
	if (guest_fd < 0 && !foreground) {
		report_fd = detach();
		d.use_syslog = 1;	/* standard error is about to go */
	} else if (guest_fd < 0) {
		drop_controlling_tty();
	}
	if (control_path && guest_fd < 0) {
		char dir[256];
		snprintf(dir, sizeof dir, "%s", control_path);
		if (strrchr(dir, '/'))
			*strrchr(dir, '/') = 0;
		else
			snprintf(dir, sizeof dir, ".");
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			fprintf(stderr, "p-dom0d: cannot create %s: %s\n", dir, strerror(errno));
		lock_fd = take_lock(dir, lock_path, sizeof lock_path);
		if (lock_fd < 0)
			return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	{
		/* Every guest socket is a descriptor: take all the system allows. */
		struct rlimit rl;
		if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
			rl.rlim_cur = rl.rlim_max;
			setrlimit(RLIMIT_NOFILE, &rl);
		}
	}
	d.fd_ceiling = fdbudget_ceiling();
	if (d.use_syslog)
		openlog("p-dom0d", LOG_PID, LOG_DAEMON);
	d.ep = epoll_create1(EPOLL_CLOEXEC);
	if (d.ep < 0) {
		perror("p-dom0d: epoll_create1");
		return 1;
	}
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	if (guest_fd < 0) {
		sigaddset(&mask, SIGINT);
		sigaddset(&mask, SIGHUP);
	}
	sigprocmask(SIG_BLOCK, &mask, NULL);
	sigw.fd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
	if (sigw.fd < 0 || loop_set(&d, &sigw, EPOLLIN, 1) < 0) {
		perror("p-dom0d: signalfd");
		return 1;
	}
	if (resolve_start(&d) < 0) {
		perror("p-dom0d: eventfd");
		return 1;
	}
	if (guest_fd >= 0) {
		struct guest *g;
		d.single = 1;
		g = local_adopt(&d, guest_fd);
		if (!g) {
			fprintf(stderr, "p-dom0d: cannot serve fd %d\n", guest_fd);
			return 1;
		}
		if (d.single_repl) {
			int fd = repl_listen(d.single_repl, getuid());
			if (fd < 0 || repl_attach_guest(g, fd, d.single_repl) < 0) {
				fprintf(stderr, "p-dom0d: --repl-socket %s: %s\n", d.single_repl,
					strerror(fd < 0 ? -fd : ENOMEM));
				return 1;
			}
		}
		run(&d);
		daemon_release(&d);
		return 0;
	}
	/* Registrations first: xenstore discovery finds guests they name. */
	if (control_path) {
		int r = launcher_listen(&d, control_path);
		if (r < 0) {
			fprintf(stderr, "p-dom0d: --control %s: %s\n", control_path, strerror(-r));
			return 1;
		}
	}
#ifdef PXEN_XEN
	if (use_xen) {
		int r = xen_tp_start(&d);
		if (r < 0) {
			fprintf(stderr, "p-dom0d: cannot watch xenstore: %s\n", strerror(-r));
			return 1;
		}
	}
#endif
	/* Last: a client that reached the guest socket finds every other
	 * socket ready too. */
	if (listen_path) {
		int r = local_listen(&d, listen_path);
		if (r < 0) {
			fprintf(stderr, "p-dom0d: --listen %s: %s\n", listen_path, strerror(-r));
			return 1;
		}
	}
	dlog(&d, NULL, DLOG_INFO, "serving");
	if (report_fd >= 0)
		detached(report_fd);
	run(&d);
	daemon_release(&d);
	if (listen_path)
		unlink(listen_path);
	if (control_path)
		unlink(control_path);
	if (lock_fd >= 0) {
		unlink(lock_path);
		close(lock_fd);
	}
	return 0;
}
