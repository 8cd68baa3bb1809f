/*
 * px_quota.c - the quota names and their "NAME=N" words (see px_quota.h).
 */
#include "px_quota.h"

#define PX_QUOTA_NAME(name, type, what) #name,
const char *const px_quota_name[PX_NQUOTAS] = { PX_QUOTAS(PX_QUOTA_NAME) };
#undef PX_QUOTA_NAME

#define PX_QUOTA_MAX(name, type, what) (uint64_t)(type)~(uint64_t)0,
const uint64_t px_quota_max[PX_NQUOTAS] = { PX_QUOTAS(PX_QUOTA_MAX) };
#undef PX_QUOTA_MAX

/* The value after "=": 0, or -1 when it is not a number that fits. */
static int parse_value(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	int shift = 0, digits = 0;

	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		if (v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	if (*s == 'k')
		shift = 10;
	else if (*s == 'M')
		shift = 20;
	else if (*s == 'G')
		shift = 30;
	if (shift)
		s++;
	if (!digits || *s || v > UINT64_MAX >> shift)
		return -1;
	*out = v << shift;
	return 0;
}

int px_quota_parse(const char *word, unsigned *id, uint64_t *value)
{
	unsigned i;

	for (i = 0; i < PX_NQUOTAS; i++) {
		const char *n = px_quota_name[i], *w = word;
		while (*n && *n == *w) {
			n++;
			w++;
		}
		if (*n || *w != '=')
			continue;
		if (parse_value(w + 1, value) < 0 || *value > px_quota_max[i])
			return -1;
		*id = i;
		return 0;
	}
	return -1;
}
