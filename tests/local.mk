# tests: every suite adds its tests to TESTS; LANG_TESTS is the subset that
# the GC-stress run repeats.
LANG_TESTS =

# What several tests share: tap.h, and waiting for a daemon they started by
# connecting to it (connect_wait.h; wait-connect for the shell tests).
TEST_CPPFLAGS = -I$(top_srcdir)/tests
check_LIBRARIES = tests/libptest.a
tests_libptest_a_SOURCES = tests/connect_wait.c tests/connect_wait.h tests/tap.h
check_PROGRAMS += tests/wait-connect
tests_wait_connect_SOURCES = tests/wait-connect.c
tests_wait_connect_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS)
tests_wait_connect_LDADD = tests/libptest.a libpunixsock.a

include $(top_srcdir)/tests/unit/core.mk
include $(top_srcdir)/tests/unit/num.mk
include $(top_srcdir)/tests/unit/text.mk
include $(top_srcdir)/tests/unit/xen.mk
include $(top_srcdir)/tests/unit/repl.mk
include $(top_srcdir)/tests/lang/local.mk
include $(top_srcdir)/tests/bench/local.mk
include $(top_srcdir)/tests/protocol/local.mk
include $(top_srcdir)/tests/system/local.mk

check-lang: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS="$(LANG_TESTS)"
.PHONY: check-lang
