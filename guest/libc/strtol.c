/*
 * strtol.c - integer text parsing for freestanding code (pc_strtol).
 */
#include <stdint.h>
#include <stdlib.h>

/* From the compiler, so no C library header is needed. */
#define LONG_MAX __LONG_MAX__
#define LONG_MIN (-__LONG_MAX__ - 1L)
#define ULONG_MAX (__LONG_MAX__ * 2UL + 1UL)

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* Parses the magnitude; *neg gets the sign; saturates at `limit` and then
 * sets *over. */
static unsigned long parse(const char *s, char **end, int base, int *neg,
			   unsigned long limit, int *over)
{
	const char *p = s;
	unsigned long v = 0;
	int any = 0;

	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	*neg = 0;
	*over = 0;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')
	    && digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	if (base >= 2 && base <= 36) {
		for (int d; (d = digit_value(*p)) < base; p++) {
			any = 1;
			if (v > (limit - (unsigned long)d) / (unsigned long)base)
				*over = 1;
			else
				v = v * (unsigned long)base + (unsigned long)d;
		}
	}
	if (end)
		*end = (char *)(uintptr_t)(any ? p : s);
	return *over ? limit : v;
}

long pc_strtol(const char *s, char **end, int base)
{
	int neg, over;
	unsigned long v = parse(s, end, base, &neg, (unsigned long)LONG_MAX + 1, &over);

	if (neg)
		return v > (unsigned long)LONG_MAX ? LONG_MIN : -(long)v;
	return v > (unsigned long)LONG_MAX ? LONG_MAX : (long)v;
}

unsigned long pc_strtoul(const char *s, char **end, int base)
{
	int neg, over;
	unsigned long v = parse(s, end, base, &neg, ULONG_MAX, &over);

	if (over)
		return ULONG_MAX;
	return neg ? -v : v;
}
