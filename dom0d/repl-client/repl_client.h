/*
 * repl_client.h - the terminal side of a detached guest's REPL socket
 * (see services/repl.h), through repl_relay: forms typed at the terminal go
 * to the guest, its output comes back, Ctrl-C interrupts the guest (a 0x03
 * byte), Ctrl-D at an empty prompt, ,quit or the end of input detaches and
 * leaves the guest running.  Shared by p-repl and p-launch attach.
 */
#ifndef PXEN_DOM0D_REPL_CLIENT_H
#define PXEN_DOM0D_REPL_CLIENT_H

/* The REPL socket of the guest called name, under run_dir. */
int repl_client_path(char *buf, unsigned long cap, const char *run_dir, const char *name);

/* Attaches the terminal to the socket at path (of the guest called name,
 * which names its history and is told on detaching; NULL when unknown)
 * until the user detaches or the guest goes away.  Returns 0 after a
 * detach, 1 when the guest (or p-dom0d) closed the connection, -errno
 * when it cannot connect. */
int repl_client_run(const char *path, const char *name);

#endif
