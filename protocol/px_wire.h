/*
 * px_wire.h - the pxen protocol's numbers: frame header, channels, message
 * types and limits, as PROTOCOL.md defines them.  Freestanding.
 */
#ifndef PXEN_PX_WIRE_H
#define PXEN_PX_WIRE_H

#include <stddef.h>
#include <stdint.h>

#define PX_VERSION 1
#define PX_HDR 12
#define PX_MAX_FRAME 65536
#define PX_MAX_BODY (PX_MAX_FRAME - PX_HDR)
#define PX_INITIAL_CREDIT 65536u
#define PX_MAX_RESOLVE 16
#define PX_ADDR_LEN 19

enum px_chan {
	PX_CH_CONTROL = 0, PX_CH_FILES = 1, PX_CH_SOCKETS = 2,
	PX_CH_STDIN = 3, PX_CH_STDOUT = 4, PX_CH_STDERR = 5, PX_CH_REPL = 6,
	PX_CH_SOCK_FIRST = 16,
};

enum px_type {
	PX_HELLO = 0x01, PX_HELLO_R = 0x02, PX_EXIT = 0x03, PX_EXIT_R = 0x04,
	PX_LOG = 0x05, PX_TIME = 0x06, PX_TIME_R = 0x07, PX_RANDOM = 0x08,
	PX_RANDOM_R = 0x09, PX_INTERRUPT = 0x0a, PX_WINSIZE_Q = 0x0b,
	PX_WINSIZE = 0x0c,
	PX_P9 = 0x10,
	PX_SOCKET = 0x20, PX_CONNECT = 0x21, PX_BIND = 0x22, PX_LISTEN = 0x23,
	PX_ACCEPT = 0x24, PX_POLL = 0x25, PX_RELEASE = 0x26, PX_SHUTDOWN = 0x27,
	PX_RESOLVE = 0x28,
	PX_SOCK_REPLY = 0x40,	/* reply type = request type + this */
	PX_DATA = 0x30, PX_CREDIT = 0x31, PX_EOF = 0x32,
	PX_L_REGISTER = 0x40, PX_L_OK = 0x41, PX_L_LIST = 0x42,
	PX_L_LIST_R = 0x43, PX_L_STOP = 0x44, PX_L_EXITED = 0x45,
	PX_L_INTERRUPT = 0x46,
	PX_ERROR = 0x7f,
};

enum { PX_CAP_FILES = 1, PX_CAP_NET = 2, PX_CAP_STDIO = 4, PX_CAP_REPL = 8 };
enum { PX_L_RO = 1, PX_L_DETACHED = 2, PX_L_REPL = 4 };

struct px_hdr {
	uint32_t size;
	uint16_t type;
	uint16_t chan;
	uint32_t tag;
};

/* Reads a header from 12 bytes; returns 0, or -1 when size is out of
 * [PX_HDR, max_frame]. */
int px_hdr_decode(const uint8_t *b, uint32_t max_frame, struct px_hdr *h);
void px_hdr_encode(uint8_t *b, const struct px_hdr *h);

/* An address on the wire: family 4 or 6, port, 16 address bytes. */
struct px_addr {
	uint8_t family;
	uint16_t port;
	uint8_t ip[16];
};
void px_addr_encode(uint8_t *b, const struct px_addr *a);
int px_addr_decode(const uint8_t *b, struct px_addr *a);	/* -1: bad family */

#endif
