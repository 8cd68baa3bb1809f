/*
 * net.h - (pxen net): TCP through dom0's socket proxy (platform.h).
 *
 *   (tcp-connect host port)     -> a binary input/output port
 *   (tcp-listen port)           -> a listener
 *   (tcp-listen host port)      -> a listener bound to host's address
 *   (tcp-accept listener)       -> a binary input/output port
 *   (tcp-listener? x)
 *
 * A connection is ONE port that is both an input and an output port:
 * read-u8/read-bytevector and write-u8/write-bytevector work on it,
 * flush-output-port sends what was written.  close-input-port and
 * close-output-port end this program's use of one direction; the socket
 * itself (and so the peer's end of input) closes with the last direction,
 * or at once with close-port.  Wrap it with utf8->string /
 * string->utf8 for text.  A listener is closed with close-port.  Failures
 * (refused, unreachable, denied by dom0's policy) raise file errors naming
 * the host.
 */
#ifndef PXEN_NET_H
#define PXEN_NET_H

#include "value.h"

/* Entries for system_prims (library "pxen net"). */
val net_tcp_connect(P *p, int argc, val *argv);
val net_tcp_listen(P *p, int argc, val *argv);
val net_tcp_accept(P *p, int argc, val *argv);
val net_tcp_listener_p(P *p, int argc, val *argv);

#endif
