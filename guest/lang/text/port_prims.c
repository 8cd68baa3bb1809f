/* port_prims.c - port objects in (scheme base): predicates, closing, string
 * and bytevector ports, the eof object. */
#include "port.h"
#include "string_obj.h"
#include "args.h"

static unsigned flags_of(val x)
{
	return P_IS_PORT(x) ? PORT_FLAGSV(x) : 0;
}

static val prim_port_p(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(flags_of(argv[0]) & (PORT_IN | PORT_OUT));
}

static val prim_input_port_p(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(flags_of(argv[0]) & PORT_IN);
}

static val prim_output_port_p(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(flags_of(argv[0]) & PORT_OUT);
}

static val prim_textual_port_p(P *p, int argc, val *argv)
{
	unsigned f = flags_of(argv[0]);

	(void)p, (void)argc;
	return P_BOOL((f & (PORT_IN | PORT_OUT)) && (f & PORT_TEXT));
}

static val prim_binary_port_p(P *p, int argc, val *argv)
{
	unsigned f = flags_of(argv[0]);

	(void)p, (void)argc;
	return P_BOOL((f & (PORT_IN | PORT_OUT)) && !(f & PORT_TEXT));
}

static void arg_port(P *p, const char *who, val *argv, int i, unsigned side)
{
	unsigned f = flags_of(argv[i]);

	if (!(f & side))
		p_type_error(p, who, i + 1,
			     side == PORT_IN ? "input port"
			     : side == PORT_OUT ? "output port" : "port",
			     argv[i]);
}

/* input-port-open? and output-port-open? (data: the open flag asked
 * about): #f for a port of the other direction, which cannot do it. */
static val prim_port_open_p(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);

	(void)argc;
	arg_port(p, d->name, argv, 0, PORT_IN | PORT_OUT);
	return P_BOOL(PORT_FLAGSV(argv[0]) & (unsigned)d->data);
}

static val prim_close_port(P *p, int argc, val *argv)
{
	(void)argc;
	if (!(flags_of(argv[0]) & (PORT_IN | PORT_OUT | PORT_LISTENER)))
		p_type_error(p, "close-port", 1, "port", argv[0]);
	port_close(p, argv[0], PORT_IN | PORT_OUT);
	return P_VOID;
}

static val prim_close_input_port(P *p, int argc, val *argv)
{
	(void)argc;
	arg_port(p, "close-input-port", argv, 0, PORT_IN);
	port_close(p, argv[0], PORT_IN);
	return P_VOID;
}

static val prim_close_output_port(P *p, int argc, val *argv)
{
	(void)argc;
	arg_port(p, "close-output-port", argv, 0, PORT_OUT);
	port_close(p, argv[0], PORT_OUT);
	return P_VOID;
}

static val prim_open_input_string(P *p, int argc, val *argv)
{
	(void)argc;
	return port_open_input_string(p, p_arg_string(p, "open-input-string", argv, 0));
}

/* (%open-input-source text file): a string port named after the file the
 * text came from, so read errors cite it (the program file). */
static val prim_open_input_source(P *p, int argc, val *argv)
{
	val port;

	(void)argc;
	port = port_open_input_string(p, p_arg_string(p, "%open-input-source", argv, 0));
	P_SET_SLOT(port, PORT_NAME, p_arg_string(p, "%open-input-source", argv, 1));
	return port;
}

static val prim_open_output_string(P *p, int argc, val *argv)
{
	(void)argc, (void)argv;
	return port_open_output_memory(p, 1);
}

/* The memory output port argument of get-output-string/-bytevector. */
static void arg_memory_output(P *p, const char *who, val *argv, int textual)
{
	unsigned f = flags_of(argv[0]);

	if (!(f & PORT_OUT) || (f & PORT_HANDLE) || !!(f & PORT_TEXT) != textual)
		p_type_error(p, who, 1, textual ? "port made by open-output-string"
			     : "port made by open-output-bytevector", argv[0]);
}

static val prim_get_output_string(P *p, int argc, val *argv)
{
	const uint8_t *data;
	size_t n;

	(void)argc;
	arg_memory_output(p, "get-output-string", argv, 1);
	data = port_output_data(argv[0], &n);
	return p_string_from_utf8(p, (const char *)data, n);
}

static val prim_open_input_bytevector(P *p, int argc, val *argv)
{
	val bv = p_arg_bytevector(p, "open-input-bytevector", argv, 0);

	(void)argc;
	return port_open_input_bytes(p, P_BV_DATA(bv), P_BV_LEN(bv), 0);
}

static val prim_open_output_bytevector(P *p, int argc, val *argv)
{
	(void)argc, (void)argv;
	return port_open_output_memory(p, 0);
}

static val prim_get_output_bytevector(P *p, int argc, val *argv)
{
	const uint8_t *data;
	size_t n;
	val bv;

	(void)argc;
	arg_memory_output(p, "get-output-bytevector", argv, 0);
	data = port_output_data(argv[0], &n);
	bv = p_make_bytevector(p, n, 0);
	for (size_t i = 0; i < n; i++)
		P_BV_DATA(bv)[i] = data[i];
	return bv;
}

static val prim_eof_object(P *p, int argc, val *argv)
{
	(void)p, (void)argc, (void)argv;
	return P_EOF;
}

static val prim_eof_object_p(P *p, int argc, val *argv)
{
	(void)p, (void)argc;
	return P_BOOL(argv[0] == P_EOF);
}

const struct p_prim port_prims[] = {
	{"base", "port?", prim_port_p, 1, 1, 0},
	{"base", "input-port?", prim_input_port_p, 1, 1, 0},
	{"base", "output-port?", prim_output_port_p, 1, 1, 0},
	{"base", "textual-port?", prim_textual_port_p, 1, 1, 0},
	{"base", "binary-port?", prim_binary_port_p, 1, 1, 0},
	{"base", "input-port-open?", prim_port_open_p, 1, 1, PORT_IN_OPEN},
	{"base", "output-port-open?", prim_port_open_p, 1, 1, PORT_OUT_OPEN},
	{"base", "close-port", prim_close_port, 1, 1, 0},
	{"base", "close-input-port", prim_close_input_port, 1, 1, 0},
	{"base", "close-output-port", prim_close_output_port, 1, 1, 0},
	{"base", "open-input-string", prim_open_input_string, 1, 1, 0},
	{"base", "%open-input-source", prim_open_input_source, 2, 2, 0},
	{"base", "open-output-string", prim_open_output_string, 0, 0, 0},
	{"base", "get-output-string", prim_get_output_string, 1, 1, 0},
	{"base", "open-input-bytevector", prim_open_input_bytevector, 1, 1, 0},
	{"base", "open-output-bytevector", prim_open_output_bytevector, 0, 0, 0},
	{"base", "get-output-bytevector", prim_get_output_bytevector, 1, 1, 0},
	{"base", "eof-object", prim_eof_object, 0, 0, 0},
	{"base", "eof-object?", prim_eof_object_p, 1, 1, 0},
	{NULL, NULL, NULL, 0, 0, 0},
};

val p_open_input_string(P *p, val s)
{
	return port_open_input_string(p, s);
}
