# tests/unit/core.mk: unit tests of the interpreter core (TAP programs).
check_PROGRAMS += tests/unit/test_gc
tests_unit_test_gc_SOURCES = tests/unit/test_gc.c
tests_unit_test_gc_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS) $(LANG_CORE_INCLUDES) \
	-I$(top_srcdir)/guest/libc/include -I$(top_srcdir)/guest/hosted
tests_unit_test_gc_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_unit_test_gc_LDADD = $(HOSTED_P_LIBS)
TESTS += tests/unit/test_gc
LANG_TESTS += tests/unit/test_gc
