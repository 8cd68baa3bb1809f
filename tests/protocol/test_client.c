/*
 * test_client.c - the pxen client through a real p-dom0d, as the hosted p
 * uses it: files in the export (read, write, list, rename, delete), escapes
 * that must fail and touch nothing outside, a read-only export, network
 * denied by default, and TCP both ways when policy allows it.
 *
 * usage: test_client [rw|ro|net]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "host.h"
#include "platform.h"
#include "tap.h"

static char top[256], root[300], outside[300];

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
}

static void setup_tree(void)
{
	char p[400];

	snprintf(top, sizeof top, "/tmp/pxen-client-XXXXXX");
	if (!mkdtemp(top)) {
		perror("mkdtemp");
		exit(99);
	}
	snprintf(root, sizeof root, "%s/root", top);
	snprintf(outside, sizeof outside, "%s/outside.txt", top);
	mkdir(root, 0755);
	put(outside, "secret\n");
	snprintf(p, sizeof p, "%s/a.txt", root);
	put(p, "hello\n");
	snprintf(p, sizeof p, "%s/sub", root);
	mkdir(p, 0755);
	snprintf(p, sizeof p, "%s/sub/b.txt", root);
	put(p, "bee\n");
	snprintf(p, sizeof p, "%s/up", root);
	symlink("/", p);
	snprintf(p, sizeof p, "%s/loop", root);
	symlink("loop", p);
	snprintf(p, sizeof p, "%s/esc", root);
	symlink("../outside.txt", p);
	snprintf(p, sizeof p, "%s/inner", root);
	symlink("sub/b.txt", p);
}

static int read_all(const char *path, char *buf, size_t cap)
{
	int h = plat_open(path, PLAT_O_READ);
	long n, total = 0;

	if (h < 0)
		return h;
	while ((n = plat_read(h, buf + total, cap - 1 - (size_t)total)) > 0)
		total += n;
	plat_close(h);
	buf[total] = 0;
	return n < 0 ? (int)n : (int)total;
}

static void file_tests(int ro)
{
	char buf[256];
	struct plat_stat st;
	int h, n, seen = 0;

	n = read_all("a.txt", buf, sizeof buf);
	tap_ok(n == 6 && !strcmp(buf, "hello\n"), "read a file in the export");
	n = read_all("sub/b.txt", buf, sizeof buf);
	tap_ok(n == 4 && !strcmp(buf, "bee\n"), "read a file in a subdirectory");
	n = read_all("inner", buf, sizeof buf);
	tap_ok(n == 4 && !strcmp(buf, "bee\n"), "a symlink that stays inside works");
	tap_ok(read_all("../outside.txt", buf, sizeof buf) < 0, "../outside.txt fails");
	tap_ok(read_all("sub/../../outside.txt", buf, sizeof buf) < 0, "sub/../../outside.txt fails");
	tap_ok(read_all("/etc/passwd", buf, sizeof buf) < 0, "/etc/passwd fails");
	tap_ok(read_all("../../../../etc/passwd", buf, sizeof buf) < 0, "../../../../etc/passwd fails");
	tap_ok(read_all("up/etc/passwd", buf, sizeof buf) < 0, "a symlink to / fails");
	tap_ok(read_all("esc", buf, sizeof buf) < 0, "a symlink leading outside fails");
	tap_ok(read_all("loop", buf, sizeof buf) < 0, "a symlink loop fails");
	tap_ok(plat_open("up/tmp/pxen-escape", PLAT_O_WRITE | PLAT_O_CREATE) < 0,
	       "creating through a symlink to / fails");
	tap_ok(plat_open("../escape.txt", PLAT_O_WRITE | PLAT_O_CREATE) < 0,
	       "creating ../escape.txt fails");
	tap_ok(access("/tmp/pxen-escape", F_OK) != 0, "nothing was created outside");
	n = read_all("a.txt", buf, sizeof buf);
	tap_ok(plat_stat("a.txt", &st) == 0 && st.type == PLAT_FT_FILE && st.size == 6,
	       "stat a file");
	tap_ok(plat_stat("sub", &st) == 0 && st.type == PLAT_FT_DIR, "stat a directory");
	tap_ok(plat_stat("nope", &st) == -PLAT_ENOENT, "stat a missing file gives ENOENT");
	h = plat_opendir(".");
	if (h >= 0) {
		while ((n = plat_readdir(h, buf, sizeof buf)) > 0)
			seen |= (!strcmp(buf, "a.txt")) | (!strcmp(buf, "sub")) << 1;
		plat_close(h);
	}
	tap_ok(seen == 3, "list the export root");

	h = plat_open("new.txt", PLAT_O_WRITE | PLAT_O_CREATE | PLAT_O_TRUNC);
	if (ro) {
		tap_ok(h == -PLAT_EROFS, "read-only export refuses creating a file");
		tap_ok(plat_open("a.txt", PLAT_O_WRITE) == -PLAT_EROFS,
		       "read-only export refuses writing a file");
		tap_ok(plat_mkdir("d2") == -PLAT_EROFS, "read-only export refuses mkdir");
		tap_ok(plat_unlink("a.txt") == -PLAT_EROFS, "read-only export refuses unlink");
		tap_ok(plat_rename("a.txt", "b.txt") == -PLAT_EROFS, "read-only export refuses rename");
		n = read_all("a.txt", buf, sizeof buf);
		tap_ok(n == 6, "the file is untouched");
		return;
	}
	tap_ok(h >= 0 && plat_write(h, "written\n", 8) == 8 && plat_close(h) == 0, "write a new file");
	n = read_all("new.txt", buf, sizeof buf);
	tap_ok(n == 8 && !strcmp(buf, "written\n"), "read it back");
	h = plat_open("new.txt", PLAT_O_WRITE | PLAT_O_APPEND);
	tap_ok(h >= 0 && plat_write(h, "more\n", 5) == 5 && plat_close(h) == 0, "append to it");
	n = read_all("new.txt", buf, sizeof buf);
	tap_ok(n == 13 && !strcmp(buf, "written\nmore\n"), "appended text is there");
	tap_ok(plat_open("new.txt", PLAT_O_WRITE | PLAT_O_CREATE | PLAT_O_EXCL) == -PLAT_EEXIST,
	       "exclusive create of an existing file fails");
	tap_ok(plat_mkdir("d2") == 0 && plat_stat("d2", &st) == 0 && st.type == PLAT_FT_DIR,
	       "mkdir");
	tap_ok(plat_rename("new.txt", "d2/moved.txt") == 0 && plat_stat("new.txt", &st) < 0 &&
	       plat_stat("d2/moved.txt", &st) == 0, "rename into a directory");
	tap_ok(plat_rmdir("d2") == -PLAT_ENOTEMPTY, "rmdir of a full directory fails");
	tap_ok(plat_unlink("d2/moved.txt") == 0 && plat_rmdir("d2") == 0 &&
	       plat_stat("d2", &st) == -PLAT_ENOENT, "unlink and rmdir");
	{
		/* Deeper than one Twalk carries (16 names), and bigger than a
		 * frame. */
		static char big[300000], back[300001];
		char path[256] = "";
		long got = 0, r;
		int k, ok = 1;
		for (k = 0; k < 20 && ok; k++) {
			strcat(path, k ? "/d" : "d");
			ok = plat_mkdir(path) == 0;
		}
		strcat(path, "/big.bin");
		for (k = 0; k < (int)sizeof big; k++)
			big[k] = (char)(k * 7 + k / 251);
		h = plat_open(path, PLAT_O_WRITE | PLAT_O_CREATE | PLAT_O_TRUNC);
		ok = ok && h >= 0 && plat_write(h, big, sizeof big) == (long)sizeof big &&
		     plat_close(h) == 0;
		h = plat_open(path, PLAT_O_READ);
		while (h >= 0 && (r = plat_read(h, back + got, sizeof back - (size_t)got)) > 0)
			got += r;
		if (h >= 0)
			plat_close(h);
		tap_ok(ok && got == (long)sizeof big && !memcmp(big, back, sizeof big),
		       "300 kB written and read back 20 directories deep");
	}
	tap_ok(plat_rename("a.txt", "../stolen.txt") < 0, "rename out of the export fails");
	tap_ok(plat_unlink("../outside.txt") < 0 && access(outside, F_OK) == 0,
	       "unlink outside fails and the file is still there");
	tap_ok(plat_unlink("up/tmp") < 0, "unlink through a symlink to / fails");
}

static int free_port(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port;

	bind(fd, (struct sockaddr *)&sa, sizeof sa);
	getsockname(fd, (struct sockaddr *)&sa, &len);
	port = ntohs(sa.sin_port);
	close(fd);
	return port;
}

/* A child process echoing one connection on port, over IPv4 or IPv6. */
static pid_t echo_server(int port, int v6)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in6 sa6 = { .sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port),
				    .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	int one = 1, fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
	pid_t pid;

	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if ((v6 ? bind(fd, (struct sockaddr *)&sa6, sizeof sa6) : bind(fd, (struct sockaddr *)&sa, sizeof sa)) < 0 ||
	    listen(fd, 4) < 0) {
		perror("echo server");
		exit(99);
	}
	pid = fork();
	if (pid == 0) {
		char buf[4096];
		ssize_t n;
		int c = accept(fd, NULL, NULL);
		while ((n = read(c, buf, sizeof buf)) > 0)
			if (write(c, buf, (size_t)n) != n)
				break;
		_exit(0);
	}
	close(fd);
	return pid;
}

/* Sends a line to an echo server at host:port and checks it comes back. */
static int echo_round(const char *host, int port)
{
	char buf[64];
	long n = 0;
	int h = plat_tcp_connect(host, port);

	if (h < 0 || plat_write(h, "ping\n", 5) != 5)
		return 0;
	while (n < 5) {
		long r = plat_read(h, buf + n, sizeof buf - 1 - (size_t)n);
		if (r <= 0)
			break;
		n += r;
	}
	plat_close(h);
	return n == 5 && !memcmp(buf, "ping\n", 5);
}

static void net_tests(int allowed, int port, int lport)
{
	char buf[64];
	int h, l;
	long n;

	h = plat_tcp_connect("127.0.0.1", port);
	if (!allowed) {
		tap_ok(h == -PLAT_EACCES, "network is denied by default");
		tap_ok(plat_tcp_listen("127.0.0.1", lport) == -PLAT_EACCES,
		       "listening is denied by default");
		return;
	}
	tap_ok(h >= 0, "connect to an allowed address");
	tap_ok(plat_write(h, "ping\n", 5) == 5, "send to the echo server");
	n = 0;
	while (n < 5) {
		long r = plat_read(h, buf + n, sizeof buf - 1 - (size_t)n);
		if (r <= 0)
			break;
		n += r;
	}
	buf[n > 0 ? n : 0] = 0;
	tap_ok(n == 5 && !strcmp(buf, "ping\n"), "the echo comes back");
	plat_close(h);
	tap_ok(plat_tcp_connect("127.0.0.1", port + 1 == lport ? port + 2 : port + 1) == -PLAT_EACCES,
	       "a port outside the rules is refused");
	l = plat_tcp_listen("127.0.0.1", lport);
	tap_ok(l >= 0, "listen on an allowed port");
	if (l >= 0) {
		pid_t pid = fork();
		if (pid == 0) {
			struct sockaddr_in sa = { .sin_family = AF_INET,
						  .sin_port = htons((uint16_t)lport),
						  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
			int fd = socket(AF_INET, SOCK_STREAM, 0);
			char r[16] = { 0 };
			if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
			    write(fd, "hi guest", 8) != 8 || read(fd, r, sizeof r - 1) <= 0)
				_exit(1);
			_exit(strcmp(r, "hi host") != 0);
		}
		h = plat_tcp_accept(l);
		tap_ok(h >= 0, "accept a connection");
		n = h >= 0 ? plat_read(h, buf, sizeof buf - 1) : -1;
		buf[n > 0 ? n : 0] = 0;
		tap_ok(n == 8 && !strcmp(buf, "hi guest"), "read from the accepted connection");
		tap_ok(h >= 0 && plat_write(h, "hi host", 7) == 7, "answer it");
		if (h >= 0)
			plat_close(h);
		int status = 1;
		waitpid(pid, &status, 0);
		tap_ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the client got the answer");
		plat_close(l);
	}
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "rw";
	char rule[64], lrule[64];
	struct host_config cfg = { .heap_limit = 64 << 20, .argc = 1, .argv = argv };
	int port = free_port(), lport = free_port(), err;
	pid_t echo = 0, echo6 = 0;
	int port6 = free_port();
	char rule6[64];

	setup_tree();
	cfg.fs_root = root;
	cfg.read_only = !strcmp(mode, "ro");
	if (!strcmp(mode, "net")) {
		snprintf(rule, sizeof rule, "127.0.0.1:%d", port);
		snprintf(lrule, sizeof lrule, "listen:%d", lport);
		snprintf(rule6, sizeof rule6, "[::1]:%d", port6);
		cfg.net[cfg.nnet++] = rule;
		cfg.net[cfg.nnet++] = lrule;
		cfg.net[cfg.nnet++] = rule6;
		echo = echo_server(port, 0);
		echo6 = echo_server(port6, 1);
	}
	err = host_setup(&cfg);
	tap_ok(err == 0, "connect to a fresh p-dom0d");
	if (err < 0)
		return tap_done();
	if (!strcmp(mode, "net")) {
		net_tests(1, port, lport);
		tap_ok(echo_round("::1", port6), "TCP over IPv6 to an allowed [::1] rule");
		tap_ok(plat_tcp_connect("::1", port) == -PLAT_EACCES,
		       "IPv6 to a port only allowed on IPv4 is refused");
	}
	else {
		file_tests(cfg.read_only);
		net_tests(0, port, lport);
	}
	if (echo) {
		kill(echo, SIGTERM);
		waitpid(echo, NULL, 0);
	}
	if (echo6) {
		kill(echo6, SIGTERM);
		waitpid(echo6, NULL, 0);
	}
	if (system("true") == 0) {
		char cmd[400];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", top);
	}
	return tap_done();
}
