/* test_read_ports.c - ports through their primitives: string and
 * bytevector ports, file ports (text with UTF-8, binary, large), errors on
 * closed ports, wrong kinds and missing files, and (pxen fs). */
#include "test_string_fixture.h"

static val sym(P *p, const char *s)
{
	return p_intern(p, s, strlen(s));
}

static void test_string_ports(P *p)
{
	val a[4], in, out, r;

	a[0] = str(p, "l\xCE\xBBne one\nline two\r\nlast");
	in = call(p, "open-input-string", 1, a);
	a[0] = in;
	tap_ok(call(p, "peek-char", 1, a) == P_CHAR('l') && call(p, "read-char", 1, a) == P_CHAR('l')
	   && call(p, "read-char", 1, a) == P_CHAR(0x3BB), "peek-char and read-char decode UTF-8");
	r = call(p, "read-line", 1, a);
	tap_ok(str_is(p, r, "ne one"), "read-line stops at newline");
	r = call(p, "read-line", 1, a);
	tap_ok(str_is(p, r, "line two"), "read-line strips CR LF");
	a[0] = P_FIX(2);
	a[1] = in;
	r = call(p, "read-string", 2, a);
	tap_ok(str_is(p, r, "la"), "read-string k");
	a[0] = P_FIX(100);
	r = call(p, "read-string", 2, a);
	tap_ok(str_is(p, r, "st"), "read-string stops at end of input");
	tap_ok(call(p, "read-string", 2, a) == P_EOF, "read-string at end is eof");
	a[0] = in;
	tap_ok(call(p, "read-char", 1, a) == P_EOF && call(p, "read-line", 1, a) == P_EOF
	   && call(p, "char-ready?", 1, a) == P_TRUE, "eof at the end of a string port");

	out = call(p, "open-output-string", 0, a);
	a[0] = str(p, "x\xCE\xBBy");
	a[1] = out;
	a[2] = P_FIX(1);
	call(p, "write-string", 3, a);
	a[0] = P_CHAR(0x1F600);
	call(p, "write-char", 2, a);
	a[0] = p_list(p, 2, sym(p, "q"), str(p, "s"));
	call(p, "write", 2, a);
	call(p, "display", 2, a);
	a[0] = out;
	call(p, "newline", 1, a);
	r = call(p, "get-output-string", 1, a);
	tap_ok(str_is(p, r, "\xCE\xBBy\xF0\x9F\x98\x80(q \"s\")(q s)\n"),
	   "output string port collects write-string, write-char, write, display");
	a[0] = in;
	tap_ok(call(p, "get-output-string", 1, a) == 0, "get-output-string of an input port raises");
	a[0] = P_CHAR('z');
	a[1] = in;
	tap_ok(call(p, "write-char", 2, a) == 0 && strstr(caught_message(p), "write-char"),
	   "write-char to an input port raises a type error naming write-char");
}

static void test_bytevector_ports(P *p)
{
	val a[4], in, out, bv, r;

	bv = p_make_bytevector(p, 5, 0);
	for (int i = 0; i < 5; i++)
		P_BV_DATA(bv)[i] = (uint8_t)(10 + i);
	a[0] = bv;
	in = call(p, "open-input-bytevector", 1, a);
	a[0] = in;
	tap_ok(call(p, "peek-u8", 1, a) == P_FIX(10) && call(p, "read-u8", 1, a) == P_FIX(10),
	   "peek-u8 and read-u8");
	tap_ok(call(p, "u8-ready?", 1, a) == P_TRUE, "u8-ready? on a bytevector port");
	a[0] = P_FIX(3);
	a[1] = in;
	r = call(p, "read-bytevector", 2, a);
	tap_ok(P_IS_BYTEVECTOR(r) && P_BV_LEN(r) == 3 && P_BV_DATA(r)[0] == 11, "read-bytevector");
	a[0] = p_make_bytevector(p, 4, 0);
	a[1] = in;
	a[2] = P_FIX(1);
	r = call(p, "read-bytevector!", 3, a);
	tap_ok(r == P_FIX(1) && P_BV_DATA(a[0])[1] == 14, "read-bytevector! returns the count");
	tap_ok(call(p, "read-bytevector!", 3, a) == P_EOF, "read-bytevector! at end is eof");
	a[0] = in;
	tap_ok(call(p, "read-char", 1, a) == 0, "read-char on a binary port raises");

	out = call(p, "open-output-bytevector", 0, a);
	a[0] = P_FIX(200);
	a[1] = out;
	call(p, "write-u8", 2, a);
	a[0] = bv;
	a[2] = P_FIX(3);
	call(p, "write-bytevector", 3, a);
	a[0] = out;
	r = call(p, "get-output-bytevector", 1, a);
	tap_ok(P_BV_LEN(r) == 3 && P_BV_DATA(r)[0] == 200 && P_BV_DATA(r)[2] == 14,
	   "output bytevector port");
	a[0] = P_FIX(256);
	a[1] = out;
	tap_ok(call(p, "write-u8", 2, a) == 0, "write-u8 of 256 raises");
}

static void test_predicates_and_close(P *p)
{
	val a[2], in, out;

	a[0] = str(p, "abc");
	in = call(p, "open-input-string", 1, a);
	out = call(p, "open-output-bytevector", 0, a);
	a[0] = in;
	tap_ok(call(p, "input-port?", 1, a) == P_TRUE && call(p, "output-port?", 1, a) == P_FALSE
	   && call(p, "textual-port?", 1, a) == P_TRUE && call(p, "binary-port?", 1, a) == P_FALSE
	   && call(p, "port?", 1, a) == P_TRUE, "predicates of a string input port");
	a[0] = out;
	tap_ok(call(p, "binary-port?", 1, a) == P_TRUE && call(p, "output-port?", 1, a) == P_TRUE,
	   "predicates of a bytevector output port");
	a[0] = str(p, "x");
	tap_ok(call(p, "port?", 1, a) == P_FALSE, "a string is not a port");
	a[0] = in;
	tap_ok(call(p, "input-port-open?", 1, a) == P_TRUE, "input-port-open? before closing");
	call(p, "close-input-port", 1, a);
	tap_ok(call(p, "input-port-open?", 1, a) == P_FALSE, "input-port-open? after closing");
	tap_ok(call(p, "read-char", 1, a) == 0
	   && strcmp(caught_message(p), "read-char: port is closed") == 0,
	   "reading a closed port raises \"read-char: port is closed\"");
	call(p, "close-port", 1, a);
	tap_ok(caught == 0, "closing twice is harmless");
	a[0] = out;
	tap_ok(call(p, "close-input-port", 1, a) == 0, "close-input-port of an output port raises");
	call(p, "close-output-port", 1, a);
	tap_ok(call(p, "output-port-open?", 1, a) == P_FALSE, "close-output-port");
	tap_ok(call(p, "eof-object?", 1, (val[]){call(p, "eof-object", 0, a)}) == P_TRUE,
	   "eof-object and eof-object?");
}

static void test_files(P *p)
{
	char name[64], dir[64];
	val a[3], out, in, r;

	snprintf(name, sizeof name, "p-text-test-%d.txt", (int)getpid());
	snprintf(dir, sizeof dir, "p-text-dir-%d", (int)getpid());
	a[0] = str(p, name);
	out = call(p, "open-output-file", 1, a);
	tap_ok(out != 0, "open-output-file");
	for (int i = 0; i < 2000; i++) {
		a[0] = str(p, "\xCE\xBB line\n");
		a[1] = out;
		call(p, "write-string", 2, a);
	}
	a[0] = out;
	call(p, "close-port", 1, a);
	a[0] = str(p, name);
	tap_ok(call(p, "file-exists?", 1, a) == P_TRUE, "file-exists? of a new file");
	r = call(p, "file-size", 1, a);
	tap_ok(r == P_FIX(2000 * 8), "file-size counts UTF-8 bytes (%ld)", (long)P_FIXVAL(r));
	in = call(p, "open-input-file", 1, a);
	{
		int lines = 0, good = 1;
		a[0] = in;
		while ((r = call(p, "read-line", 1, a)) != P_EOF && r != 0) {
			if (!str_is(p, r, "\xCE\xBB line"))
				good = 0;
			lines++;
		}
		tap_ok(good && lines == 2000, "2000 lines read back through a 4 KiB buffer");
	}
	call(p, "close-port", 1, a);

	a[0] = str(p, name);
	in = call(p, "open-binary-input-file", 1, a);
	a[0] = in;
	tap_ok(call(p, "read-u8", 1, a) == P_FIX(0xCE), "a binary file port reads bytes");
	a[0] = P_FIX(1 << 20);
	a[1] = in;
	r = call(p, "read-bytevector", 2, a);
	tap_ok(P_IS_BYTEVECTOR(r) && P_BV_LEN(r) == 2000 * 8 - 1, "read-bytevector reads the rest");
	a[0] = in;
	call(p, "close-port", 1, a);

	a[0] = str(p, dir);
	call(p, "make-directory", 1, a);
	tap_ok(caught == 0 && call(p, "file-directory?", 1, a) == P_TRUE, "make-directory");
	{
		char moved[160];
		snprintf(moved, sizeof moved, "%s/b.txt", dir);
		a[0] = str(p, name);
		a[1] = str(p, moved);
		call(p, "rename-file", 2, a);
		tap_ok(caught == 0, "rename-file into a directory");
		snprintf(moved, sizeof moved, "%s/a.txt", dir);
		a[0] = str(p, moved);
		call(p, "open-output-file", 1, a);
		a[0] = str(p, dir);
		r = call(p, "list-directory", 1, a);
		tap_ok(P_IS_PAIR(r) && str_is(p, P_CAR(r), "a.txt") && P_IS_PAIR(P_CDR(r))
		   && str_is(p, P_CAR(P_CDR(r)), "b.txt") && P_CDR(P_CDR(r)) == P_NIL,
		   "list-directory is sorted and skips . and ..");
		a[0] = str(p, dir);
		tap_ok(call(p, "delete-directory", 1, a) == 0 && caught_kind() == PE_FILE,
		   "delete-directory of a non-empty directory is a file error");
		a[0] = str(p, moved);
		call(p, "delete-file", 1, a);
		snprintf(moved, sizeof moved, "%s/b.txt", dir);
		a[0] = str(p, moved);
		call(p, "delete-file", 1, a);
		a[0] = str(p, dir);
		call(p, "delete-directory", 1, a);
		tap_ok(caught == 0 && call(p, "file-exists?", 1, a) == P_FALSE,
		   "delete-file and delete-directory");
	}
	a[0] = str(p, "no-such-file.txt");
	r = call(p, "open-input-file", 1, a);
	{
		const char *msg = caught_message(p);
		tap_ok(r == 0 && caught_kind() == PE_FILE && strstr(msg, "open-input-file")
		   && strstr(msg, "no-such-file.txt"),
		   "open-input-file of a missing file is a file error naming both (%s)", msg);
	}
	tap_ok(call(p, "delete-file", 1, a) == 0 && caught_kind() == PE_FILE,
	   "delete-file of a missing file is a file error");
	a[0] = p_string_from_utf8(p, "a\0b", 3);
	tap_ok(call(p, "open-input-file", 1, a) == 0 && caught_kind() == PE_FILE,
	   "a file name with NUL is a file error");
}

/* A listener, a connection to it and the accepted side, in one process:
 * the kernel buffers what each side writes. */
static void test_tcp(P *p)
{
	val a[3], listener, client, server, r;
	int port = 20000 + (int)(getpid() % 20000);

	/* A port in use elsewhere is skipped, not a failure. */
	for (int tries = 0; tries < 50; tries++, port++) {
		a[0] = str(p, "127.0.0.1");
		a[1] = P_FIX(port);
		listener = call(p, "tcp-listen", 2, a);
		if (listener)
			break;
	}
	tap_ok(listener != 0, "tcp-listen on 127.0.0.1:%d", port);
	if (!listener)
		return;
	a[0] = listener;
	tap_ok(call(p, "tcp-listener?", 1, a) == P_TRUE && call(p, "port?", 1, a) == P_FALSE,
	   "a listener is not a port");
	a[0] = str(p, "127.0.0.1");
	client = call(p, "tcp-connect", 2, a);
	a[0] = listener;
	server = call(p, "tcp-accept", 1, a);
	tap_ok(client && server, "tcp-connect and tcp-accept");
	if (!client || !server)
		return;
	a[0] = client;
	tap_ok(call(p, "input-port?", 1, a) == P_TRUE && call(p, "output-port?", 1, a) == P_TRUE
	   && call(p, "binary-port?", 1, a) == P_TRUE,
	   "a connection is one binary input/output port");
	a[0] = p_make_bytevector(p, 3, 'x');
	a[1] = client;
	call(p, "write-bytevector", 2, a);
	a[0] = client;
	call(p, "flush-output-port", 1, a);
	a[0] = P_FIX(3);
	a[1] = server;
	r = call(p, "read-bytevector", 2, a);
	tap_ok(r && P_IS_BYTEVECTOR(r) && P_BV_LEN(r) == 3 && P_BV_DATA(r)[0] == 'x',
	   "bytes written by the client arrive at the server");
	a[0] = P_FIX(7);
	a[1] = server;
	call(p, "write-u8", 2, a);
	a[0] = server;
	call(p, "flush-output-port", 1, a);
	a[0] = client;
	tap_ok(call(p, "read-u8", 1, a) == P_FIX(7), "the other direction works too");
	call(p, "close-output-port", 1, a);
	tap_ok(call(p, "output-port-open?", 1, a) == P_FALSE
	   && call(p, "input-port-open?", 1, a) == P_TRUE,
	   "the directions of a connection close separately");
	call(p, "close-input-port", 1, a);
	a[0] = server;
	tap_ok(call(p, "read-u8", 1, a) == P_EOF,
	   "closing both directions of the client ends the server's input");
	call(p, "close-port", 1, a);
	a[0] = listener;
	call(p, "close-port", 1, a);
	tap_ok(call(p, "tcp-accept", 1, a) == 0, "accept on a closed listener raises");
	a[0] = str(p, "127.0.0.1");
	a[1] = P_FIX(70000);
	tap_ok(call(p, "tcp-connect", 2, a) == 0, "a port number above 65535 raises");
}

int main(void)
{
	P *p = fixture_new();

	test_string_ports(p);
	test_bytevector_ports(p);
	test_predicates_and_close(p);
	test_files(p);
	test_tcp(p);
	return tap_done();
}
