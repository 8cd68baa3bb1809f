/* port_io.c - reading and writing through ports: the I/O procedures of
 * (scheme base), `read` of (scheme read) and the printers of (scheme
 * write).  A missing port argument means the current input/output port. */
#include <string.h>

#include "port.h"
#include "read.h"
#include "string_obj.h"
#include "args.h"
#include "write.h"

static val in_port(P *p, int argc, val *argv, int i, int textual,
		   const char *who)
{
	val port = p_arg_present(argc, argv, i) ? argv[i] : port_current_input(p);

	port_check(p, port, PORT_IN, textual, who, i + 1);
	return port;
}

static val out_port(P *p, int argc, val *argv, int i, int textual,
		    const char *who)
{
	val port = p_arg_present(argc, argv, i) ? argv[i] : port_current_output(p);

	port_check(p, port, PORT_OUT, textual, who, i + 1);
	return port;
}

static val char_or_eof(int32_t c)
{
	return c == PORT_EOF ? P_EOF : P_CHAR((uint32_t)c);
}

static val prim_read_char(P *p, int argc, val *argv)
{
	return char_or_eof(port_read_char(p, in_port(p, argc, argv, 0, 1, "read-char"),
					  "read-char"));
}

static val prim_peek_char(P *p, int argc, val *argv)
{
	return char_or_eof(port_peek_char(p, in_port(p, argc, argv, 0, 1, "peek-char"),
					  "peek-char"));
}

static val prim_char_ready_p(P *p, int argc, val *argv)
{
	return P_BOOL(port_ready(p, in_port(p, argc, argv, 0, 1, "char-ready?"),
				 "char-ready?"));
}

static val prim_read_line(P *p, int argc, val *argv)
{
	return port_read_line(p, in_port(p, argc, argv, 0, 1, "read-line"), "read-line");
}

static val prim_read_string(P *p, int argc, val *argv)
{
	size_t k = p_arg_size(p, "read-string", argv, 0, (size_t)P_FIX_MAX);
	val port = in_port(p, argc, argv, 1, 1, "read-string");
	struct strbuf b;

	if (k == 0)
		return string_alloc(p, 0, 1);
	strbuf_init(&b, p);
	while (b.len < k) {
		int32_t c = port_read_char(p, port, "read-string");
		if (c == PORT_EOF)
			break;
		strbuf_push(&b, (uint32_t)c);
	}
	return b.len == 0 ? P_EOF : strbuf_string(&b);
}

static val byte_or_eof(int b)
{
	return b == PORT_EOF ? P_EOF : P_FIX(b);
}

static val prim_read_u8(P *p, int argc, val *argv)
{
	return byte_or_eof(port_read_byte(p, in_port(p, argc, argv, 0, 0, "read-u8"),
					  "read-u8"));
}

static val prim_peek_u8(P *p, int argc, val *argv)
{
	return byte_or_eof(port_peek_byte(p, in_port(p, argc, argv, 0, 0, "peek-u8"),
					  "peek-u8"));
}

static val prim_u8_ready_p(P *p, int argc, val *argv)
{
	return P_BOOL(port_ready(p, in_port(p, argc, argv, 0, 0, "u8-ready?"),
				 "u8-ready?"));
}

/* Reads until n bytes or end of input; returns the count. */
static size_t read_fully(P *p, val port, uint8_t *dst, size_t n, const char *who)
{
	size_t got = 0;

	while (got < n) {
		size_t k = port_read_bytes(p, port, dst + got, n - got, who);
		if (k == 0)
			break;
		got += k;
	}
	return got;
}

static val prim_read_bytevector(P *p, int argc, val *argv)
{
	size_t k = p_arg_size(p, "read-bytevector", argv, 0, (size_t)P_FIX_MAX);
	val port = in_port(p, argc, argv, 1, 0, "read-bytevector");
	val buf, bv;
	size_t got, cap;

	if (k == 0)
		return p_make_bytevector(p, 0, 0);
	/* Grow the buffer as data arrives, so a huge k (read everything)
	 * does not allocate it all up front. */
	cap = k < 65536 ? k : 65536;
	buf = p_make_bytevector(p, cap, 0);
	got = 0;
	for (;;) {
		got += read_fully(p, port, P_BV_DATA(buf) + got, cap - got,
				  "read-bytevector");
		if (got < cap || cap == k)
			break;
		cap = cap * 2 < k ? cap * 2 : k;
		bv = p_make_bytevector(p, cap, 0);
		memcpy(P_BV_DATA(bv), P_BV_DATA(buf), got);
		buf = bv;
	}
	if (got == 0)
		return P_EOF;
	if (got == P_BV_LEN(buf))
		return buf;
	bv = p_make_bytevector(p, got, 0);
	memcpy(P_BV_DATA(bv), P_BV_DATA(buf), got);
	return bv;
}

static val prim_read_bytevector_x(P *p, int argc, val *argv)
{
	val bv = p_arg_bytevector(p, "read-bytevector!", argv, 0);
	val port = in_port(p, argc, argv, 1, 0, "read-bytevector!");
	size_t start, end, got;

	p_arg_range(p, "read-bytevector!", argc, argv, 2, P_BV_LEN(bv), &start, &end);
	if (start == end)
		return P_FIX(0);
	got = read_fully(p, port, P_BV_DATA(bv) + start, end - start,
			 "read-bytevector!");
	return got == 0 ? P_EOF : P_FIX(got);
}

static val prim_read(P *p, int argc, val *argv)
{
	return read_datum(p, in_port(p, argc, argv, 0, 1, "read"));
}

static val prim_write_char(P *p, int argc, val *argv)
{
	uint32_t c = p_arg_char(p, "write-char", argv, 0);

	port_write_char(p, out_port(p, argc, argv, 1, 1, "write-char"), c, "write-char");
	return P_VOID;
}

static val prim_newline(P *p, int argc, val *argv)
{
	port_write_char(p, out_port(p, argc, argv, 0, 1, "newline"), '\n', "newline");
	return P_VOID;
}

static val prim_write_string(P *p, int argc, val *argv)
{
	val s = p_arg_string(p, "write-string", argv, 0);
	val port = out_port(p, argc, argv, 1, 1, "write-string");
	size_t start, end;

	p_arg_range(p, "write-string", argc, argv, 2, STR_LEN(s), &start, &end);
	port_write_string(p, port, s, start, end, "write-string");
	return P_VOID;
}

static val prim_write_u8(P *p, int argc, val *argv)
{
	uint8_t b;
	val port;

	b = (uint8_t)p_arg_size(p, "write-u8", argv, 0, 255);
	port = out_port(p, argc, argv, 1, 0, "write-u8");
	port_write_bytes(p, port, &b, 1, "write-u8");
	return P_VOID;
}

static val prim_write_bytevector(P *p, int argc, val *argv)
{
	val bv = p_arg_bytevector(p, "write-bytevector", argv, 0);
	val port = out_port(p, argc, argv, 1, 0, "write-bytevector");
	size_t start, end;

	p_arg_range(p, "write-bytevector", argc, argv, 2, P_BV_LEN(bv), &start, &end);
	port_write_bytes(p, port, P_BV_DATA(bv) + start, end - start,
			 "write-bytevector");
	return P_VOID;
}

static val prim_flush_output_port(P *p, int argc, val *argv)
{
	port_flush(p, out_port(p, argc, argv, 0, -1, "flush-output-port"),
		   "flush-output-port");
	return P_VOID;
}

#define PRINTER(fname, who, mode) \
	static val fname(P *p, int argc, val *argv) \
	{ \
		write_value(p, argv[0], out_port(p, argc, argv, 1, 1, who), mode); \
		return P_VOID; \
	}
PRINTER(prim_write, "write", WRITE_CYCLES)
PRINTER(prim_write_shared, "write-shared", WRITE_SHARED)
PRINTER(prim_write_simple, "write-simple", WRITE_SIMPLE)
PRINTER(prim_display, "display", WRITE_DISPLAY)

const struct p_prim io_prims[] = {
	{"base", "read-char", prim_read_char, 0, 1, 0},
	{"base", "peek-char", prim_peek_char, 0, 1, 0},
	{"base", "char-ready?", prim_char_ready_p, 0, 1, 0},
	{"base", "read-line", prim_read_line, 0, 1, 0},
	{"base", "read-string", prim_read_string, 1, 2, 0},
	{"base", "read-u8", prim_read_u8, 0, 1, 0},
	{"base", "peek-u8", prim_peek_u8, 0, 1, 0},
	{"base", "u8-ready?", prim_u8_ready_p, 0, 1, 0},
	{"base", "read-bytevector", prim_read_bytevector, 1, 2, 0},
	{"base", "read-bytevector!", prim_read_bytevector_x, 1, 4, 0},
	{"read", "read", prim_read, 0, 1, 0},
	{"base", "write-char", prim_write_char, 1, 2, 0},
	{"base", "newline", prim_newline, 0, 1, 0},
	{"base", "write-string", prim_write_string, 1, 4, 0},
	{"base", "write-u8", prim_write_u8, 1, 2, 0},
	{"base", "write-bytevector", prim_write_bytevector, 1, 4, 0},
	{"base", "flush-output-port", prim_flush_output_port, 0, 1, 0},
	{"write", "write", prim_write, 1, 2, 0},
	{"write", "write-shared", prim_write_shared, 1, 2, 0},
	{"write", "write-simple", prim_write_simple, 1, 2, 0},
	{"write", "display", prim_display, 1, 2, 0},
	{NULL, NULL, NULL, 0, 0, 0},
};
