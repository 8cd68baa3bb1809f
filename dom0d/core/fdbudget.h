/*
 * fdbudget.h - the daemon-wide descriptor budget.  Descriptors that guests'
 * requests make (fids, sockets, accepted connections) stay below a ceiling
 * FDBUDGET_RESERVE under RLIMIT_NOFILE; the rest is a reserve, so new
 * guests, launcher connections and the release of guests still get
 * descriptors when guests hold all they may.  The kernel hands out the
 * lowest free descriptor, so one at or above the ceiling shows that the
 * guests' share is used up.
 */
#ifndef PXEN_DOM0D_FDBUDGET_H
#define PXEN_DOM0D_FDBUDGET_H

#define FDBUDGET_RESERVE 64

/* The ceiling for the current RLIMIT_NOFILE (at least half of it). */
int fdbudget_ceiling(void);
/* fd when it is below ceiling; otherwise closes it and returns -EMFILE
 * (a negative fd, an error, comes back as it is). */
int fdbudget_check(int fd, int ceiling);

#endif
