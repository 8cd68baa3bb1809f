/*
 * p9.c - 9P2000.L layouts (see p9.h).
 */
#include "p9.h"

static const struct {
	uint8_t type;
	const char *fmt;
} layouts[] = {
	{ P9_RLERROR, "d" },
	{ P9_TSTATFS, "d" },
	{ P9_RSTATFS, "ddqqqqqqd" },
	{ P9_TLOPEN, "dd" },
	{ P9_RLOPEN, "Qd" },
	{ P9_TLCREATE, "dsddd" },
	{ P9_RLCREATE, "Qd" },
	{ P9_TSYMLINK, "dssd" },
	{ P9_RSYMLINK, "Q" },
	{ P9_TREADLINK, "d" },
	{ P9_RREADLINK, "s" },
	{ P9_TGETATTR, "dq" },
	{ P9_RGETATTR, "qQddd" "qqqqqqqqqqqqqqq" },
	{ P9_TSETATTR, "dddddqqqqq" },
	{ P9_RSETATTR, "" },
	{ P9_TREADDIR, "dqd" },
	{ P9_RREADDIR, "D" },
	{ P9_TFSYNC, "dd" },
	{ P9_RFSYNC, "" },
	{ P9_TMKDIR, "dsdd" },
	{ P9_RMKDIR, "Q" },
	{ P9_TRENAMEAT, "dsds" },
	{ P9_RRENAMEAT, "" },
	{ P9_TUNLINKAT, "dsd" },
	{ P9_RUNLINKAT, "" },
	{ P9_TVERSION, "ds" },
	{ P9_RVERSION, "ds" },
	{ P9_TATTACH, "ddssd" },
	{ P9_RATTACH, "Q" },
	{ P9_TFLUSH, "w" },
	{ P9_RFLUSH, "" },
	{ P9_TWALK, "ddS" },
	{ P9_RWALK, "U" },
	{ P9_TREAD, "dqd" },
	{ P9_RREAD, "D" },
	{ P9_TWRITE, "dqD" },
	{ P9_RWRITE, "d" },
	{ P9_TCLUNK, "d" },
	{ P9_RCLUNK, "" },
};

const char *p9_fmt(unsigned type)
{
	size_t i;

	for (i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
		if (layouts[i].type == type)
			return layouts[i].fmt;
	return NULL;
}

long p9_encode(uint8_t *buf, size_t cap, unsigned type, uint16_t tag, const struct px_field *f)
{
	const char *fmt = p9_fmt(type);
	long n;

	if (!fmt || cap < P9_HDR)
		return -1;
	n = px_encode(buf + P9_HDR, cap - P9_HDR, fmt, f);
	if (n < 0)
		return -1;
	px_put32(buf, (uint32_t)(n + P9_HDR));
	buf[4] = (uint8_t)type;
	px_put16(buf + 5, tag);
	return n + P9_HDR;
}

int p9_decode(const uint8_t *msg, size_t len, unsigned *type, uint16_t *tag, struct px_field *f)
{
	const char *fmt;

	*type = 0;
	if (len < P9_HDR || px_get32(msg) != len)
		return -1;
	*type = msg[4];
	*tag = px_get16(msg + 5);
	fmt = p9_fmt(*type);
	if (!fmt)
		return -1;
	return px_decode(msg + P9_HDR, len - P9_HDR, fmt, f) < 0 ? -1 : 0;
}
