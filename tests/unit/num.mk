# tests/unit/num.mk: unit tests of the numbers module and of libpc.
#
# test_libc compares libpc against glibc, so it sees the host's headers
# first and ours (pc_math.h, pcfloat.h, pfmt.h) after them.
check_PROGRAMS += tests/unit/test_libc
TESTS += tests/unit/test_libc
tests_unit_test_libc_SOURCES = tests/unit/test_libc.c
tests_unit_test_libc_CPPFLAGS = $(AM_CPPFLAGS) -idirafter $(top_srcdir)/guest/libc/include
tests_unit_test_libc_LDADD = libpc.a -lm
tests_unit_test_libc_LDFLAGS = -no-pie $(AM_LDFLAGS)
