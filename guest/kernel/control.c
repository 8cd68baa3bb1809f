/* control.c - toolstack shutdown and reboot requests (control/shutdown). */
#include "control.h"
#include <string.h>
#include "xenhdr.h"
#include "xenstore.h"

#define NODE "control/shutdown"

static int watch = -1;
static unsigned exit_reason = SHUTDOWN_poweroff;

int control_init(void)
{
	/* Nothing here waits for dom0, so boot does not get slower.  The
	 * features are advisory: xl sends the request either way. */
	control_advertise();
	watch = xs_watch(NODE, "pxen-shutdown");
	return watch < 0 ? watch : 0;
}

void control_advertise(void)
{
	xs_write_nowait("control/feature-poweroff", "1");
	xs_write_nowait("control/feature-reboot", "1");
	xs_write_nowait("control/feature-suspend", "1");
}

enum control_request control_poll(void)
{
	if (watch < 0 || !xs_watch_fired(watch))
		return CONTROL_NONE;
	char v[32];
	if (xs_read(NODE, v, sizeof v) <= 0)
		return CONTROL_NONE;	/* the watch's first firing, or our own ack */
	enum control_request r = !strcmp(v, "poweroff") || !strcmp(v, "halt") ? CONTROL_POWEROFF
		: !strcmp(v, "reboot") ? CONTROL_REBOOT
		: !strcmp(v, "suspend") ? CONTROL_SUSPEND : CONTROL_NONE;
	if (r == CONTROL_NONE)
		return r;
	/* libxl waits for the node to be emptied: that is the acknowledgement. */
	xs_write(NODE, "");
	if (r != CONTROL_SUSPEND)
		exit_reason = r == CONTROL_REBOOT ? SHUTDOWN_reboot : SHUTDOWN_poweroff;
	return r;
}

unsigned control_exit_reason(void)
{
	return exit_reason;
}
