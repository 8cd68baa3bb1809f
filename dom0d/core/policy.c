/*
 * policy.c - parsing and matching of network rules (see policy.h).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/policy.h"

static int parse_port(const char *s, int *port)
{
	char *end;
	long v;

	if (!strcmp(s, "*")) {
		*port = -1;
		return 0;
	}
	v = strtol(s, &end, 10);
	if (!*s || *end || v < 0 || v > 65535)
		return -1;
	*port = (int)v;
	return 0;
}

int policy_add_rule(struct policy *p, const char *rule, char *err, size_t cap)
{
	struct net_rule r = { 0 };
	const char *colon;
	size_t hl;

	if (!strcmp(rule, "none")) {
		p->nrules = 0;
		return 0;
	}
	if (p->nrules >= POLICY_MAX_RULES) {
		snprintf(err, cap, "too many network rules (at most %d)", POLICY_MAX_RULES);
		return -1;
	}
	if (!strncmp(rule, "listen:", 7)) {
		r.listen = 1;
		if (parse_port(rule + 7, &r.port) < 0) {
			snprintf(err, cap, "bad port in rule '%s'", rule);
			return -1;
		}
		p->rules[p->nrules++] = r;
		return 0;
	}
	if (rule[0] == '[') {
		const char *close = strchr(rule, ']');
		if (!close || close[1] != ':') {
			snprintf(err, cap, "bad rule '%s' (want [IPv6]:PORT)", rule);
			return -1;
		}
		hl = (size_t)(close - rule - 1);
		colon = close + 1;
		rule++;
	} else {
		colon = strrchr(rule, ':');
		if (!colon) {
			snprintf(err, cap, "bad rule '%s' (want HOST:PORT or listen:PORT)", rule);
			return -1;
		}
		hl = (size_t)(colon - rule);
	}
	if (hl == 0 || hl >= sizeof r.host || parse_port(colon + 1, &r.port) < 0) {
		snprintf(err, cap, "bad host or port in rule '%s'", rule);
		return -1;
	}
	memcpy(r.host, rule, hl);
	r.host[hl] = 0;
	p->rules[p->nrules++] = r;
	return 0;
}

int policy_quota_put(struct fs_quota *q, unsigned id, uint64_t v)
{
	if (id >= PX_NQUOTAS || v > px_quota_max[id])
		return -1;
	switch (id) {
#define POLICY_QUOTA_PUT(name, type, what) \
	case PX_QUOTA_##name: \
		q->name = (type)v; \
		break;
	PX_QUOTAS(POLICY_QUOTA_PUT)
#undef POLICY_QUOTA_PUT
	}
	return 0;
}

int policy_set_quota(struct policy *p, const char *word, char *err, size_t cap)
{
	unsigned id;
	uint64_t v;

	if (px_quota_parse(word, &id, &v) < 0 || policy_quota_put(&p->quota, id, v) < 0) {
		snprintf(err, cap, "bad quota '%s' (want one of %.*s)", word,
			 (int)sizeof PX_QUOTA_WORDS - 3, PX_QUOTA_WORDS);
		return -1;
	}
	return 0;
}

int policy_has_net(const struct policy *p)
{
	return p->nrules > 0;
}

static int same_addr(const struct sockaddr *a, const struct sockaddr *b)
{
	if (a->sa_family != b->sa_family)
		return 0;
	if (a->sa_family == AF_INET)
		return ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
		       ((const struct sockaddr_in *)b)->sin_addr.s_addr;
	return !memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
		       &((const struct sockaddr_in6 *)b)->sin6_addr, 16);
}

/* The address a rule's host spells, if it is a literal. */
static int literal_addr(const char *host, struct sockaddr_storage *ss)
{
	struct sockaddr_in *in = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof *ss);
	if (inet_pton(AF_INET, host, &in->sin_addr) == 1) {
		in->sin_family = AF_INET;
		return 1;
	}
	if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		return 1;
	}
	return 0;
}

static int sa_port(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET)
		return ntohs(((const struct sockaddr_in *)sa)->sin_port);
	if (sa->sa_family == AF_INET6)
		return ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
	return -1;
}

/* The outbound rule r lets a connection reach sa's port. */
static int port_fits(const struct net_rule *r, const struct sockaddr *sa)
{
	int port = sa_port(sa);

	return !r->listen && port >= 0 && (r->port < 0 || r->port == port);
}

int policy_connect_direct(const struct policy *p, const struct sockaddr *sa)
{
	struct sockaddr_storage lit;
	int i;

	for (i = 0; i < p->nrules; i++) {
		const struct net_rule *r = &p->rules[i];
		if (!port_fits(r, sa))
			continue;
		if (!strcmp(r->host, "*") ||
		    (literal_addr(r->host, &lit) && same_addr((struct sockaddr *)&lit, sa)))
			return 1;
	}
	return 0;
}

int policy_connect_named(const struct policy *p, const struct sockaddr *sa, int i)
{
	struct sockaddr_storage lit;

	for (; i >= 0 && i < p->nrules; i++) {
		const struct net_rule *r = &p->rules[i];
		if (port_fits(r, sa) && strcmp(r->host, "*") && !literal_addr(r->host, &lit))
			return i;
	}
	return -1;
}

int policy_addrs_match(const struct addrinfo *res, const struct sockaddr *sa)
{
	for (; res; res = res->ai_next)
		if (same_addr(res->ai_addr, sa))
			return 1;
	return 0;
}

/* Host names compare without case and without a final dot. */
static int same_name(const char *rule, const char *name)
{
	size_t rl = strlen(rule), nl = strlen(name);

	if (rl && rule[rl - 1] == '.')
		rl--;
	if (nl && name[nl - 1] == '.')
		nl--;
	return rl == nl && !strncasecmp(rule, name, rl);
}

int policy_may_resolve(const struct policy *p, const char *name)
{
	struct in6_addr a;
	int i;

	/* An address literal is converted where it is, never sent anywhere. */
	if (inet_pton(AF_INET, name, &a) == 1 || inet_pton(AF_INET6, name, &a) == 1)
		return 1;
	for (i = 0; i < p->nrules; i++)
		if (!p->rules[i].listen &&
		    (!strcmp(p->rules[i].host, "*") || same_name(p->rules[i].host, name)))
			return 1;
	return 0;
}

int policy_may_listen(const struct policy *p, int port)
{
	int i;

	for (i = 0; i < p->nrules; i++)
		if (p->rules[i].listen && (p->rules[i].port < 0 || p->rules[i].port == port))
			return 1;
	return 0;
}
