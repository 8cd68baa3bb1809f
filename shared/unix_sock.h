/*
 * unix_sock.h - unix stream sockets by path: p-dom0d's listening sockets
 * (launcher control, local guests, REPLs), each reachable only by its
 * owner, and the clients that connect to them (p, p-launch, p-repl).
 */
#ifndef PXEN_UNIX_SOCK_H
#define PXEN_UNIX_SOCK_H

#include <sys/types.h>

/* Replaces whatever is at path with a non-blocking listening socket of mode
 * 0600, handed to owner (which needs root or CAP_CHOWN when owner is not
 * us; (uid_t)-1: keep ours).  Returns the fd or -errno. */
int unix_listen(const char *path, int backlog, uid_t owner);

/* A blocking, close-on-exec socket connected to path; the fd or -errno. */
int unix_connect(const char *path);

#endif
