/*
 * pcfloat.h - conversions between doubles and decimal text.
 *
 * pc_dtoa_shortest writes the shortest decimal that reads back as exactly
 * d (ties between equally short candidates go to the one nearest d), in
 * Scheme syntax: "1.5", "100.0", "-0.0", "1e21", "1e-7", "+inf.0",
 * "-inf.0", "+nan.0".  Plain positional notation is used while the decimal
 * exponent is in [-6, 21); otherwise "<digits>e<exp>" with one digit before
 * the point ("1e21", "1.2345e-8").  buf needs PC_DTOA_BUFSIZE bytes; the
 * result is NUL-terminated and its length returned.
 *
 * pc_dtoa_digits gives the raw material: the shortest digit string (no
 * leading or trailing zeros) and the decimal exponent k such that
 * d = 0.DIGITS * 10^k.  d must be finite and nonzero (sign ignored).
 *
 * pc_strtod parses exactly n bytes of s as a decimal floating literal:
 * optional sign, digits with at most one '.', optional exponent
 * ([eE][+-]digits); at least one digit in the mantissa.  The result is
 * correctly rounded (to nearest, ties to even) for every input, including
 * very long mantissas and subnormals; overflow gives +-inf.  Returns 0 and
 * sets *out on success, -1 on bad syntax (then *out is unchanged).
 * No "inf"/"nan" words: Scheme's +inf.0 syntax is the reader's business.
 */
#ifndef PXEN_LIBC_PCFLOAT_H
#define PXEN_LIBC_PCFLOAT_H

#include <stddef.h>

#define PC_DTOA_BUFSIZE 32

int pc_dtoa_shortest(double d, char *buf);
int pc_dtoa_digits(double d, char digits[18], int *k);
int pc_strtod(const char *s, size_t n, double *out);

#endif
