/*
 * policy.h - what one guest may touch: its export root (read-only or not)
 * and its network rules.  Rules are "HOST:PORT" (outbound; HOST a name, an
 * IPv4 literal, [IPv6] or *; PORT a number or *) and "listen:PORT" (PORT a
 * number or *); "none" clears them.  No rule: no network at all.
 */
#ifndef PXEN_DOM0D_POLICY_H
#define PXEN_DOM0D_POLICY_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

#define POLICY_MAX_RULES 32

struct net_rule {
	int listen;
	int port;	/* -1: any */
	char host[256];	/* "*": any; empty for listen rules */
};

/* Limits on what a guest does to its export; 0: no limit (fids: the file
 * server's own maximum of 256). */
struct fs_quota {
	uint64_t bytes;		/* bytes written, over the connection's life */
	uint32_t files;		/* files, directories and links created */
	uint32_t fids;		/* fids open at once */
};

struct policy {
	char root[4096];	/* empty: nothing exported */
	int read_only;
	struct fs_quota quota;
	int nrules;
	struct net_rule rules[POLICY_MAX_RULES];
};

/* Adds a rule; returns 0, or -1 with a message in err. */
int policy_add_rule(struct policy *p, const char *rule, char *err, size_t cap);
/* Sets one quota from "bytes=N", "files=N" or "fids=N" (N may end in k, M
 * or G); returns 0, or -1 with a message in err. */
int policy_set_quota(struct policy *p, const char *word, char *err, size_t cap);
int policy_has_net(const struct policy *p);
/* 1 if a connection to sa is allowed (names in rules are resolved now). */
int policy_may_connect(const struct policy *p, const struct sockaddr *sa);
int policy_may_listen(const struct policy *p, int port);
/* 1 if the guest may look name up: an address literal, or a host an
 * outbound rule names (or any, with a "*" rule).  Otherwise a lookup would carry the guest's data out of dom0 in
 * DNS queries to any name it likes. */
int policy_may_resolve(const struct policy *p, const char *name);

#endif
