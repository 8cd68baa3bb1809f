/* kfmt.c - the kernel's small printf, usable before anything else works. */
#include "console.h"
#include <stdint.h>

struct out {
	char *buf;
	size_t cap, len;
};

static void emit(struct out *o, char c)
{
	if (o->len + 1 < o->cap)
		o->buf[o->len] = c;
	o->len++;
}

static void emit_num(struct out *o, uint64_t v, unsigned base, int neg, int width, char pad)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		tmp[n++] = '-';
	for (int w = n; w < width; w++)
		emit(o, pad);
	while (n)
		emit(o, tmp[--n]);
}

int kvsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
	struct out o = { buf, cap, 0 };
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			emit(&o, *fmt);
			continue;
		}
		fmt++;
		char pad = ' ';
		int width = 0, lng = 0;
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			lng = 1;
			fmt++;
		}
		switch (*fmt) {
		case 'd':
		case 'i': {
			int64_t v = lng ? va_arg(ap, long) : va_arg(ap, int);
			emit_num(&o, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0, width, pad);
			break;
		}
		case 'u':
			emit_num(&o, lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10, 0, width, pad);
			break;
		case 'x':
			emit_num(&o, lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 16, 0, width, pad);
			break;
		case 'p':
			emit(&o, '0');
			emit(&o, 'x');
			emit_num(&o, (uintptr_t)va_arg(ap, void *), 16, 0, 16, '0');
			break;
		case 'c':
			emit(&o, (char)va_arg(ap, int));
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			for (s = s ? s : "(null)"; *s; s++)
				emit(&o, *s);
			break;
		}
		case '%':
			emit(&o, '%');
			break;
		default:
			emit(&o, '%');
			if (!*fmt)
				goto done;
			emit(&o, *fmt);
		}
	}
done:
	if (cap)
		o.buf[o.len < cap ? o.len : cap - 1] = 0;
	return (int)o.len;
}

int ksnprintf(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kvsnprintf(buf, cap, fmt, ap);
	va_end(ap);
	return n;
}
