/* port.c - port objects, buffering over platform handles and memory, UTF-8
 * on textual ports, and the interpreter's standard ports. */
#include <pfmt.h>
#include <string.h>

#include "platform.h"
#include "port.h"
#include "string_obj.h"
#include "unicode.h"

/* Slots of the text state vector kept in root P_ROOT_TEXT. */
enum { TS_OPEN_OUTPUTS, TS_CUR_IN, TS_CUR_OUT, TS_NSLOTS };

#define GETN(port, slot) ((size_t)P_FIXVAL(PORT_GET(port, slot)))
#define SETN(port, slot, n) P_SET_SLOT(port, slot, P_FIX(n))
#define BUF(b) ((uint8_t *)P_RAW(b))
#define BUFCAP(b) (P_SIZE_OF_HDR(P_HDR(b)) * sizeof(val))

static val state(P *p)
{
	val *root = p_root(p, P_ROOT_TEXT);

	if (*root == 0 || !P_IS_VECTOR(*root)) {
		*root = p_make_vector(p, TS_NSLOTS, P_FALSE);
		P_SET_SLOT(*root, TS_OPEN_OUTPUTS, P_NIL);
	}
	return *root;
}

static val new_port(P *p, unsigned flags, int handle, val name)
{
	val port = p_alloc(p, T_PORT, PORT_NSLOTS * sizeof(val));

	P_SET_SLOT(port, PORT_FLAGS, P_FIX(flags));
	P_SET_SLOT(port, PORT_HANDLE_NO, P_FIX(handle));
	P_SET_SLOT(port, PORT_INBUF, P_FALSE);
	P_SET_SLOT(port, PORT_OUTBUF, P_FALSE);
	SETN(port, PORT_IN_POS, 0);
	SETN(port, PORT_IN_END, 0);
	SETN(port, PORT_OUT_LEN, 0);
	P_SET_SLOT(port, PORT_NAME, name);
	SETN(port, PORT_LINE, 1);
	return port;
}

static void set_flags(val port, unsigned flags)
{
	P_SET_SLOT(port, PORT_FLAGS, P_FIX(flags));
}

val port_from_handle(P *p, int handle, unsigned flags, val name)
{
	val port;
	size_t size;

	flags |= PORT_HANDLE;
	if (flags & PORT_IN)
		flags |= PORT_IN_OPEN;
	if (flags & PORT_OUT)
		flags |= PORT_OUT_OPEN;
	/* each refill or flush of a file or socket is a round trip to
	 * p-dom0d: the standard streams, which are interactive, are the ones
	 * that gain nothing from large buffers */
	size = flags & (PORT_CONSOLE | PORT_LINEBUF | PORT_UNBUFFERED)
		? PORT_BUFSIZE : PORT_BULK_BUFSIZE;
	port = new_port(p, flags, handle, name);
	if (flags & PORT_IN)
		P_SET_SLOT(port, PORT_INBUF, p_alloc(p, T_BYTES, size));
	if (flags & PORT_OUT) {
		val st = state(p);
		P_SET_SLOT(port, PORT_OUTBUF, p_alloc(p, T_BYTES, size));
		P_SET_SLOT(st, TS_OPEN_OUTPUTS, p_cons(p, port, P_VEC(st)[TS_OPEN_OUTPUTS]));
	}
	return port;
}

val port_open_input_bytes(P *p, const void *data, size_t n, int textual)
{
	val port = new_port(p, PORT_IN | PORT_IN_OPEN | (textual ? PORT_TEXT : 0),
			    -1, P_FALSE);
	val buf = p_alloc(p, T_BYTES, n ? n : 1);

	memcpy(BUF(buf), data, n);
	P_SET_SLOT(port, PORT_INBUF, buf);
	SETN(port, PORT_IN_END, n);
	return port;
}

val port_open_input_string(P *p, val s)
{
	size_t n = STR_LEN(s), len = string_utf8_length(s, 0, n);
	val port = new_port(p, PORT_IN | PORT_IN_OPEN | PORT_TEXT, -1, P_FALSE);
	val buf = p_alloc(p, T_BYTES, len ? len : 1);

	string_utf8_encode(s, 0, n, BUF(buf));
	P_SET_SLOT(port, PORT_INBUF, buf);
	SETN(port, PORT_IN_END, len);
	return port;
}

val port_open_output_memory(P *p, int textual)
{
	val port = new_port(p, PORT_OUT | PORT_OUT_OPEN | (textual ? PORT_TEXT : 0),
			    -1, P_FALSE);

	P_SET_SLOT(port, PORT_OUTBUF, p_alloc(p, T_BYTES, 64));
	return port;
}

static _Noreturn void port_error(P *p, const char *who, const char *what, val port)
{
	char msg[160];

	pc_snprintf(msg, sizeof msg, "%s: %s", who, what);
	p_raise_error(p, PE_ERROR, msg, 1, port);
}

void port_check(P *p, val port, unsigned side, int textual, const char *who,
		int argno)
{
	unsigned f;
	const char *expected;

	if (side == PORT_IN)
		expected = textual == 1 ? "textual input port"
			: textual == 0 ? "binary input port" : "input port";
	else
		expected = textual == 1 ? "textual output port"
			: textual == 0 ? "binary output port" : "output port";
	if (!P_IS_PORT(port))
		p_type_error(p, who, argno, expected, port);
	f = PORT_FLAGSV(port);
	if (!(f & side) || (textual >= 0 && !!(f & PORT_TEXT) != textual
			    && !(textual == 0 && (f & PORT_BIVALENT))))
		p_type_error(p, who, argno, expected, port);
	if (!(f & (side == PORT_IN ? PORT_IN_OPEN : PORT_OUT_OPEN)))
		port_error(p, who, "port is closed", port);
}

static _Noreturn void platform_error(P *p, val port, const char *who, long err)
{
	if (err == -PLAT_EINTR) {
		int kind = plat_interrupted();
		p_raise_interrupt(p, kind ? kind : PLAT_INTR_USER);
	}
	p_file_error(p, who, (int)err, PORT_GET(port, PORT_NAME));
}

/* Makes at least `need` bytes available in the input buffer when the
 * source has them; returns how many are available (fewer only at EOF). */
static size_t fill(P *p, val port, size_t need, const char *who)
{
	size_t pos = GETN(port, PORT_IN_POS), end = GETN(port, PORT_IN_END);
	val buf = PORT_GET(port, PORT_INBUF);
	int h;

	if (end - pos >= need || !(PORT_FLAGSV(port) & PORT_HANDLE))
		return end - pos;
	memmove(BUF(buf), BUF(buf) + pos, end - pos);
	end -= pos;
	pos = 0;
	SETN(port, PORT_IN_POS, 0);
	SETN(port, PORT_IN_END, end);
	h = (int)P_FIXVAL(PORT_GET(port, PORT_HANDLE_NO));
	while (end < need) {
		long r;
		if (PORT_FLAGSV(port) & PORT_CONSOLE)
			text_flush_all(p);
		r = plat_read(h, BUF(buf) + end, BUFCAP(buf) - end);
		if (r == -PLAT_EAGAIN)
			continue;
		if (r < 0)
			platform_error(p, port, who, r);
		if (r == 0)
			break;
		end += (size_t)r;
		SETN(port, PORT_IN_END, end);
	}
	return end;
}

/* Decodes the next character without consuming it; *len gets its size. */
static int32_t next_char(P *p, val port, const char *who, int *len)
{
	size_t avail = fill(p, port, 1, who), pos;
	const uint8_t *b;
	uint32_t c;
	int used;

	if (avail == 0)
		return PORT_EOF;
	pos = GETN(port, PORT_IN_POS);
	b = BUF(PORT_GET(port, PORT_INBUF)) + pos;
	if (b[0] < 0x80) {
		*len = 1;
		return b[0];
	}
	avail = fill(p, port, 4, who);
	b = BUF(PORT_GET(port, PORT_INBUF)) + GETN(port, PORT_IN_POS);
	used = utf8_decode(b, avail, &c);
	if (used == 0) {
		/* A sequence cut short by the end of the data. */
		used = 1;
		c = UNI_REPLACEMENT;
	}
	*len = used;
	return (int32_t)c;
}

/* The next character when it is an ASCII byte other than a newline
 * already in the buffer of an open textual input port, else -1: the
 * common case, without port_check, fill and decoding. */
static int32_t buffered_ascii(val port)
{
	const unsigned open_text_in = PORT_IN | PORT_TEXT | PORT_IN_OPEN;
	size_t pos;
	uint8_t b;

	if (!P_IS_PORT(port) || (PORT_FLAGSV(port) & open_text_in) != open_text_in)
		return -1;
	pos = GETN(port, PORT_IN_POS);
	if (pos >= GETN(port, PORT_IN_END))
		return -1;
	b = BUF(PORT_GET(port, PORT_INBUF))[pos];
	return b < 0x80 && b != '\n' ? b : -1;
}

int32_t port_read_char(P *p, val port, const char *who)
{
	int len;
	int32_t c = buffered_ascii(port);

	if (c >= 0) {
		SETN(port, PORT_IN_POS, GETN(port, PORT_IN_POS) + 1);
		return c;
	}
	port_check(p, port, PORT_IN, 1, who, 1);
	c = next_char(p, port, who, &len);
	if (c == PORT_EOF)
		return c;
	SETN(port, PORT_IN_POS, GETN(port, PORT_IN_POS) + (size_t)len);
	if (c == '\n')
		SETN(port, PORT_LINE, GETN(port, PORT_LINE) + 1);
	return c;
}

/* Consumes the line end at the input position: LF, CR, or CR LF. */
static void end_line(P *p, val port, const char *who)
{
	if (port_read_char(p, port, who) == '\r' && port_peek_char(p, port, who) == '\n')
		port_read_char(p, port, who);
}

val port_read_line(P *p, val port, const char *who)
{
	val acc = P_FALSE;	/* the line's bytes read so far, when it spans refills */
	size_t n = 0, avail, pos, i;
	const uint8_t *b;

	port_check(p, port, PORT_IN, 1, who, 1);
	if (fill(p, port, 1, who) == 0)
		return P_EOF;
	for (;;) {
		avail = fill(p, port, 1, who);
		pos = GETN(port, PORT_IN_POS);
		b = BUF(PORT_GET(port, PORT_INBUF)) + pos;
		for (i = 0; i < avail && b[i] != '\n' && b[i] != '\r'; i++)
			;
		if (i < avail && acc == P_FALSE) {
			val line = p_string_from_utf8(p, (const char *)b, i);
			SETN(port, PORT_IN_POS, pos + i);
			end_line(p, port, who);
			return line;
		}
		if (n + i > (acc == P_FALSE ? 0 : P_SIZE_OF_HDR(P_HDR(acc)) * sizeof(val))) {
			size_t cap = 2 * (n + i) + 64;
			val more = p_alloc(p, T_BYTES, cap);
			if (n)
				memcpy(BUF(more), BUF(acc), n);
			acc = more;
		}
		memcpy(BUF(acc) + n, b, i);
		n += i;
		SETN(port, PORT_IN_POS, pos + i);
		if (i < avail)
			break;
		if (avail == 0)
			return p_string_from_utf8(p, (const char *)BUF(acc), n);
	}
	end_line(p, port, who);
	return p_string_from_utf8(p, (const char *)BUF(acc), n);
}

int32_t port_peek_char(P *p, val port, const char *who)
{
	int len;
	int32_t c = buffered_ascii(port);

	if (c >= 0)
		return c;
	port_check(p, port, PORT_IN, 1, who, 1);
	return next_char(p, port, who, &len);
}

int port_read_byte(P *p, val port, const char *who)
{
	size_t pos;

	port_check(p, port, PORT_IN, 0, who, 1);
	if (fill(p, port, 1, who) == 0)
		return PORT_EOF;
	pos = GETN(port, PORT_IN_POS);
	SETN(port, PORT_IN_POS, pos + 1);
	return BUF(PORT_GET(port, PORT_INBUF))[pos];
}

int port_peek_byte(P *p, val port, const char *who)
{
	port_check(p, port, PORT_IN, 0, who, 1);
	if (fill(p, port, 1, who) == 0)
		return PORT_EOF;
	return BUF(PORT_GET(port, PORT_INBUF))[GETN(port, PORT_IN_POS)];
}

size_t port_read_bytes(P *p, val port, uint8_t *dst, size_t n, const char *who)
{
	size_t avail, pos;

	port_check(p, port, PORT_IN, 0, who, 1);
	if (n == 0)
		return 0;
	avail = fill(p, port, 1, who);
	pos = GETN(port, PORT_IN_POS);
	if (avail > n)
		avail = n;
	memcpy(dst, BUF(PORT_GET(port, PORT_INBUF)) + pos, avail);
	SETN(port, PORT_IN_POS, pos + avail);
	return avail;
}

int port_ready(P *p, val port, const char *who)
{
	int r;

	port_check(p, port, PORT_IN, -1, who, 1);
	if (!(PORT_FLAGSV(port) & PORT_HANDLE)
	    || GETN(port, PORT_IN_END) > GETN(port, PORT_IN_POS))
		return 1;
	r = plat_ready((int)P_FIXVAL(PORT_GET(port, PORT_HANDLE_NO)));
	/* An error will be reported by the read itself, which won't block. */
	return r != 0;
}

long port_line(val port)
{
	return (long)P_FIXVAL(PORT_GET(port, PORT_LINE));
}

/* Writes the output buffer out; 0 or the platform's error.  The buffer is
 * emptied either way, so a dead stream does not fail every later write. */
static long write_out(val port)
{
	size_t len = GETN(port, PORT_OUT_LEN), done = 0;
	const uint8_t *b = BUF(PORT_GET(port, PORT_OUTBUF));
	int h = (int)P_FIXVAL(PORT_GET(port, PORT_HANDLE_NO));
	long r = 0;

	while (done < len) {
		r = plat_write(h, b + done, len - done);
		if (r == -PLAT_EAGAIN)
			continue;
		if (r < 0)
			break;
		done += (size_t)r;
	}
	SETN(port, PORT_OUT_LEN, 0);
	return r < 0 ? r : 0;
}

static void flush_bytes(P *p, val port, const char *who)
{
	long r = write_out(port);

	if (r < 0)
		platform_error(p, port, who, r);
}

void port_write_bytes(P *p, val port, const void *data, size_t n, const char *who)
{
	val buf = PORT_GET(port, PORT_OUTBUF);
	size_t len = GETN(port, PORT_OUT_LEN), cap = BUFCAP(buf);
	unsigned f = PORT_FLAGSV(port);

	if (!(f & PORT_HANDLE)) {
		if (len + n > cap) {
			size_t ncap = cap * 2;
			while (ncap < len + n)
				ncap *= 2;
			val nbuf = p_alloc(p, T_BYTES, ncap);
			memcpy(BUF(nbuf), BUF(buf), len);
			buf = nbuf;
			P_SET_SLOT(port, PORT_OUTBUF, buf);
		}
		memcpy(BUF(buf) + len, data, n);
		SETN(port, PORT_OUT_LEN, len + n);
		return;
	}
	if (len + n > cap) {
		flush_bytes(p, port, who);
		len = 0;
	}
	if (n >= cap) {
		/* Too big to buffer: pass it through in buffer-sized slices. */
		const uint8_t *d = data;
		while (n > 0) {
			size_t k = n < cap ? n : cap;
			memcpy(BUF(buf), d, k);
			SETN(port, PORT_OUT_LEN, k);
			flush_bytes(p, port, who);
			d += k;
			n -= k;
		}
		return;
	}
	memcpy(BUF(buf) + len, data, n);
	SETN(port, PORT_OUT_LEN, len + n);
	if ((f & PORT_UNBUFFERED) || ((f & PORT_LINEBUF) && memchr(data, '\n', n)))
		flush_bytes(p, port, who);
}

void port_write_char(P *p, val port, uint32_t c, const char *who)
{
	uint8_t b[4];

	port_write_bytes(p, port, b, (size_t)utf8_encode(c, b), who);
}

void port_write_string(P *p, val port, val s, size_t start, size_t end,
		       const char *who)
{
	uint8_t chunk[256];

	/* A narrow string's ASCII runs are already UTF-8: write them as
	 * they are (writing allocates but never moves the string). */
	if (STR_WIDTH(s) == 1) {
		const uint8_t *b = STR_BYTES(s);
		while (start < end) {
			size_t k = start;
			while (k < end && b[k] < 0x80)
				k++;
			if (k > start) {
				port_write_bytes(p, port, b + start, k - start, who);
				start = k;
			} else {
				port_write_char(p, port, b[start++], who);
			}
		}
		return;
	}
	/* Encode in chunks that fit the stack buffer. */
	while (start < end) {
		size_t k = 0;
		while (start < end && k + 4 <= sizeof chunk)
			k += (size_t)utf8_encode(p_string_ref(s, start++), chunk + k);
		port_write_bytes(p, port, chunk, k, who);
	}
}

void port_flush(P *p, val port, const char *who)
{
	if (PORT_FLAGSV(port) & PORT_HANDLE) {
		flush_bytes(p, port, who);
		plat_flush((int)P_FIXVAL(PORT_GET(port, PORT_HANDLE_NO)));
	}
}

const uint8_t *port_output_data(val port, size_t *n)
{
	*n = GETN(port, PORT_OUT_LEN);
	return BUF(PORT_GET(port, PORT_OUTBUF));
}

static void forget_output(P *p, val port)
{
	val st = state(p), prev = P_FALSE;

	for (val l = P_VEC(st)[TS_OPEN_OUTPUTS]; P_IS_PAIR(l); l = P_CDR(l)) {
		if (P_CAR(l) == port) {
			if (prev == P_FALSE)
				P_SET_SLOT(st, TS_OPEN_OUTPUTS, P_CDR(l));
			else
				P_SET_CDR(prev, P_CDR(l));
			return;
		}
		prev = l;
	}
}

void port_close(P *p, val port, unsigned sides)
{
	unsigned f = PORT_FLAGSV(port), was_open = f & (PORT_IN_OPEN | PORT_OUT_OPEN);
	int h = (int)P_FIXVAL(PORT_GET(port, PORT_HANDLE_NO));
	long err = 0;

	if ((sides & PORT_OUT) && (f & PORT_OUT_OPEN)) {
		f &= ~(unsigned)PORT_OUT_OPEN;
		if (f & PORT_HANDLE) {
			forget_output(p, port);
			err = write_out(port);
		}
	}
	if ((sides & PORT_IN) && (f & PORT_IN_OPEN)) {
		f &= ~(unsigned)PORT_IN_OPEN;
		SETN(port, PORT_IN_POS, 0);
		SETN(port, PORT_IN_END, 0);
	}
	set_flags(port, f);
	/* The standard streams belong to the platform: closing their ports
	 * only stops this program's use of them. */
	if ((f & PORT_HANDLE) && was_open && !(f & (PORT_IN_OPEN | PORT_OUT_OPEN))
	    && h > PLAT_REPL)
		plat_close(h);
	if (err < 0)
		platform_error(p, port, "close-port", err);
}

void text_init(P *p)
{
	val st = state(p);
	const unsigned std = PORT_TEXT | PORT_BIVALENT;
	val in = port_from_handle(p, PLAT_STDIN, PORT_IN | std | PORT_CONSOLE,
				  string_from_latin1(p, "stdin", 5));
	val out = port_from_handle(p, PLAT_STDOUT, PORT_OUT | std | PORT_LINEBUF,
				   string_from_latin1(p, "stdout", 6));
	val err = port_from_handle(p, PLAT_STDERR, PORT_OUT | std | PORT_UNBUFFERED,
				   string_from_latin1(p, "stderr", 6));

	P_SET_SLOT(st, TS_CUR_IN, p_make_parameter(p, in, P_FALSE));
	P_SET_SLOT(st, TS_CUR_OUT, p_make_parameter(p, out, P_FALSE));
	p_define_global(p, "base", "current-input-port", P_VEC(st)[TS_CUR_IN]);
	p_define_global(p, "base", "current-output-port", P_VEC(st)[TS_CUR_OUT]);
	p_define_global(p, "base", "current-error-port",
			p_make_parameter(p, err, P_FALSE));
}

val port_current_input(P *p)
{
	return p_param_value(p, P_VEC(state(p))[TS_CUR_IN]);
}

val port_current_output(P *p)
{
	return p_param_value(p, P_VEC(state(p))[TS_CUR_OUT]);
}

void text_flush_all(P *p)
{
	val st = state(p);

	/* Errors here would mask the one being reported (or the exit); a
	 * port whose stream is gone just loses its buffered output. */
	for (val l = P_VEC(st)[TS_OPEN_OUTPUTS]; P_IS_PAIR(l); l = P_CDR(l)) {
		write_out(P_CAR(l));
		plat_flush((int)P_FIXVAL(PORT_GET(P_CAR(l), PORT_HANDLE_NO)));
	}
}
