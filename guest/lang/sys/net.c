/* net.c - TCP ports of (pxen net) (see net.h). */
#include "net.h"
#include "platform.h"
#include "port.h"
#include "string_obj.h"
#include "args.h"

static int arg_port_number(P *p, const char *who, val *argv, int i)
{
	return (int)p_arg_size(p, who, argv, i, 65535);
}

static val describe(P *p, val host, int port)
{
	struct strbuf b;
	char digits[8];
	int n = 0;

	strbuf_init(&b, p);
	for (size_t i = 0; P_IS_STRING(host) && i < STR_LEN(host); i++)
		strbuf_push(&b, p_string_ref(host, i));
	strbuf_push(&b, ':');
	do {
		digits[n++] = (char)('0' + port % 10);
		port /= 10;
	} while (port > 0);
	while (n > 0)
		strbuf_push(&b, (uint32_t)digits[--n]);
	return strbuf_string(&b);
}

static val connection(P *p, int h, val name)
{
	return port_from_handle(p, h, PORT_IN | PORT_OUT, name);
}

val net_tcp_connect(P *p, int argc, val *argv)
{
	val host = p_arg_string(p, "tcp-connect", argv, 0);
	int port = arg_port_number(p, "tcp-connect", argv, 1);
	int h = plat_tcp_connect(p_string_cstr(p, host), port);

	(void)argc;
	if (h < 0)
		p_file_error(p, "tcp-connect", h, describe(p, host, port));
	return connection(p, h, describe(p, host, port));
}

val net_tcp_listen(P *p, int argc, val *argv)
{
	val host = argc == 2 ? p_arg_string(p, "tcp-listen", argv, 0) : P_FALSE;
	int port = arg_port_number(p, "tcp-listen", argv, argc - 1);
	int h = plat_tcp_listen(host == P_FALSE ? NULL : p_string_cstr(p, host), port);
	val listener;

	if (h < 0)
		p_file_error(p, "tcp-listen", h, describe(p, host, port));
	listener = port_from_handle(p, h, PORT_LISTENER, describe(p, host, port));
	P_SET_SLOT(listener, PORT_FLAGS, P_FIX(PORT_FLAGSV(listener) | PORT_IN_OPEN));
	return listener;
}

static int is_listener(val x)
{
	return P_IS_PORT(x) && (PORT_FLAGSV(x) & PORT_LISTENER);
}

val net_tcp_accept(P *p, int argc, val *argv)
{
	int h;

	(void)argc;
	if (!is_listener(argv[0]))
		p_type_error(p, "tcp-accept", 1, "TCP listener", argv[0]);
	if (!(PORT_FLAGSV(argv[0]) & PORT_IN_OPEN))
		p_raise_error(p, PE_ERROR, "tcp-accept: listener is closed", 1, argv[0]);
	h = plat_tcp_accept((int)P_FIXVAL(PORT_GET(argv[0], PORT_HANDLE_NO)));
	if (h < 0)
		p_file_error(p, "tcp-accept", h, PORT_GET(argv[0], PORT_NAME));
	return connection(p, h, PORT_GET(argv[0], PORT_NAME));
}

val net_tcp_listener_p(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(is_listener(argv[0]));
}
