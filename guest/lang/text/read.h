/*
 * read.h - the datum reader: R7RS external representations from a textual
 * input port.  Used by `read`, by the core for program text and by the REPL
 * (a datum may span lines; the port refills as needed).
 *
 * Supports lists, dotted pairs, vectors, bytevectors, strings with every
 * escape and line continuations, characters by name and hex, |symbols|,
 * numbers (num_parse), booleans, quote/quasiquote/unquote(-splicing)
 * abbreviations, ; #| |# #; comments, #!fold-case / #!no-fold-case (a
 * per-port setting) and datum labels #n= / #n# (cycles included).
 * Square brackets are accepted as parentheses, as many Schemes do.  A
 * "#!/..." or "#! ..." line (a script's interpreter line) is a comment.
 *
 * Nesting depth is bounded only by the heap: open data wait on an explicit
 * stack, not on the C stack.
 *
 * Errors raise read-error? conditions whose message names the problem and
 * the line: "read: unterminated string at line 3".  End of input before a
 * datum starts gives the eof object; inside a datum it is an error.
 */
#ifndef PXEN_READ_H
#define PXEN_READ_H

#include "value.h"

/* Reads one datum from a textual input port; P_EOF at end of input.  Every
 * list read (and every quote abbreviation) is reported to the core with
 * p_note_line, with the line where it starts.  p_read_datum (value.h) is
 * this function. */
val read_datum(P *p, val port);

#endif
