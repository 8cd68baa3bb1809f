/*
 * plat_host.c - the machine half of platform.h for a Linux process: memory,
 * clocks, program context, exit and interrupts.  Streams, files and sockets
 * are the pxen client's (guest/client), talking to p-dom0d.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "host.h"
#include "platform.h"
#include "unix_sock.h"

extern char **environ;

/* The process is the platform: its configuration is process-wide state. */
static struct host_config host;
static size_t heap_in_use;
static volatile sig_atomic_t interrupt_pending;

static void on_sigint(int sig)
{
	(void)sig;
	interrupt_pending = 1;
}

int host_setup(const struct host_config *cfg)
{
	const char *name;
	uint32_t want = 0;
	int fd, err;

	host = *cfg;
	if (cfg->catch_sigint) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_sigint;
		sigemptyset(&sa.sa_mask);
		if (sigaction(SIGINT, &sa, NULL) < 0)
			return -errno;
	}
	signal(SIGPIPE, SIG_IGN);
	fd = cfg->connect_path ? unix_connect(cfg->connect_path) : host_spawn_dom0d(cfg);
	if (fd < 0)
		return fd;
	host_transport_init(fd, !cfg->repl_socket, cfg->connect_path);
	/* A running p-dom0d has its own policy: ask for everything it allows. */
	if (cfg->fs_root || cfg->connect_path)
		want |= CLIENT_WANT_FILES;
	if (cfg->nnet || cfg->connect_path)
		want |= CLIENT_WANT_NET;
	name = cfg->argc > 0 ? strrchr(cfg->argv[0], '/') : NULL;
	name = name ? name + 1 : cfg->argc > 0 ? cfg->argv[0] : "p";
	err = client_start((uint32_t)getpid(), name, want);
	return err < 0 ? err : 0;
}

size_t host_parse_size(const char *s)
{
	char *end;
	unsigned long long n;

	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno || end == s)
		return 0;
	switch (*end) {
	case 'k': case 'K': n <<= 10; end++; break;
	case 'm': case 'M': n <<= 20; end++; break;
	case 'g': case 'G': n <<= 30; end++; break;
	default: break;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	return *end ? 0 : (size_t)n;
}

#define HUGE_PAGE ((size_t)2 << 20)

/* Regions of a huge page or more start on a huge-page boundary and ask for
 * transparent huge pages: one fault and one TLB entry per 2 MiB instead of
 * 512.  The slack mapped for the alignment is unmapped again. */
void *plat_pages_alloc(size_t bytes)
{
	size_t span = bytes >= HUGE_PAGE ? bytes + HUGE_PAGE : bytes;
	char *m, *p;

	if (bytes > host.heap_limit - heap_in_use)
		return NULL;
	m = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return NULL;
	p = m;
	if (span != bytes) {
		p = (char *)(((uintptr_t)m + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
		if (p > m)
			munmap(m, (size_t)(p - m));
		if (m + span > p + bytes)
			munmap(p + bytes, (size_t)(m + span - (p + bytes)));
		(void)madvise(p, bytes, MADV_HUGEPAGE);
	}
	heap_in_use += bytes;
	return p;
}

void plat_pages_free(void *p, size_t bytes)
{
	if (p && munmap(p, bytes) == 0)
		heap_in_use -= bytes;
}

size_t plat_heap_limit(void)
{
	return host.heap_limit;
}

uint64_t plat_monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int64_t plat_wallclock_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int plat_argc(void)
{
	return host.argc;
}

const char *plat_argv(int i)
{
	return i >= 0 && i < host.argc ? host.argv[i] : NULL;
}

const char *plat_getenv(const char *name)
{
	return getenv(name);
}

const char *plat_environ(int i)
{
	int n;

	for (n = 0; environ[n]; n++)
		if (n == i)
			return environ[n];
	return NULL;
}

int plat_interrupted(void)
{
	if (!interrupt_pending)
		return client_take_interrupt();
	interrupt_pending = 0;
	return 1;
}

void plat_exit(int status)
{
	client_exit(status);
	exit(status);
}

void plat_abort(const char *why)
{
	static const char prefix[] = "p: fatal: ";

	if (write(2, prefix, sizeof prefix - 1) < 0 || write(2, why, strlen(why)) < 0 ||
	    write(2, "\n", 1) < 0)
		_exit(134);
	_exit(134);
}
