/* p-launch-cmdline.c - encodes options and argv for the guest kernel. */
#include <stdio.h>
#include <string.h>
#include "p-launch.h"

static int put_word(char *out, size_t cap, size_t *len, const char *w)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				   "0123456789._/:,+=@-";
	if (*len && *len + 1 < cap)
		out[(*len)++] = ' ';
	if (!*w) {
		if (*len + 3 >= cap)
			return -1;
		memcpy(out + *len, "%_", 3);
		*len += 2;
		return 0;
	}
	for (const unsigned char *p = (const unsigned char *)w; *p; p++) {
		if (*len + 4 >= cap)
			return -1;
		if (strchr(safe, *p))
			out[(*len)++] = (char)*p;
		else
			*len += (size_t)snprintf(out + *len, cap - *len, "%%%02X", *p);
	}
	out[*len] = 0;
	return 0;
}

int launch_cmdline(const struct launch_opts *o, char *out, size_t cap)
{
	size_t len = 0;
	out[0] = 0;
	if (o->bootstats && put_word(out, cap, &len, "bootstats") < 0)
		return -1;
	if (o->crashtest && put_word(out, cap, &len, "crashtest") < 0)
		return -1;
	if (o->repl && put_word(out, cap, &len, "repl") < 0)
		return -1;
	if (o->gc_stats && put_word(out, cap, &len, "gcstats") < 0)
		return -1;
	if (o->heap_bytes) {
		char w[32];
		snprintf(w, sizeof w, "heap=%llu", (unsigned long long)o->heap_bytes);
		if (put_word(out, cap, &len, w) < 0)
			return -1;
	}
	for (int i = 0; i < o->nenv; i++) {
		char w[4096];
		if (snprintf(w, sizeof w, "env=%s", o->env[i]) >= (int)sizeof w ||
		    put_word(out, cap, &len, w) < 0)
			return -1;
	}
	if (put_word(out, cap, &len, "--") < 0)
		return -1;
	for (int i = 0; i < o->argc; i++)
		if (put_word(out, cap, &len, o->argv[i]) < 0)
			return -1;
	return 0;
}
