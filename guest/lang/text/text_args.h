/*
 * text_args.h - argument checking shared by the text module's primitives.
 *
 * Argument numbers in messages count from 1.  An optional argument is absent
 * when it lies past argc or is P_DEFAULT.  Each checker either returns the
 * decoded value or raises the condition naming the primitive.
 */
#ifndef PXEN_TEXT_ARGS_H
#define PXEN_TEXT_ARGS_H

#include "value.h"

static inline int arg_present(int argc, val *argv, int i)
{
	return i < argc && argv[i] != P_DEFAULT;
}

static inline uint32_t arg_char(P *p, const char *who, val *argv, int i)
{
	if (!P_IS_CHAR(argv[i]))
		p_type_error(p, who, i + 1, "a character", argv[i]);
	return P_CHARVAL(argv[i]);
}

static inline val arg_string(P *p, const char *who, val *argv, int i)
{
	if (!P_IS_STRING(argv[i]))
		p_type_error(p, who, i + 1, "a string", argv[i]);
	return argv[i];
}

static inline val arg_bytevector(P *p, const char *who, val *argv, int i)
{
	if (!P_IS_BYTEVECTOR(argv[i]))
		p_type_error(p, who, i + 1, "a bytevector", argv[i]);
	return argv[i];
}

/* A non-negative exact integer no larger than max. */
static inline size_t arg_index(P *p, const char *who, val *argv, int i,
			       size_t max)
{
	if (!P_IS_FIX(argv[i])) {
		if (p_is_number(argv[i]))
			p_range_error(p, who, i + 1, argv[i]);
		p_type_error(p, who, i + 1, "an exact integer", argv[i]);
	}
	if (P_FIXVAL(argv[i]) < 0 || (size_t)P_FIXVAL(argv[i]) > max)
		p_range_error(p, who, i + 1, argv[i]);
	return (size_t)P_FIXVAL(argv[i]);
}

/* Optional [start [end]] at argv[i], argv[i+1] over a sequence of length
 * len: fills *start and *end, checking start <= end <= len. */
static inline void arg_range(P *p, const char *who, int argc, val *argv,
			     int i, size_t len, size_t *start, size_t *end)
{
	*start = 0;
	*end = len;
	if (arg_present(argc, argv, i))
		*start = arg_index(p, who, argv, i, len);
	if (arg_present(argc, argv, i + 1))
		*end = arg_index(p, who, argv, i + 1, len);
	if (*start > *end)
		p_range_error(p, who, i + 1, argv[i]);
}

#endif
