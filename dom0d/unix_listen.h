/*
 * unix_listen.h - the daemon's listening unix sockets (launcher control,
 * local guests, REPLs): each reachable only by its owner.
 */
#ifndef PXEN_UNIX_LISTEN_H
#define PXEN_UNIX_LISTEN_H

#include <sys/types.h>

/* Replaces whatever is at path with a non-blocking listening socket of mode
 * 0600, handed to owner when running as root (owner (uid_t)-1: keep root).
 * Returns the fd or -errno. */
int unix_listen(const char *path, int backlog, uid_t owner);

#endif
