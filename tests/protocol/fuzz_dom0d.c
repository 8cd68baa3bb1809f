/*
 * fuzz_dom0d.c - libFuzzer target for p-dom0d's request handling: each input
 * is what one local guest sends after a valid HELLO, fed through the real
 * transport, dispatcher, 9P file server (on a scratch export), streams and
 * socket code; then the guest hangs up and every resource it held must be
 * released (LeakSanitizer checks).  Built with clang -fsanitize=fuzzer.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon.h"
#include "local_tp.h"
#include "px_msgs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct daemon *daemon_once(void)
{
	static struct daemon d;
	static int ready;
	char root[] = "/tmp/pxen-fuzz-XXXXXX", p[64];
	int fd;

	if (ready)
		return &d;
	if (!mkdtemp(root))
		abort();
	snprintf(p, sizeof p, "%s/file.txt", root);
	fd = open(p, O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || write(fd, "some bytes\n", 11) != 11)
		abort();
	close(fd);
	snprintf(p, sizeof p, "%s/dir", root);
	mkdir(p, 0755);
	snprintf(d.local_pol.root, sizeof d.local_pol.root, "%s", root);
	d.local_pol.nrules = 0;
	d.ep = epoll_create1(EPOLL_CLOEXEC);
	d.verbose = 0;
	d.single = 1;
	d.local_l.fd = d.control_l.fd = -1;
	ready = 1;
	return &d;
}

static void drain(int fd)
{
	char buf[65536];

	while (recv(fd, buf, sizeof buf, MSG_DONTWAIT) > 0)
		;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct daemon *d = daemon_once();
	struct px_field f[5] = { { .n = 1 }, { .n = PX_MAX_FRAME }, { .n = 0 },
				 { .p = (const uint8_t *)"fuzz", .len = 4 }, { .n = 15 } };
	uint8_t hello[64];
	long hn = px_frame(hello, sizeof hello, PX_HELLO, 0, 0, f);
	size_t off = 0;
	int sv[2], rounds;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) < 0)
		abort();
	if (!local_adopt(d, sv[0])) {
		close(sv[1]);
		return 0;
	}
	if (write(sv[1], hello, (size_t)hn) != hn)
		abort();
	while (off < size) {
		ssize_t w = write(sv[1], data + off, size - off);
		if (w <= 0) {
			loop_once(d, 0);
			drain(sv[1]);
			continue;
		}
		off += (size_t)w;
	}
	for (rounds = 0; rounds < 8; rounds++) {
		loop_once(d, 0);
		drain(sv[1]);
	}
	close(sv[1]);
	for (rounds = 0; rounds < 100 && d->nguests; rounds++)
		loop_once(d, 10);
	return 0;
}
