/*
 * args.h - the one way a primitive checks its arguments.
 *
 * Every module's primitives use these, so the same mistake gets the same
 * condition everywhere: an argument of the wrong kind is a type error
 * ("who: expected <what> as argument <n>, got <v>"), and an argument of the
 * right kind outside the accepted values is a range error ("who: argument
 * <n> out of range: <v>").  In particular an index that is not an exact
 * integer (1.5, "1") is a type error; an exact integer that is negative or
 * too large is a range error.
 *
 * i is the argument's position in argv, counted from 0; messages count from
 * 1.  An optional argument is absent when it lies past argc or is P_DEFAULT.
 * Each checker returns the decoded value or raises; none returns on error.
 */
#ifndef PXEN_ARGS_H
#define PXEN_ARGS_H

#include "value.h"

/* Raises the type error unless ok: the check for kinds that have no helper
 * below (Lua's luaL_argexpected). */
static inline void p_arg_expect(P *p, const char *who, val *argv, int i,
				int ok, const char *expected)
{
	if (!ok)
		p_type_error(p, who, i + 1, expected, argv[i]);
}

static inline int p_arg_present(int argc, val *argv, int i)
{
	return i < argc && argv[i] != P_DEFAULT;
}

/* The number of arguments given, trailing absent optionals dropped. */
static inline int p_arg_count(int argc, val *argv)
{
	while (argc > 0 && argv[argc - 1] == P_DEFAULT)
		argc--;
	return argc;
}

static inline uint32_t p_arg_char(P *p, const char *who, val *argv, int i)
{
	p_arg_expect(p, who, argv, i, P_IS_CHAR(argv[i]), "character");
	return P_CHARVAL(argv[i]);
}

static inline val p_arg_string(P *p, const char *who, val *argv, int i)
{
	p_arg_expect(p, who, argv, i, P_IS_STRING(argv[i]), "string");
	return argv[i];
}

static inline val p_arg_bytevector(P *p, const char *who, val *argv, int i)
{
	p_arg_expect(p, who, argv, i, P_IS_BYTEVECTOR(argv[i]), "bytevector");
	return argv[i];
}

static inline val p_arg_vector(P *p, const char *who, val *argv, int i)
{
	p_arg_expect(p, who, argv, i, P_IS_VECTOR(argv[i]), "vector");
	return argv[i];
}

static inline val p_arg_symbol(P *p, const char *who, val *argv, int i)
{
	p_arg_expect(p, who, argv, i, P_IS_SYMBOL(argv[i]), "symbol");
	return argv[i];
}

/* Every argument from i on is a number. */
static inline void p_arg_numbers(P *p, const char *who, int argc, val *argv,
				 int i)
{
	for (; i < argc; i++)
		p_arg_expect(p, who, argv, i, p_is_number(argv[i]), "number");
}

static inline int p_is_exact_integer(val v)
{
	return P_IS_FIX(v) || P_HAS_TYPE(v, T_BIGNUM);
}

/* An exact integer in [0, max]: a count, a length, or a bound of a range. */
static inline size_t p_arg_size(P *p, const char *who, val *argv, int i,
				size_t max)
{
	p_arg_expect(p, who, argv, i, p_is_exact_integer(argv[i]),
		     "exact integer");
	if (!P_IS_FIX(argv[i]) || P_FIXVAL(argv[i]) < 0
	    || (size_t)P_FIXVAL(argv[i]) > max)
		p_range_error(p, who, i + 1, argv[i]);
	return (size_t)P_FIXVAL(argv[i]);
}

/* An index of an element of a sequence of length len: an exact integer in
 * [0, len). */
static inline size_t p_arg_index(P *p, const char *who, val *argv, int i,
				 size_t len)
{
	p_arg_expect(p, who, argv, i, p_is_exact_integer(argv[i]),
		     "exact integer");
	if (len == 0)
		p_range_error(p, who, i + 1, argv[i]);
	return p_arg_size(p, who, argv, i, len - 1);
}

/* Optional [start [end]] at argv[i], argv[i+1] over a sequence of length
 * len: fills *start and *end, checking start <= end <= len. */
static inline void p_arg_range(P *p, const char *who, int argc, val *argv,
			       int i, size_t len, size_t *start, size_t *end)
{
	*start = 0;
	*end = len;
	if (p_arg_present(argc, argv, i))
		*start = p_arg_size(p, who, argv, i, len);
	if (p_arg_present(argc, argv, i + 1))
		*end = p_arg_size(p, who, argv, i + 1, len);
	if (*start > *end)
		p_range_error(p, who, i + 1, argv[i]);
}

#endif
