/* p-launch-dom.c - the guest domain's life through libxl. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxl.h>
#include <libxl_utils.h>
#include <xenstore.h>
#include <xentoollog.h>
#include "p-launch.h"

static libxl_ctx *ctx;

int dom_open(void)
{
	xentoollog_logger_stdiostream *lg = xtl_createlogger_stdiostream(stderr, XTL_ERROR, 0);
	if (!lg || libxl_ctx_alloc(&ctx, LIBXL_VERSION, 0, (xentoollog_logger *)lg) != 0) {
		fprintf(stderr, "p-launch: cannot reach the Xen toolstack (libxl): "
				"is this dom0 with xenstored running, and are you root?\n");
		return -1;
	}
	return 0;
}

int dom_create(const struct launch_opts *o, const char *cmdline, uint32_t *domid)
{
	libxl_domain_config dc;
	libxl_domain_config_init(&dc);
	libxl_domain_create_info *c = &dc.c_info;
	libxl_domain_build_info *b = &dc.b_info;
	c->type = LIBXL_DOMAIN_TYPE_PVH;
	c->name = strdup(o->name);
	libxl_domain_build_info_init_type(b, LIBXL_DOMAIN_TYPE_PVH);
	b->max_vcpus = 1;
	if (libxl_cpu_bitmap_alloc(ctx, &b->avail_vcpus, 1) == 0)
		libxl_bitmap_set(&b->avail_vcpus, 0);
	b->max_memkb = b->target_memkb = o->mem_bytes / 1024;
	b->kernel = strdup(o->kernel);
	b->cmdline = strdup(cmdline);
	if (o->prog)
		b->ramdisk = strdup(o->prog);
	/* Emulated TSC costs a VM exit per clock read; the guest's pvclock
	 * copes with the native one. */
	b->tsc_mode = LIBXL_TSC_MODE_NATIVE;
	dc.on_poweroff = LIBXL_ACTION_ON_SHUTDOWN_DESTROY;
	dc.on_reboot = LIBXL_ACTION_ON_SHUTDOWN_DESTROY;
	dc.on_crash = LIBXL_ACTION_ON_SHUTDOWN_DESTROY;
	dc.on_watchdog = LIBXL_ACTION_ON_SHUTDOWN_DESTROY;
	int rc = libxl_domain_create_new(ctx, &dc, domid, NULL, NULL);
	libxl_domain_config_dispose(&dc);
	if (rc) {
		fprintf(stderr, "p-launch: creating the guest domain %s failed (libxl error %d)\n",
			o->name, rc);
		return -1;
	}
	return 0;
}

int dom_unpause(uint32_t domid)
{
	if (libxl_domain_unpause(ctx, domid, NULL)) {
		fprintf(stderr, "p-launch: cannot start domain %u\n", (unsigned)domid);
		return -1;
	}
	return 0;
}

int dom_state(uint32_t domid)
{
	libxl_dominfo info;
	libxl_dominfo_init(&info);
	int rc = libxl_domain_info(ctx, &info, domid);
	int st = DOM_RUNNING;
	if (rc || info.dying)
		st = DOM_GONE;
	else if (info.shutdown)
		st = info.shutdown_reason == LIBXL_SHUTDOWN_REASON_POWEROFF ? DOM_POWEROFF
		   : info.shutdown_reason == LIBXL_SHUTDOWN_REASON_CRASH ? DOM_CRASHED
		   : DOM_OTHER_SHUTDOWN;
	libxl_dominfo_dispose(&info);
	return st;
}

void dom_destroy(uint32_t domid)
{
	if (dom_state(domid) != DOM_GONE)
		libxl_domain_destroy(ctx, domid, NULL);
}

int dom_find(const char *name, uint32_t *domid)
{
	return libxl_name_to_domid(ctx, name, domid) ? -1 : 0;
}

long dom_read_number(uint32_t domid, const char *key)
{
	struct xs_handle *xs = xs_open(XS_OPEN_READONLY);
	if (!xs)
		return -1;
	char path[96];
	unsigned len;
	snprintf(path, sizeof path, "/local/domain/%u/%s", (unsigned)domid, key);
	char *v = xs_read(xs, XBT_NULL, path, &len);
	xs_close(xs);
	if (!v)
		return -1;
	char *end;
	long s = strtol(v, &end, 10);
	int ok = end != v && *end == 0 && s >= 0;
	free(v);
	return ok ? s : -1;
}
