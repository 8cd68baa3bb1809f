/*
 * write.h - the printer: write, write-shared, write-simple and display.
 *
 * WRITE_CYCLES (write) labels only the pairs and vectors that are part of a
 * cycle (#n= / #n#); WRITE_SHARED (write-shared) labels every pair or vector
 * reached more than once; WRITE_SIMPLE (write-simple) never labels and so
 * loops on cyclic data, as R7RS allows; WRITE_DISPLAY (display) prints
 * strings and characters raw and labels cycles like write, so it always
 * ends.  Shared structure is found with an identity hash table first.
 * Both passes keep their own stack in the heap: any depth prints.
 *
 * Strings and characters are escaped so that `read` gives them back;
 * symbols are written |like this| when their plain text would read as
 * something else.  Objects without external syntax print as #<...>:
 * #<procedure name>, #<record-name field ...>, #<eof>, #<port name>.
 */
#ifndef PXEN_WRITE_H
#define PXEN_WRITE_H

#include "value.h"

enum write_mode { WRITE_CYCLES, WRITE_SHARED, WRITE_SIMPLE, WRITE_DISPLAY };

void write_value(P *p, val x, val port, enum write_mode mode);

#endif
