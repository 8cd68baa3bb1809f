/*
 * lib_sources.h - the standard libraries shipped inside the interpreter
 * ((srfi 1), (scheme list), ...), as Scheme text embedded at build time
 * from guest/lang/lib by embed-lib.sh.  A library's text is read and
 * compiled only when a program first imports it, so start-up pays nothing.
 */
#ifndef PXEN_LIB_SOURCES_H
#define PXEN_LIB_SOURCES_H

struct lib_source {
	const char *name;	/* the library name's parts, space-separated */
	const char *file;	/* its source under guest/lang/lib, for errors */
	const char *alias_of;	/* another name of the same library, or NULL */
	const char *text;	/* the define-library form when alias_of is NULL */
};

/* Ends with an entry whose name is NULL. */
extern const struct lib_source lib_sources[];

#endif
