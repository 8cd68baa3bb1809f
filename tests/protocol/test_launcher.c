/*
 * test_launcher.c - the launcher control socket of p-dom0d (PROTOCOL.md §7)
 * without Xen: REGISTER (good and bad), a detached guest's REPL socket,
 * LIST, STOP, INTERRUPT_GUEST of an unknown guest, a malformed request,
 * and the socket's permissions.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "connect_wait.h"
#include "px_msgs.h"
#include "px_quota.h"
#include "rawguest.h"
#include "tap.h"

static int ctl;

static int request(unsigned type, uint32_t tag, const struct px_field *f, struct px_hdr *h,
		   struct px_field *out, uint8_t *buf)
{
	long n = px_frame(buf, PX_MAX_FRAME, type, 0, tag, f), got = 0;
	const char *why;

	if (write(ctl, buf, (size_t)n) != n)
		return -1;
	while (got < PX_HDR || got < (long)px_get32(buf)) {
		ssize_t r = read(ctl, buf + got, PX_MAX_FRAME - (size_t)got);
		if (r <= 0)
			return -1;
		got += r;
	}
	px_hdr_decode(buf, PX_MAX_FRAME, h);
	return px_check(h, buf + PX_HDR, PX_D2L, out, &why);
}

static void reg(struct px_field *f, uint32_t domid, const char *name, const char *root,
		uint32_t flags, uint8_t *rules, uint32_t rules_len, uint32_t nrules)
{
	memset(f, 0, PX_MAX_FIELDS * sizeof *f);
	f[0].n = domid;
	f[1].p = (const uint8_t *)name;
	f[1].len = (uint32_t)strlen(name);
	f[2].p = (const uint8_t *)root;
	f[2].len = (uint32_t)strlen(root);
	f[3].n = flags;
	f[4].n = getuid();
	f[5].n = nrules;
	f[5].p = rules;
	f[5].len = rules_len;
}

int main(void)
{
	char dir[] = "/tmp/pxen-launch-XXXXXX", sock[96], repl[96], log[96], cmd[160], dom0d[256];
	static uint8_t buf[PX_MAX_FRAME];
	uint8_t rules[32];
	struct px_field f[PX_MAX_FIELDS], out[PX_MAX_FIELDS];
	struct px_hdr h;
	struct stat st;
	pid_t pid;

	if (!mkdtemp(dir))
		return 99;
	snprintf(sock, sizeof sock, "%s/control.sock", dir);
	snprintf(repl, sizeof repl, "%s/web1.sock", dir);
	snprintf(log, sizeof log, "%s/dom0d.log", dir);
	snprintf(dom0d, sizeof dom0d, "%s/p-dom0d", getenv("top_builddir") ? getenv("top_builddir") : ".");
	pid = fork();
	if (pid == 0) {
		int lfd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(lfd, 2);
		execl(dom0d, "p-dom0d", "--foreground", "--no-xen", "--control", sock, (char *)NULL);
		_exit(127);
	}
	ctl = connect_wait(sock, CONNECT_WAIT_SECONDS, pid);
	tap_ok(stat(sock, &st) == 0 && (st.st_mode & 0777) == 0600, "the control socket is mode 0600");
	tap_ok(ctl >= 0, "a launcher connects");

	px_put16(rules, 11);
	memcpy(rules + 2, "listen:8080", 11);
	reg(f, 7, "web1", dir, PX_L_RO | PX_L_DETACHED, rules, 13, 1);
	tap_ok(request(PX_L_REGISTER, 1, f, &h, out, buf) == 0 && h.type == PX_L_OK && h.tag == 1,
	       "REGISTER a detached guest");
	tap_ok(stat(repl, &st) == 0 && S_ISSOCK(st.st_mode) && (st.st_mode & 0777) == 0600 &&
	       st.st_uid == getuid(), "its REPL socket exists, mode 0600, owned by the user");
	reg(f, 8, "bad", "relative/root", 0, NULL, 0, 0);
	tap_ok(request(PX_L_REGISTER, 2, f, &h, out, buf) == 0 && h.type == PX_ERROR &&
	       out[0].n == EINVAL, "a relative export root is refused");
	px_put16(rules, 9);
	memcpy(rules + 2, "nonsense!", 9);
	reg(f, 9, "bad2", "", 0, rules, 11, 1);
	tap_ok(request(PX_L_REGISTER, 3, f, &h, out, buf) == 0 && h.type == PX_ERROR,
	       "a malformed network rule is refused");
	reg(f, 11, "quota1", dir, 0, NULL, 0, 0);
	f[6 + PX_QUOTA_bytes].n = 1u << 20;
	f[6 + PX_QUOTA_files].n = 2;
	f[6 + PX_QUOTA_fids].n = 8;
	tap_ok(request(PX_L_REGISTER, 12, f, &h, out, buf) == 0 && h.type == PX_L_OK,
	       "REGISTER with quotas on bytes, files and fids");
	tap_ok(raw_log_count(log, "registered guest quota1 (domid 11, root ") &&
	       raw_log_count(log, ", bytes=1048576, files=2, fids=8)"), "the daemon takes them");
	reg(f, 12, "quota2", dir, 0, NULL, 0, 0);
	f[6 + PX_QUOTA_fids].n = 1ull << 32;
	tap_ok(request(PX_L_REGISTER, 13, f, &h, out, buf) == 0 && h.type == PX_ERROR &&
	       out[0].n == EINVAL && memmem(out[1].p, out[1].len, "quota fids is too large", 23),
	       "a quota too large for its kind is refused");
	reg(f, 10, "../evil", "", PX_L_DETACHED, NULL, 0, 0);
	tap_ok(request(PX_L_REGISTER, 4, f, &h, out, buf) == 0 && h.type == PX_ERROR &&
	       access("/tmp/evil.sock", F_OK) != 0, "a detached name with a slash is refused");
	tap_ok(request(PX_L_LIST, 5, NULL, &h, out, buf) == 0 && h.type == PX_L_LIST_R &&
	       out[0].n == 2 && memmem(out[0].p, out[0].len, "7 web1 waiting", 14) &&
	       memmem(out[0].p, out[0].len, "11 quota1 waiting", 17), "LIST shows the waiting guests");
	f[0].n = 99;
	tap_ok(request(PX_L_INTERRUPT, 6, f, &h, out, buf) == 0 && h.type == PX_ERROR &&
	       out[0].n == ENOENT, "INTERRUPT_GUEST of an unknown guest gives ENOENT");
	f[0].n = 7;
	tap_ok(request(PX_L_STOP, 7, f, &h, out, buf) == 0 && h.type == PX_L_OK,
	       "STOP forgets the guest");
	tap_ok(access(repl, F_OK) != 0, "and removes its REPL socket");
	f[0].n = 11;
	tap_ok(request(PX_L_STOP, 14, f, &h, out, buf) == 0 && h.type == PX_L_OK,
	       "STOP forgets the guest with quotas");
	f[0].n = 7;
	tap_ok(request(PX_L_STOP, 8, f, &h, out, buf) == 0 && h.type == PX_ERROR &&
	       out[0].n == ENOENT, "STOP of an unknown guest gives ENOENT");
	{
		/* A guest-side message on the control socket closes that connection. */
		struct px_field t = { .n = 0 };
		long n = px_frame(buf, sizeof buf, PX_EXIT, 0, 9, &t);
		char c;
		tap_ok(write(ctl, buf, (size_t)n) == n && read(ctl, &c, 1) == 0,
		       "a malformed request closes the launcher connection");
	}
	tap_ok(kill(pid, 0) == 0, "p-dom0d is still running");
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 99;
	return tap_done();
}
