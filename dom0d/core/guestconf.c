/*
 * guestconf.c - the --config file of p-dom0d (see guestconf.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/guestconf.h"
#include "core/policy.h"

struct guestconf {
	struct guestconf *next;
	char name[64];
	struct policy pol;
};

void guestconf_free(struct guestconf *c)
{
	while (c) {
		struct guestconf *n = c->next;
		free(c);
		c = n;
	}
}

static int parse_line(char *line, struct guestconf *e, char *err, size_t cap)
{
	char *save = NULL, *w = strtok_r(line, " \t", &save);
	char rerr[160];

	if (strlen(w) >= sizeof e->name) {
		snprintf(err, cap, "guest name too long");
		return -1;
	}
	strcpy(e->name, w);
	while ((w = strtok_r(NULL, " \t", &save))) {
		if (!strncmp(w, "root=", 5)) {
			if (w[5] != '/' || strlen(w + 5) >= sizeof e->pol.root) {
				snprintf(err, cap, "root must be an absolute path");
				return -1;
			}
			strcpy(e->pol.root, w + 5);
		} else if (!strncmp(w, "bytes=", 6) || !strncmp(w, "files=", 6) ||
			   !strncmp(w, "fids=", 5)) {
			if (policy_set_quota(&e->pol, w, rerr, sizeof rerr) < 0) {
				snprintf(err, cap, "%s", rerr);
				return -1;
			}
		} else if (!strcmp(w, "ro")) {
			e->pol.read_only = 1;
		} else if (!strncmp(w, "net=", 4)) {
			if (policy_add_rule(&e->pol, w + 4, rerr, sizeof rerr) < 0) {
				snprintf(err, cap, "%s", rerr);
				return -1;
			}
		} else {
			snprintf(err, cap, "unknown word '%s'", w);
			return -1;
		}
	}
	return 0;
}

struct guestconf *guestconf_load(const char *path, char *err, size_t cap)
{
	struct guestconf *head = NULL, **tail = &head;
	char line[4096], why[200];
	int lineno = 0;
	FILE *f = fopen(path, "r");

	if (!f) {
		snprintf(err, cap, "%s: %s", path, strerror(errno));
		return NULL;
	}
	while (fgets(line, sizeof line, f)) {
		struct guestconf *e;
		char *hash = strchr(line, '#');
		lineno++;
		if (hash)
			*hash = 0;
		line[strcspn(line, "\r\n")] = 0;
		if (!line[strspn(line, " \t")])
			continue;
		e = calloc(1, sizeof *e);
		if (!e || parse_line(line + strspn(line, " \t"), e, why, sizeof why) < 0) {
			snprintf(err, cap, "%s:%d: %s", path, lineno, e ? why : "out of memory");
			free(e);
			guestconf_free(head);
			fclose(f);
			return NULL;
		}
		*tail = e;
		tail = &e->next;
	}
	fclose(f);
	if (!head)
		snprintf(err, cap, "%s: no guests", path);
	return head;
}

const struct policy *guestconf_find(const struct guestconf *c, const char *name)
{
	for (; c; c = c->next)
		if (!strcmp(c->name, name))
			return &c->pol;
	return NULL;
}
