/*
 * repl.h - the REPL socket of a detached guest: a unix socket (mode 0600,
 * owned by the launching user) where one REPL client at a time attaches to
 * the guest's stdin, stdout and stderr, and detaches without stopping it.
 * The link is raw bytes both ways; a 0x03 byte from the client (its Ctrl-C)
 * becomes an INTERRUPT to the guest instead of input, as a terminal's line
 * discipline would do.  While no client is attached the guest's output
 * waits (its credit is not returned) and its input stays open.
 */
#ifndef PXEN_DOM0D_REPL_H
#define PXEN_DOM0D_REPL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct guest;

/* Creates the listening socket at path for owner; its fd, or -errno. */
int repl_listen(const char *path, uid_t owner);
/* Gives guest g the REPL listener fd (bound at path, which release
 * removes; NULL when the caller owns the socket file); 0 or -errno. */
int repl_attach_guest(struct guest *g, int listen_fd, const char *path);
/* Watches g's REPL socket for clients (on) or not: loop_pause_accept
 * stops it with the daemon's other listeners. */
void repl_watch(struct guest *g, int on);
/* Closes the listener and any client and removes the socket file. */
void repl_release(struct guest *g);
/* A stdio stream of g lost its client (EOF or error). */
void repl_client_gone(struct guest *g);
/* 1 while a REPL client is attached. */
int repl_has_client(const struct guest *g);
/* Strips 0x03 bytes from buf (sending INTERRUPT for them); new length. */
size_t repl_filter(struct guest *g, uint8_t *buf, size_t n);

#endif
