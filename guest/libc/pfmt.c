/*
 * pfmt.c - pc_snprintf: the printf subset described in pfmt.h.
 */
#include <stdint.h>
#include <pfmt.h>

struct out {
	char *buf;
	size_t cap, len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->cap)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Emits text of length n in a field of `width`, honouring '-' and '0'
 * (zero padding goes after any sign). */
static void field(struct out *o, const char *s, int n, int width, int left,
		  int zero)
{
	int fill = width > n ? width - n : 0;

	if (left) {
		for (int i = 0; i < n; i++)
			put(o, s[i]);
		pad(o, ' ', fill);
		return;
	}
	if (zero && n > 0 && (s[0] == '-' || s[0] == '+')) {
		put(o, *s++);
		n--;
	}
	pad(o, zero ? '0' : ' ', fill);
	for (int i = 0; i < n; i++)
		put(o, s[i]);
}

static int utoa(char *end, uint64_t v, unsigned base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = end;

	do {
		*--p = digits[v % base];
		v /= base;
	} while (v);
	return (int)(end - p);
}

int pc_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
	struct out o = { buf, cap, 0 };
	char tmp[32];

	for (; *fmt; fmt++) {
		int left = 0, zero = 0, width = 0, prec = -1, lng = 0;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (fmt++;; fmt++) {
			if (*fmt == '-')
				left = 1;
			else if (*fmt == '0')
				zero = 1;
			else
				break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {
				left = 1;
				width = -width;
			}
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			prec = 0;
			if (*++fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				prec = prec * 10 + (*fmt++ - '0');
		}
		for (;; fmt++) {
			if (*fmt == 'l')
				lng++;
			else if (*fmt == 'z' || *fmt == 'j')
				lng = 2;
			else
				break;
		}
		switch (*fmt) {
		case 'd':
		case 'i': {
			int64_t v = lng ? (lng == 1 ? va_arg(ap, long)
					  : va_arg(ap, long long))
				: va_arg(ap, int);
			uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
			int n = utoa(tmp + sizeof tmp, m, 10, 0);

			if (v < 0)
				tmp[sizeof tmp - (size_t)++n] = '-';
			field(&o, tmp + sizeof tmp - n, n, width, left, zero);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o': {
			uint64_t v = lng ? (lng == 1 ? va_arg(ap, unsigned long)
					  : va_arg(ap, unsigned long long))
				: va_arg(ap, unsigned);
			unsigned base = *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16;
			int n = utoa(tmp + sizeof tmp, v, base, *fmt == 'X');

			field(&o, tmp + sizeof tmp - n, n, width, left, zero);
			break;
		}
		case 'p': {
			uintptr_t v = (uintptr_t)va_arg(ap, void *);
			int n = utoa(tmp + sizeof tmp, v, 16, 0);

			tmp[sizeof tmp - (size_t)++n] = 'x';
			tmp[sizeof tmp - (size_t)++n] = '0';
			field(&o, tmp + sizeof tmp - n, n, width, left, 0);
			break;
		}
		case 'c':
			tmp[0] = (char)va_arg(ap, int);
			field(&o, tmp, 1, width, left, 0);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			int n = 0;

			if (!s)
				s = "(null)";
			while ((prec < 0 || n < prec) && s[n])
				n++;
			field(&o, s, n, width, left, 0);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		default:
			/* Unknown conversion: show it rather than guess. */
			put(&o, '%');
			if (!*fmt)
				goto done;
			put(&o, *fmt);
			break;
		}
	}
done:
	if (cap)
		buf[o.len < cap ? o.len : cap - 1] = '\0';
	return (int)o.len;
}

int pc_snprintf(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = pc_vsnprintf(buf, cap, fmt, ap);
	va_end(ap);
	return n;
}
