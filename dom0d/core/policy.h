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

#include "px_quota.h"

struct addrinfo;

#define POLICY_MAX_RULES 32

struct net_rule {
	int listen;
	int port;	/* -1: any */
	char host[256];	/* "*": any; empty for listen rules */
};

/* Limits on what a guest does to its export (px_quota.h); 0: no limit
 * (fids: the file server's own maximum of 256). */
struct fs_quota {
#define POLICY_QUOTA_FIELD(name, type, what) type name;
	PX_QUOTAS(POLICY_QUOTA_FIELD)
#undef POLICY_QUOTA_FIELD
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
/* Sets one quota from "NAME=N" (px_quota_parse); returns 0, or -1 with a
 * message in err. */
int policy_set_quota(struct policy *p, const char *word, char *err, size_t cap);
/* Sets quota id (enum px_quota_id) to v; 0, or -1 when v does not fit. */
int policy_quota_put(struct fs_quota *q, unsigned id, uint64_t v);
int policy_has_net(const struct policy *p);
/* CONNECT's check comes in steps, so that no lookup blocks the daemon:
 * policy_connect_direct is 1 when a rule allows sa without naming a host
 * (its host is an address literal or *).  Otherwise sa is allowed when
 * the addresses of a host some rule names match it: policy_connect_named
 * gives the next such rule from index i on whose port fits sa (or -1), and
 * policy_addrs_match compares its host's addresses once looked up. */
int policy_connect_direct(const struct policy *p, const struct sockaddr *sa);
int policy_connect_named(const struct policy *p, const struct sockaddr *sa, int i);
int policy_addrs_match(const struct addrinfo *res, const struct sockaddr *sa);
int policy_may_listen(const struct policy *p, int port);
/* 1 if the guest may look name up: an address literal, or a host an
 * outbound rule names (or any, with a "*" rule).  Otherwise a lookup would carry the guest's data out of dom0 in
 * DNS queries to any name it likes. */
int policy_may_resolve(const struct policy *p, const char *name);

#endif
