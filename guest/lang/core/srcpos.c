/* srcpos.c - the state's end of the reader's source-line table (srcline.h):
 * the reader notes lines through p_note_line, the compiler and the errors
 * look them up, and the collector's hook forgets them. */
#include "core.h"
#include "srcline.h"

void p_note_line(P *p, val datum, long line)
{
	srclines_note(&p->lines, datum, line);
}

long line_of(P *p, val x)
{
	return srclines_find(p->lines, x);
}

void core_objects_moved(P *p)
{
	srclines_forget(p->lines);
}
