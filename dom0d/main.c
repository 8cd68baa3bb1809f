/*
 * main.c - p-dom0d: services pxen guests (files, sockets, terminal) over
 * local sockets and, when built with Xen, over vchan to guests found in
 * xenstore.  See p-dom0d(8).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
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
#ifdef PXEN_XEN
#endif

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

static void on_signal(struct daemon *d, struct watch *w, uint32_t events)
{
	struct signalfd_siginfo si;

	(void)events;
	if (read(w->fd, &si, sizeof si) == sizeof si) {
		dlog(d, NULL, DLOG_INFO, "signal %u: shutting down", si.ssi_signo);
		d->quit = 1;
	}
}

void daemon_release(struct daemon *d)
{
	struct guest *g;

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
	int guest_fd = -1, foreground = 0, i;
	char err[4200];
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
			d.conf = guestconf_load(argv[++i], err, sizeof err);
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
	if (guest_fd < 0)
		sigaddset(&mask, SIGINT);
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
	if (listen_path) {
		int r = local_listen(&d, listen_path);
		if (r < 0) {
			fprintf(stderr, "p-dom0d: --listen %s: %s\n", listen_path, strerror(-r));
			return 1;
		}
	}
#ifdef PXEN_XEN
	if (use_xen) {
		int r;
		if (!control_path)
			control_path = "/run/pxen/control.sock";
		r = xen_tp_start(&d);
		if (r < 0) {
			fprintf(stderr, "p-dom0d: cannot watch xenstore: %s\n", strerror(-r));
			return 1;
		}
	}
#endif
	if (control_path) {
		int r = launcher_listen(&d, control_path);
		if (r < 0) {
			fprintf(stderr, "p-dom0d: --control %s: %s\n", control_path, strerror(-r));
			return 1;
		}
	}
	if (!listen_path && !use_xen && !control_path) {
		fprintf(stderr, "p-dom0d: nothing to serve (give --listen, --guest-fd or use Xen)\n");
		return 2;
	}
	if (!foreground && daemon(0, 0) < 0) {
		perror("p-dom0d: daemon");
		return 1;
	}
	dlog(&d, NULL, DLOG_INFO, "serving");
	run(&d);
	daemon_release(&d);
	return 0;
}
