/*
 * px_msgs.c - the table of pxen messages and the frame-level codec.
 */
#include "px_msgs.h"
#include "px_quota.h"

#define G PX_G2D
#define D PX_D2G
#define L PX_L2D
#define DL PX_D2L
#define CC PX_CC_CONTROL
#define SC PX_CC_SOCKETS
#define ST PX_CC_STREAM

static const struct px_msg_info msgs[] = {
	{ PX_HELLO, "HELLO", "wddsd", CC, G },
	{ PX_HELLO_R, "HELLO_R", "wdd", CC, D },
	{ PX_EXIT, "EXIT", "d", CC, G },
	{ PX_EXIT_R, "EXIT_R", "", CC, D },
	{ PX_LOG, "LOG", "bs", CC, G },
	{ PX_TIME, "TIME", "", CC, G },
	{ PX_TIME_R, "TIME_R", "q", CC, D },
	{ PX_RANDOM, "RANDOM", "w", CC, G },
	{ PX_RANDOM_R, "RANDOM_R", "s", CC, D },
	{ PX_INTERRUPT, "INTERRUPT", "", CC, D | L },
	{ PX_WINSIZE_Q, "WINSIZE_Q", "", CC, G },
	{ PX_WINSIZE, "WINSIZE", "ww", CC, D | L },
	{ PX_P9, "P9", "R", PX_CC_FILES, G | D },
	{ PX_SOCKET, "SOCKET", "bb", SC, G },
	{ PX_SOCKET + PX_SOCK_REPLY, "SOCKET_R", "w", SC, D },
	{ PX_CONNECT, "CONNECT", "wA", SC, G },
	{ PX_CONNECT + PX_SOCK_REPLY, "CONNECT_R", "", SC, D },
	{ PX_BIND, "BIND", "wA", SC, G },
	{ PX_BIND + PX_SOCK_REPLY, "BIND_R", "A", SC, D },
	{ PX_LISTEN, "LISTEN", "ww", SC, G },
	{ PX_LISTEN + PX_SOCK_REPLY, "LISTEN_R", "", SC, D },
	{ PX_ACCEPT, "ACCEPT", "w", SC, G },
	{ PX_ACCEPT + PX_SOCK_REPLY, "ACCEPT_R", "wA", SC, D },
	{ PX_POLL, "POLL", "w", SC, G },
	{ PX_POLL + PX_SOCK_REPLY, "POLL_R", "", SC, D },
	{ PX_RELEASE, "RELEASE", "w", SC, G },
	{ PX_RELEASE + PX_SOCK_REPLY, "RELEASE_R", "", SC, D },
	{ PX_SHUTDOWN, "SHUTDOWN", "wb", SC, G },
	{ PX_SHUTDOWN + PX_SOCK_REPLY, "SHUTDOWN_R", "", SC, D },
	{ PX_RESOLVE, "RESOLVE", "sw", SC, G },
	{ PX_RESOLVE + PX_SOCK_REPLY, "RESOLVE_R", "Z", SC, D },
	{ PX_DATA, "DATA", "R", ST, G | D | L | DL },
	{ PX_CREDIT, "CREDIT", "d", ST, G | D | L | DL },
	{ PX_EOF, "EOF", "", ST, G | D | L | DL },
	{ PX_L_REGISTER, "REGISTER", "dssddS" PX_QUOTA_FMT, CC, L },
	{ PX_L_OK, "OK", "", CC, DL },
	{ PX_L_LIST, "LIST", "", CC, L },
	{ PX_L_LIST_R, "LIST_R", "S", CC, DL },
	{ PX_L_STOP, "STOP", "d", CC, L },
	{ PX_L_EXITED, "EXITED", "dds", CC, DL },
	{ PX_L_INTERRUPT, "INTERRUPT_GUEST", "d", CC, L },
	{ PX_ERROR, "ERROR", "ds", CC | SC | ST, D | DL },
};

const struct px_msg_info *px_msg_info(unsigned type)
{
	size_t i;

	for (i = 0; i < sizeof msgs / sizeof msgs[0]; i++)
		if (msgs[i].type == type)
			return &msgs[i];
	return NULL;
}

unsigned px_chan_class(unsigned chan)
{
	switch (chan) {
	case PX_CH_CONTROL: return PX_CC_CONTROL;
	case PX_CH_FILES: return PX_CC_FILES;
	case PX_CH_SOCKETS: return PX_CC_SOCKETS;
	case PX_CH_STDIN: case PX_CH_STDOUT: case PX_CH_STDERR: case PX_CH_REPL:
		return PX_CC_STREAM;
	default:
		return chan >= PX_CH_SOCK_FIRST && chan <= 0xffff ? PX_CC_STREAM : 0;
	}
}

long px_frame(uint8_t *buf, size_t cap, unsigned type, unsigned chan, uint32_t tag,
	      const struct px_field *f)
{
	const struct px_msg_info *mi = px_msg_info(type);
	struct px_hdr h;
	long n;

	if (!mi || cap < PX_HDR || chan > 0xffff)
		return -1;
	if (cap > PX_MAX_FRAME)
		cap = PX_MAX_FRAME;
	n = px_encode(buf + PX_HDR, cap - PX_HDR, mi->fmt, f);
	if (n < 0)
		return -1;
	h.size = (uint32_t)(n + PX_HDR);
	h.type = (uint16_t)type;
	h.chan = (uint16_t)chan;
	h.tag = tag;
	px_hdr_encode(buf, &h);
	return (long)h.size;
}

int px_check(const struct px_hdr *h, const uint8_t *body, unsigned dir, struct px_field *f,
	     const char **why)
{
	const struct px_msg_info *mi = px_msg_info(h->type);

	if (!mi) {
		*why = "unknown message type";
		return -1;
	}
	if (!(px_chan_class(h->chan) & mi->chans)) {
		*why = "message on the wrong channel";
		return -1;
	}
	if (!(mi->dirs & dir)) {
		*why = "message sent in the wrong direction";
		return -1;
	}
	if (px_decode(body, h->size - PX_HDR, mi->fmt, f) < 0) {
		*why = "malformed message body";
		return -1;
	}
	if (h->type == PX_DATA && f[0].len == 0) {
		*why = "empty DATA";
		return -1;
	}
	return 0;
}
