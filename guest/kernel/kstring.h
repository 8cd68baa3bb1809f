/*
 * kstring.h - the few string helpers the kernel needs before (and
 * independently of) the freestanding libc.
 */
#ifndef PXEN_KERNEL_KSTRING_H
#define PXEN_KERNEL_KSTRING_H

#include <stddef.h>

size_t kstrlen(const char *s);
int kstreq(const char *a, const char *b);
/* Copies at most cap-1 bytes and always terminates (cap > 0). */
void kstrlcpy(char *dst, const char *src, size_t cap);
void kmemcpy(void *dst, const void *src, size_t n);
void kmemzero(void *dst, size_t n);

#endif
