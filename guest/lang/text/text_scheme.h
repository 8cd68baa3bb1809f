/*
 * text_scheme.h - the text module's procedures that are written in Scheme
 * because they call procedures given to them (string-map, call-with-port,
 * with-output-to-file, ...): tail calls and escapes then work as in any
 * Scheme code.
 *
 * The core evaluates each entry's source (a lambda expression using only
 * (scheme base) and the text module's primitives) in the system environment
 * after text_init, and binds the result with p_define_global(lib, name).
 */
#ifndef PXEN_TEXT_SCHEME_H
#define PXEN_TEXT_SCHEME_H

struct text_scheme_def {
	const char *lib;
	const char *name;
	const char *source;
};

/* Ended by an entry with name NULL. */
extern const struct text_scheme_def text_scheme_defs[];

#endif
