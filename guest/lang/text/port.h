/*
 * port.h - ports: the object, its buffering, and the C API that the reader,
 * the printer, the REPL and the I/O primitives use.
 *
 * A T_PORT object has PORT_NSLOTS slots (see enum port_slot).  Every port is
 * a byte port underneath: a textual port decodes/encodes UTF-8 on top of the
 * same byte buffer, so string ports, bytevector ports, files, the terminal
 * and sockets share one code path.
 *   input:  bytes [in_pos, in_end) of inbuf are buffered; a memory port
 *           (string, bytevector) holds all its data there from the start; a
 *           handle port refills from plat_read.
 *   output: bytes [0, out_len) of outbuf wait to be written; a memory port
 *           grows outbuf and never writes it; a handle port writes it with
 *           plat_write when it fills, on flush and on close.
 * A port may be both input and output (sockets): its sides close
 * separately and the handle is closed with the last side.
 *
 * The standard streams are textual ports that also take the binary
 * operations (read-u8, write-bytevector, ...), so a program can process
 * bytes on its stdin and stdout; every other port is strictly one kind.
 * The program's stdout is line buffered (a line shows up when it is
 * complete, as a user watching a long computation expects), stderr is
 * unbuffered, files and sockets are flushed when their buffer fills.
 * Before a read on the program's stdin or REPL stream would block, every
 * open output port on a platform handle is flushed, so prompts appear;
 * text_flush_all (at exit) does the same.
 *
 * Errors raise conditions naming the operation ("read-char: port is
 * closed"); platform failures raise file errors carrying the code.
 */
#ifndef PXEN_PORT_H
#define PXEN_PORT_H

#include "value.h"

enum port_flag {
	PORT_IN = 1, PORT_OUT = 2, PORT_TEXT = 4,
	PORT_IN_OPEN = 8, PORT_OUT_OPEN = 16,
	PORT_HANDLE = 32,	/* backed by a platform handle */
	PORT_CONSOLE = 64,	/* stdin/REPL input: flush stdout before blocking */
	PORT_UNBUFFERED = 128,	/* output flushed after every write (stderr) */
	PORT_FOLDCASE = 256,	/* reader: #!fold-case seen on this port */
	PORT_LISTENER = 512,	/* a TCP listener (pxen net): open while PORT_IN_OPEN */
	PORT_LINEBUF = 1024,	/* output flushed after each write holding a newline */
	PORT_BIVALENT = 2048,	/* textual, but binary operations work too */
};

enum port_slot {
	PORT_FLAGS, PORT_HANDLE_NO, PORT_INBUF, PORT_IN_POS, PORT_IN_END,
	PORT_OUTBUF, PORT_OUT_LEN, PORT_NAME, PORT_LINE, PORT_NSLOTS
};

#define P_IS_PORT(v) P_HAS_TYPE(v, T_PORT)
#define PORT_GET(port, slot) (P_SLOTS(port)[slot])
#define PORT_FLAGSV(port) ((unsigned)P_FIXVAL(PORT_GET(port, PORT_FLAGS)))

#define PORT_EOF (-1)
#define PORT_BUFSIZE 4096
#define PORT_BULK_BUFSIZE 65536	/* files and sockets */

/* Port creation.  name is a string or P_FALSE. */
val port_from_handle(P *p, int handle, unsigned flags, val name);
val port_open_input_bytes(P *p, const void *data, size_t n, int textual);
val port_open_input_string(P *p, val s);
val port_open_output_memory(P *p, int textual);

/* Textual input: a code point, or PORT_EOF.  who names the operation for
 * errors (closed port, wrong kind). */
int32_t port_read_char(P *p, val port, const char *who);
int32_t port_peek_char(P *p, val port, const char *who);
/* The characters up to the next line end (LF, CR or CR LF, consumed too)
 * or the end of the data, as a string; P_EOF at the end of the data. */
val port_read_line(P *p, val port, const char *who);
/* Binary input: a byte, or PORT_EOF. */
int port_read_byte(P *p, val port, const char *who);
int port_peek_byte(P *p, val port, const char *who);
/* Binary input of up to n bytes into dst; returns how many (0 at EOF).
 * Blocks only until some bytes are available. */
size_t port_read_bytes(P *p, val port, uint8_t *dst, size_t n, const char *who);
/* 1 if a character/byte is available without blocking (or at EOF). */
int port_ready(P *p, val port, const char *who);
/* Current line of an input port (1 at the start), for the reader. */
long port_line(val port);

/* Output: bytes go out as they are (a textual port's bytes are UTF-8). */
void port_write_bytes(P *p, val port, const void *b, size_t n, const char *who);
void port_write_char(P *p, val port, uint32_t c, const char *who);
void port_write_string(P *p, val port, val s, size_t start, size_t end,
		       const char *who);
void port_flush(P *p, val port, const char *who);
/* Everything written to a memory output port so far: the raw bytes. */
const uint8_t *port_output_data(val port, size_t *n);

/* Checks that port is an open port of the wanted kind (PORT_IN or
 * PORT_OUT, with PORT_TEXT or 0 for binary, or -1 for either), raising a
 * clear condition otherwise.  argno is the argument's position. */
void port_check(P *p, val port, unsigned side, int textual, const char *who,
		int argno);
/* Closes one or both sides (PORT_IN, PORT_OUT); closing twice is harmless. */
void port_close(P *p, val port, unsigned sides);

/*
 * Interpreter-wide text state, kept in the root P_ROOT_TEXT.  text_init
 * and text_flush_all (value.h) set it up and flush it.
 */
/* The values of current-input-port and current-output-port in the current
 * parameterization. */
val port_current_input(P *p);
val port_current_output(P *p);

#endif
