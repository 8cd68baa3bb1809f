/*
 * px_msgs.h - the schema of every pxen message (PROTOCOL.md §3-§7): body
 * format, channel and direction, plus whole-frame encode and check.
 */
#ifndef PXEN_PX_MSGS_H
#define PXEN_PX_MSGS_H

#include "px_codec.h"
#include "px_wire.h"

enum px_dir { PX_G2D = 1, PX_D2G = 2, PX_L2D = 4, PX_D2L = 8 };

struct px_msg_info {
	uint16_t type;
	const char *name;
	const char *fmt;
	uint8_t chans;	/* PX_CC_* bits: where the type may appear */
	uint8_t dirs;	/* PX_G2D... bits: who may send it */
};
enum { PX_CC_CONTROL = 1, PX_CC_FILES = 2, PX_CC_SOCKETS = 4, PX_CC_STREAM = 8 };

/* NULL for an unknown type. */
const struct px_msg_info *px_msg_info(unsigned type);

/* Which channel class a channel number belongs to, 0 for an unused one. */
unsigned px_chan_class(unsigned chan);

/* Encodes header and body of `type` into buf; returns the frame length, or
 * -1 when the type is unknown or the frame would exceed cap or PX_MAX_FRAME. */
long px_frame(uint8_t *buf, size_t cap, unsigned type, unsigned chan, uint32_t tag,
	      const struct px_field *f);

/* Validates a received frame sent in direction `dir`: known type, allowed
 * channel and direction, body exactly per schema.  Fills f and returns 0, or
 * returns -1 and points *why at a reason. */
int px_check(const struct px_hdr *h, const uint8_t *body, unsigned dir, struct px_field *f,
	     const char **why);

#endif
