/* srcline.c - the reader's source-line table: open addressing on the
 * datum's address, never more than three quarters full. */
#include "platform.h"
#include "srcline.h"
#include <string.h>

#define SRCLINES_SIZE 16384

struct srclines {
	size_t n;
	struct {
		val key;
		long line;
	} e[SRCLINES_SIZE];
};

static size_t line_hash(val key)
{
	return (size_t)((key >> 3) * 0x9E3779B97F4A7C15ull >> 50) & (SRCLINES_SIZE - 1);
}

void srclines_note(struct srclines **tp, val datum, long line)
{
	if (!P_IS_PAIR(datum))
		return;
	if (!*tp) {
		*tp = plat_pages_alloc(sizeof **tp);
		if (!*tp)
			return;
	}
	struct srclines *t = *tp;
	if (t->n * 4 >= SRCLINES_SIZE * 3)
		return;
	size_t i = line_hash(datum);
	while (t->e[i].key && t->e[i].key != datum)
		i = (i + 1) & (SRCLINES_SIZE - 1);
	if (!t->e[i].key)
		t->n++;
	t->e[i].key = datum;
	t->e[i].line = line;
}

long srclines_find(const struct srclines *t, val x)
{
	if (!t || !P_IS_PAIR(x))
		return 0;
	size_t i = line_hash(x);
	while (t->e[i].key) {
		if (t->e[i].key == x)
			return t->e[i].line;
		i = (i + 1) & (SRCLINES_SIZE - 1);
	}
	return 0;
}

void srclines_forget(struct srclines *t)
{
	if (t && t->n) {
		memset(t->e, 0, sizeof t->e);
		t->n = 0;
	}
}
