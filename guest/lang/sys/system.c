/* system.c - (scheme process-context) without exit (the core's), (scheme
 * time), and the table entries of (pxen net). */
#include <string.h>

#include "net.h"
#include "platform.h"
#include "string_obj.h"
#include "args.h"

static val cstring(P *p, const char *s)
{
	return p_string_from_utf8(p, s, strlen(s));
}

static val prim_command_line(P *p, int argc, val *argv)
{
	val list = P_NIL;

	(void)argc, (void)argv;
	for (int i = plat_argc(); i-- > 0;)
		list = p_cons(p, cstring(p, plat_argv(i) ? plat_argv(i) : ""), list);
	return list;
}

static val prim_get_environment_variable(P *p, int argc, val *argv)
{
	val name = p_arg_string(p, "get-environment-variable", argv, 0);
	const char *v;

	(void)argc;
	v = plat_getenv(p_string_cstr(p, name));
	return v ? cstring(p, v) : P_FALSE;
}

static val prim_get_environment_variables(P *p, int argc, val *argv)
{
	val list = P_NIL;
	const char *e;

	(void)argc, (void)argv;
	for (int i = 0; (e = plat_environ(i)) != NULL; i++) {
		const char *eq = strchr(e, '=');
		size_t n = eq ? (size_t)(eq - e) : strlen(e);
		val entry = p_cons(p, p_string_from_utf8(p, e, n),
				   cstring(p, eq ? eq + 1 : ""));
		list = p_cons(p, entry, list);
	}
	return list;
}

static val prim_current_second(P *p, int argc, val *argv)
{
	(void)argc, (void)argv;
	return p_flonum(p, (double)plat_wallclock_ns() / 1e9);
}

static val prim_current_jiffy(P *p, int argc, val *argv)
{
	(void)argc, (void)argv;
	return p_from_int64(p, (int64_t)plat_monotonic_ns());
}

static val prim_jiffies_per_second(P *p, int argc, val *argv)
{
	(void)p, (void)argc, (void)argv;
	return P_FIX(1000000000);
}

const struct p_prim system_prims[] = {
	{"process-context", "command-line", prim_command_line, 0, 0, 0},
	{"process-context", "get-environment-variable",
	 prim_get_environment_variable, 1, 1, 0},
	{"process-context", "get-environment-variables",
	 prim_get_environment_variables, 0, 0, 0},
	{"time", "current-second", prim_current_second, 0, 0, 0},
	{"time", "current-jiffy", prim_current_jiffy, 0, 0, 0},
	{"time", "jiffies-per-second", prim_jiffies_per_second, 0, 0, 0},
	{"pxen net", "tcp-connect", net_tcp_connect, 2, 2, 0},
	{"pxen net", "tcp-listen", net_tcp_listen, 1, 2, 0},
	{"pxen net", "tcp-accept", net_tcp_accept, 1, 1, 0},
	{"pxen net", "tcp-listener?", net_tcp_listener_p, 1, 1, 0},
	{NULL, NULL, NULL, 0, 0, 0},
};
