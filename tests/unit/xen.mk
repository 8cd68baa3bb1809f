# tests/unit/xen.mk: unit tests of the Xen side that need no Xen, so every
# build runs them.
# The vchan ring arithmetic both ends rely on (shared/vring.c).
check_PROGRAMS += tests/unit/test_vring
tests_unit_test_vring_SOURCES = tests/unit/test_vring.c
tests_unit_test_vring_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS)
tests_unit_test_vring_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_unit_test_vring_LDADD = libpshared.a
TESTS += tests/unit/test_vring

# The guest command line: p-launch's encoder against the kernel's parser.
check_PROGRAMS += tests/unit/test_cmdline
tests_unit_test_cmdline_SOURCES = tests/unit/test_cmdline.c \
	guest/kernel/cmdline.c dom0d/launch/p-launch-cmdline.c
tests_unit_test_cmdline_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS) -I$(top_srcdir)/guest/kernel \
	-I$(top_srcdir)/dom0d/launch
TESTS += tests/unit/test_cmdline

# The guest clock's arithmetic (TSC to system time, monotonic clamp).
check_PROGRAMS += tests/unit/test_pvclock
tests_unit_test_pvclock_SOURCES = tests/unit/test_pvclock.c guest/kernel/pvclock.c
tests_unit_test_pvclock_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS) -I$(top_srcdir)/guest/kernel
TESTS += tests/unit/test_pvclock
