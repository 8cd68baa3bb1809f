/*
 * echo_main.c - kernel_run of p-guest-echo, the kernel's own test image:
 * echoes every byte dom0 sends over the vchan until dom0 closes, then
 * powers off.  tests/system/vchan-echo-client drives it.
 */
#include "clock.h"
#include "console.h"
#include "kernel.h"
#include "vchan.h"

void kernel_run(const struct kernel_boot *kb)
{
	static char buf[65536];
	uint64_t total = 0;
	(void)kb;
	kprintf("p-guest-echo: waiting for dom0\n");
	vchan_wait_connected(0);
	kprintf("p-guest-echo: connected\n");
	for (;;) {
		long n = vchan_read(buf, sizeof buf, 1);
		if (n < 0)
			break;
		if (vchan_write(buf, (size_t)n) < 0)
			break;
		total += (uint64_t)n;
	}
	kprintf("p-guest-echo: dom0 closed after %lu bytes echoed\n", (unsigned long)total);
	kernel_exit(0);
}
