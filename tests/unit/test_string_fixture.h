/*
 * test_string_fixture.h - shared by the text module's unit tests
 * (test_string, test_read, test_write): an interpreter heap on the hosted
 * platform, TAP output, calling primitives by name, and catching the
 * conditions they raise.
 *
 * It reaches into core.h for the heap and for the error jump: a unit test
 * has no VM to catch conditions for it.
 */
#ifndef PXEN_TEST_STRING_FIXTURE_H
#define PXEN_TEST_STRING_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "core.h"
#include "platform.h"
#include "host.h"
#include "port.h"
#include "string_obj.h"
#include "tap.h"

static P *fixture_new(void)
{
	static char name[] = "test";
	static char *argv[] = {name, NULL};
	static struct p_state state;
	struct host_config cfg = {0};
	P *p = &state;

	/* Files and sockets go through a p-dom0d of the build tree, which
	 * lets file tests use /tmp and socket tests use the loopback. */
	if (!getenv("P_DOM0D") && getenv("top_builddir")) {
		static char dom0d[4096];
		snprintf(dom0d, sizeof dom0d, "%s/p-dom0d", getenv("top_builddir"));
		setenv("P_DOM0D", dom0d, 1);
	}
	cfg.fs_root = "/tmp";
	cfg.net[0] = "127.0.0.1:*";
	cfg.net[1] = "listen:*";
	cfg.nnet = 2;
	cfg.heap_limit = 1024u << 20;	/* never collected: tests only allocate */
	cfg.argc = 1;
	cfg.argv = argv;
	if (host_setup(&cfg) < 0) {
		fprintf(stderr, "host_setup failed\n");
		exit(1);
	}
	gc_init(p, cfg.heap_limit);
	sym_init(p);
	return p;
}

/* The primitive called name in one of the tables. */
static __attribute__((unused)) const struct p_prim *prim(const char *name)
{
	static const struct p_prim *const tables[] = {
		char_prims, string_prims, bytevector_prims, port_prims, io_prims,
		file_prims, system_prims,
	};

	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
		for (const struct p_prim *e = tables[t]; e->name; e++)
			if (strcmp(e->name, name) == 0)
				return e;
	fprintf(stderr, "no primitive %s\n", name);
	exit(1);
}

/* Calls a primitive; on a raised condition returns 0 and stores it. */
static val caught;
static __attribute__((unused)) val call(P *p, const char *name, int argc, val *argv)
{
	const struct p_prim *d = prim(name);
	val r;

	caught = 0;
	p->self = prim_make(p, d, 0);
	if (__builtin_setjmp(p->jb) == 0) {
		p->in_vm = 1;
		r = d->fn(p, argc, argv);
		p->in_vm = 0;
		return r;
	}
	p->in_vm = 0;
	caught = p->pending;
	return 0;
}

/* The message of the last caught condition, as C text ("" if none). */
static __attribute__((unused)) const char *caught_message(P *p)
{
	if (!caught || !P_HAS_TYPE(caught, T_ERROR)
	    || !P_IS_STRING(P_SLOTS(caught)[ERR_MESSAGE]))
		return "";
	return p_string_cstr(p, P_SLOTS(caught)[ERR_MESSAGE]);
}

static __attribute__((unused)) int caught_kind(void)
{
	return caught && P_HAS_TYPE(caught, T_ERROR)
		? (int)P_FIXVAL(P_SLOTS(caught)[ERR_KIND]) : -1;
}

static val str(P *p, const char *s)
{
	return p_string_from_utf8(p, s, strlen(s));
}

/* 1 if the P string s has exactly the UTF-8 text t. */
static __attribute__((unused)) int str_is(P *p, val s, const char *t)
{
	return P_IS_STRING(s) && strcmp(p_string_cstr(p, s), t) == 0;
}

#endif
