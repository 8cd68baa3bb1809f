/*
 * ctl.h - a guest's control channel (channel 0): HELLO, LOG, EXIT,
 * INTERRUPT and the other requests that are neither files nor streams.
 */
#ifndef PXEN_DOM0D_CTL_H
#define PXEN_DOM0D_CTL_H

#include "px_codec.h"
#include "px_wire.h"

struct guest;

void ctl_handle(struct guest *g, const struct px_hdr *h, struct px_field *f);
/* Sends EXIT's reply once the exiting guest's output has drained. */
void ctl_exit_check(struct guest *g);
/* Logs text from the guest as "<what>: <text>", escaped and within the
 * guest's share of the log (LOG lines, and the output of a guest nobody
 * receives). */
void ctl_log_text(struct guest *g, int level, const char *what, const uint8_t *p, size_t n);

#endif
