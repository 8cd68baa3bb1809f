# tests/unit/num.mk: unit tests of the numbers module and of libpc.
#
# test_libc compares libpc against glibc, so it sees the host's headers
# first and ours (pc_math.h, pcfloat.h, pfmt.h) after them.
check_PROGRAMS += tests/unit/test_libc
TESTS += tests/unit/test_libc
tests_unit_test_libc_SOURCES = tests/unit/test_libc.c tests/unit/test_libc_string.c
tests_unit_test_libc_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS) -idirafter $(top_srcdir)/guest/libc/include
tests_unit_test_libc_LDADD = libpc.a -lm
tests_unit_test_libc_LDFLAGS = -no-pie $(AM_LDFLAGS)

# test_num runs the numbers module from libplang.a on the stand-in runtime
# of test_num_rt.c, which defines everything the module needs from the rest
# of the interpreter, so no other part of libplang.a is linked.
check_PROGRAMS += tests/unit/test_num
TESTS += tests/unit/test_num
tests_unit_test_num_SOURCES = tests/unit/test_num.c tests/unit/test_num_rt.c \
	tests/unit/test_num_rt.h
tests_unit_test_num_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS) $(LANG_NUM_INCLUDES) -idirafter $(top_srcdir)/guest/libc/include
tests_unit_test_num_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_unit_test_num_LDADD = libplang.a libpc.a -lm

# test_libc_math compares libpc's functions for SRFI 144 against glibc's.
check_PROGRAMS += tests/unit/test_libc_math
TESTS += tests/unit/test_libc_math
tests_unit_test_libc_math_SOURCES = tests/unit/test_libc_math.c
tests_unit_test_libc_math_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS) -idirafter $(top_srcdir)/guest/libc/include
tests_unit_test_libc_math_LDADD = libpc.a -lm
tests_unit_test_libc_math_LDFLAGS = -no-pie $(AM_LDFLAGS)
