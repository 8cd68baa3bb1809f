/*
 * form_scan.h - tells the line editor whether typed Scheme text holds
 * complete data, so that the REPL is sent whole forms only and an
 * unfinished one gets a continuation prompt.  It knows just enough of the
 * lexical syntax for that: ( [ ) ], strings, |symbols|, ; #| |# and #;
 * comments, #\ characters, and quote marks still waiting for their datum.
 * Text the reader will reject (a stray ")") counts as complete, so that
 * the REPL, not the editor, reports it.
 */
#ifndef PXEN_FORM_SCAN_H
#define PXEN_FORM_SCAN_H

#include <stddef.h>

enum form_state {
	FORM_BLANK,		/* only spaces and comments: nothing to send */
	FORM_COMPLETE,		/* every datum begun is finished */
	FORM_OPEN,		/* a datum is still open: more lines needed */
};

struct form_info {
	enum form_state state;
	int ends_in_comment;	/* the text ends inside a ; comment */
	int ends_in_text;	/* ... inside a string, |symbol| or #| comment */
	int data;		/* top-level data begun (a prefix counts once) */
	long open_at;		/* offset of the innermost open ( or [, or -1 */
};

void form_scan(const char *text, size_t n, struct form_info *out);

#endif
