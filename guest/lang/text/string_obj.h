/*
 * string_obj.h - the representation of P strings (the p_string_* API of
 * value.h is implemented on top of it).
 *
 * A T_STRING object has three slots: length in characters (fixnum), data (a
 * T_BYTES object) and width (fixnum 1 or 4).  Width 1 stores each character
 * as one byte (Latin-1, code points below 256); width 4 as a uint32_t.  A
 * string starts narrow and widens in place (new data object) the first time
 * a character above U+00FF is stored, so string-ref and string-set! are O(1)
 * and ASCII text costs one byte per character.  Strings never narrow again.
 *
 * The data object may be longer than needed (string builders over-allocate);
 * only the first length characters are meaningful.
 */
#ifndef PXEN_STRING_OBJ_H
#define PXEN_STRING_OBJ_H

#include "value.h"

#define STR_LEN(s) ((size_t)P_FIXVAL(P_SLOTS(s)[0]))
#define STR_DATA(s) (P_SLOTS(s)[1])
#define STR_WIDTH(s) ((int)P_FIXVAL(P_SLOTS(s)[2]))
#define STR_BYTES(s) ((uint8_t *)P_RAW(STR_DATA(s)))
#define STR_WIDE(s) ((uint32_t *)P_RAW(STR_DATA(s)))

/* A string of len characters of the given width, all U+0000. */
val string_alloc(P *p, size_t len, int width);
/* A fresh string holding s[start, end). */
val string_substring(P *p, val s, size_t start, size_t end);
/* A string from code points (width chosen to fit). */
val string_from_chars(P *p, const uint32_t *cs, size_t n);
/* Latin-1 / ASCII bytes as a string (no decoding: each byte is a char). */
val string_from_latin1(P *p, const char *s, size_t n);
/* <0, 0, >0 comparing code points; ci: compare the full case foldings
 * (so "Stra\u00DFe" and "STRASSE" are equal). */
int string_compare(val a, val b, int ci);
/* Bytes of the UTF-8 encoding of s[start, end). */
size_t string_utf8_length(val s, size_t start, size_t end);
/* Encodes s[start, end) into out (which has string_utf8_length bytes). */
void string_utf8_encode(val s, size_t start, size_t end, uint8_t *out);
/* The UTF-8 encoding of s in a fresh raw heap object, NUL-terminated;
 * *len gets its length without the NUL. */
const char *string_utf8_raw(P *p, val s, size_t *len);

/*
 * A growable sequence of code points in the heap, for code that builds a
 * string of unknown length.  Lives within one primitive call (heap objects
 * move only at VM safe points).
 */
struct strbuf {
	P *p;
	val data;		/* T_BYTES of uint32_t, or 0 before the first push */
	size_t len, cap;
	uint32_t max;		/* largest code point pushed */
};
void strbuf_init(struct strbuf *b, P *p);
void strbuf_push(struct strbuf *b, uint32_t c);
void strbuf_push_ascii(struct strbuf *b, const char *s);
val strbuf_string(struct strbuf *b);

#endif
