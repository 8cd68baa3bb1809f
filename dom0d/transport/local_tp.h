/*
 * local_tp.h - guests over a local stream socket: the listening socket of
 * --listen and the single socketpair end of --guest-fd.
 */
#ifndef PXEN_DOM0D_LOCAL_TP_H
#define PXEN_DOM0D_LOCAL_TP_H

struct daemon;
struct guest;

/* Serves a guest already connected on fd; NULL on failure. */
struct guest *local_adopt(struct daemon *d, int fd);
/* Listens on a unix socket at path (mode 0600); 0 or -errno. */
int local_listen(struct daemon *d, const char *path);

#endif
