/*
 * p9.h - 9P2000.L message numbers and their layouts, as the 9P2000.L
 * specification defines them (size[4] type[1] tag[2] then the body), with
 * bounds-checked encode and decode through px_codec.  Freestanding.
 */
#ifndef PXEN_P9_H
#define PXEN_P9_H

#include "px_codec.h"

#define P9_HDR 7
#define P9_NOTAG 0xffff
#define P9_NOFID 0xffffffffu
#define P9_MAXWELEM 16
#define P9_QID_LEN 13

enum p9_type {
	P9_TLERROR = 6, P9_RLERROR = 7,
	P9_TSTATFS = 8, P9_RSTATFS = 9,
	P9_TLOPEN = 12, P9_RLOPEN = 13,
	P9_TLCREATE = 14, P9_RLCREATE = 15,
	P9_TSYMLINK = 16, P9_RSYMLINK = 17,
	P9_TREADLINK = 22, P9_RREADLINK = 23,
	P9_TGETATTR = 24, P9_RGETATTR = 25,
	P9_TSETATTR = 26, P9_RSETATTR = 27,
	P9_TREADDIR = 40, P9_RREADDIR = 41,
	P9_TFSYNC = 50, P9_RFSYNC = 51,
	P9_TMKDIR = 72, P9_RMKDIR = 73,
	P9_TRENAMEAT = 74, P9_RRENAMEAT = 75,
	P9_TUNLINKAT = 76, P9_RUNLINKAT = 77,
	P9_TVERSION = 100, P9_RVERSION = 101,
	P9_TATTACH = 104, P9_RATTACH = 105,
	P9_TFLUSH = 108, P9_RFLUSH = 109,
	P9_TWALK = 110, P9_RWALK = 111,
	P9_TREAD = 116, P9_RREAD = 117,
	P9_TWRITE = 118, P9_RWRITE = 119,
	P9_TCLUNK = 120, P9_RCLUNK = 121,
};

/* Tgetattr request_mask / Rgetattr valid bits, Tsetattr valid bits. */
enum {
	P9_GETATTR_MODE = 0x1, P9_GETATTR_NLINK = 0x2, P9_GETATTR_UID = 0x4,
	P9_GETATTR_GID = 0x8, P9_GETATTR_RDEV = 0x10, P9_GETATTR_ATIME = 0x20,
	P9_GETATTR_MTIME = 0x40, P9_GETATTR_CTIME = 0x80, P9_GETATTR_INO = 0x100,
	P9_GETATTR_SIZE = 0x200, P9_GETATTR_BLOCKS = 0x400, P9_GETATTR_BASIC = 0x7ff,
};
enum {
	P9_SETATTR_MODE = 0x1, P9_SETATTR_UID = 0x2, P9_SETATTR_GID = 0x4,
	P9_SETATTR_SIZE = 0x8, P9_SETATTR_ATIME = 0x10, P9_SETATTR_MTIME = 0x20,
	P9_SETATTR_CTIME = 0x40, P9_SETATTR_ATIME_SET = 0x80,
	P9_SETATTR_MTIME_SET = 0x100,
};
/* Tlopen/Tlcreate flags are Linux open(2) flags; qid types as in 9P. */
enum {
	P9_O_RDONLY = 0, P9_O_WRONLY = 1, P9_O_RDWR = 2, P9_O_CREAT = 0100,
	P9_O_EXCL = 0200, P9_O_TRUNC = 01000, P9_O_APPEND = 02000,
	P9_O_DIRECTORY = 0200000,
};
enum { P9_QTDIR = 0x80, P9_QTSYMLINK = 0x02, P9_QTFILE = 0 };
#define P9_AT_REMOVEDIR 0x200

/* The body layout of a 9P type, NULL if this implementation does not know
 * it. */
const char *p9_fmt(unsigned type);

/* Encodes a whole 9P message; returns its length or -1. */
long p9_encode(uint8_t *buf, size_t cap, unsigned type, uint16_t tag, const struct px_field *f);

/* Decodes a whole 9P message of `len` bytes: checks its size field equals
 * len and the body matches the type's layout.  Returns 0 or -1 (and *type
 * tells an unknown type apart: p9_fmt(*type) == NULL). */
int p9_decode(const uint8_t *msg, size_t len, unsigned *type, uint16_t *tag, struct px_field *f);

#endif
