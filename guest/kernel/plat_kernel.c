/* plat_kernel.c - platform.h services that the bare kernel provides. */
#include "platform.h"
#include "client.h"
#include "clock.h"
#include "console.h"
#include "control.h"
#include "footprint.h"
#include "hypercall.h"
#include <string.h>
#include "mem.h"
#include "plat_kernel.h"
#include "suspend.h"

/* Kept back from the heap for the kernel's and the client's own needs. */
#define KERNEL_RESERVE (512u << 10)

static const struct kernel_boot *boot;
static size_t heap_limit;
static unsigned control_requests;

void plat_kernel_init(const struct kernel_boot *kb)
{
	boot = kb;
	size_t free = mem_free_bytes();
	heap_limit = free > KERNEL_RESERVE ? free - KERNEL_RESERVE : 0;
	if (kb->args.heap && kb->args.heap < heap_limit)
		heap_limit = kb->args.heap;
}

/* What a region costs in pages, as the footprint counts it. */
static long long page_bytes(size_t bytes)
{
	return (long long)((bytes + 4095) & ~(size_t)4095);
}

int plat_kernel_control(void)
{
	enum control_request r = control_poll();
	if (r == CONTROL_NONE)
		return 0;
	if (r == CONTROL_SUSPEND) {
		/* Nothing for the program to do: it carries on after the
		 * resume, its requests in flight failing as lost (client.h). */
		kernel_suspend();
		return 0;
	}
	control_requests++;
	kprintf("p-guest: %s requested by the toolstack\n",
		r == CONTROL_REBOOT ? "reboot" : "shutdown");
	client_post_interrupt(PLAT_INTR_SHUTDOWN);
	return 1;
}

/* The VM's safe points come here often: the cheap moment to tell dom0
 * about the heap's footprint and to hear the toolstack. */
int plat_interrupted(void)
{
	footprint_publish(0);
	plat_kernel_control();
	/* The program handled the first request and is still running: a
	 * second one ends it, as a second Ctrl-C does. */
	if (control_requests > 1)
		plat_exit(143);
	return client_take_interrupt();
}

void *plat_pages_alloc(size_t bytes)
{
	void *p = mem_alloc(bytes);
	if (p)
		footprint_add(page_bytes(bytes));
	return p;
}

void plat_pages_free(void *p, size_t bytes)
{
	if (p)
		footprint_add(-page_bytes(bytes));
	mem_free(p, bytes);
}

size_t plat_heap_limit(void)
{
	return heap_limit;
}

uint64_t plat_monotonic_ns(void)
{
	return clock_monotonic();
}

int64_t plat_wallclock_ns(void)
{
	return clock_wall();
}

int plat_argc(void)
{
	return boot->args.argc;
}

const char *plat_argv(int i)
{
	return i >= 0 && i < boot->args.argc ? boot->args.argv[i] : NULL;
}

const char *plat_environ(int i)
{
	return i >= 0 && i < boot->args.envc ? boot->args.env[i] : NULL;
}

const char *plat_getenv(const char *name)
{
	size_t n = strlen(name);
	for (int i = 0; i < boot->args.envc; i++) {
		const char *e = boot->args.env[i];
		size_t k = 0;
		while (k < n && e[k] == name[k])
			k++;
		if (k == n && e[n] == '=')
			return e + n + 1;
	}
	return NULL;
}

_Noreturn void plat_abort(const char *why)
{
	kprintf("p-guest: abort: %s\n", why ? why : "(no reason)");
	hyp_shutdown(SHUTDOWN_crash);
}

