/*
 * stdlib.h - the little of <stdlib.h> that freestanding code may use:
 * absolute values and integer text conversion.  No allocator: the
 * interpreter has its own heap and the kernel its own page allocator.
 */
#ifndef PXEN_LIBC_STDLIB_H
#define PXEN_LIBC_STDLIB_H

#include <stddef.h>

#define abs(x) __builtin_abs(x)
#define labs(x) __builtin_labs(x)
#define llabs(x) __builtin_llabs(x)

/* Parses an optionally signed integer in `base` (2..36; 0: C prefixes
 * 0x/0) from s; *end (if not NULL) gets the first unparsed character.
 * Saturates at the type's range. */
long pc_strtol(const char *s, char **end, int base);
unsigned long pc_strtoul(const char *s, char **end, int base);

#endif
