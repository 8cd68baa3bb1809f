/* cmdline.c - decoding of the p-launch command line (see cmdline.h). */
#include "cmdline.h"
#include <string.h>

static char store[8192];

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int starts(const char *s, const char *prefix, const char **rest)
{
	size_t n = strlen(prefix);
	for (size_t i = 0; i < n; i++)
		if (s[i] != prefix[i])
			return 0;
	*rest = s + n;
	return 1;
}

int cmdline_parse(const char *text, struct boot_args *out, const char **why)
{
	size_t used = 0;
	int after_dashes = 0;
	const char *p = text ? text : "";
	memset(out, 0, sizeof *out);
	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			return 0;
		char *word = store + used;
		if (p[0] == '%' && p[1] == '_' && (p[2] == ' ' || !p[2]))
			p += 2;	/* "%_" is the empty word */
		int raw_dashes = p[0] == '-' && p[1] == '-' && (p[2] == ' ' || !p[2]);
		while (*p && *p != ' ') {
			int c = (unsigned char)*p++;
			if (c == '%') {
				int h = hexval(p[0]), l = h < 0 ? -1 : hexval(p[1]);
				if (l < 0) {
					*why = "bad %XX escape on the command line";
					return -1;
				}
				c = h * 16 + l;
				p += 2;
			}
			if (used + 2 > sizeof store) {
				*why = "command line too long";
				return -1;
			}
			store[used++] = (char)c;
		}
		store[used++] = 0;
		const char *v;
		if (after_dashes) {
			if (out->argc == CMDLINE_MAX_WORDS) {
				*why = "too many program arguments";
				return -1;
			}
			out->argv[out->argc++] = word;
		} else if (raw_dashes) {
			after_dashes = 1;
		} else if (strcmp(word, "bootstats") == 0) {
			out->bootstats = 1;
		} else if (strcmp(word, "crashtest") == 0) {
			out->crashtest = 1;
		} else if (strcmp(word, "repl") == 0) {
			out->repl = 1;
		} else if (strcmp(word, "gcstress") == 0) {
			out->gcstress = 1;
		} else if (strcmp(word, "gcstats") == 0) {
			out->gcstats = 1;
		} else if (starts(word, "expr=", &v)) {
			out->expr = v;
		} else if (starts(word, "heap=", &v)) {
			size_t n = 0;
			for (; *v >= '0' && *v <= '9'; v++)
				n = n * 10 + (size_t)(*v - '0');
			if (*v) {
				*why = "heap= takes a number of bytes";
				return -1;
			}
			out->heap = n;
		} else if (starts(word, "env=", &v)) {
			if (out->envc == CMDLINE_MAX_WORDS - 1) {
				*why = "too many environment variables";
				return -1;
			}
			out->env[out->envc++] = v;
		}
		/* Unknown options are ignored so that older kernels accept the
		 * command lines of newer launchers. */
	}
}
