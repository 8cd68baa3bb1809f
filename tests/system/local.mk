# tests/system: real Xen 4.17 in QEMU (make check-system); see run.sh.
# The dom0 echo client proves the guest's vchan server before (and
# independently of) the pxen protocol.
# The vchan ring arithmetic both sides rely on, as a hosted unit test.
check_PROGRAMS += tests/system/vring-test
tests_system_vring_test_SOURCES = tests/system/vring-test.c
tests_system_vring_test_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_system_vring_test_LDADD = libpshared.a
TESTS += tests/system/vring-test

# The guest command line: p-launch's encoder against the kernel's parser.
check_PROGRAMS += tests/system/cmdline-test
tests_system_cmdline_test_SOURCES = tests/system/cmdline-test.c \
	guest/kernel/cmdline.c guest/kernel/kstring.c dom0d/launch/p-launch-cmdline.c
tests_system_cmdline_test_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/guest/kernel \
	-I$(top_srcdir)/dom0d/launch
TESTS += tests/system/cmdline-test

if HAVE_XEN
check_PROGRAMS += tests/system/vchan-echo-client
tests_system_vchan_echo_client_SOURCES = tests/system/vchan-echo-client.c
tests_system_vchan_echo_client_LDADD = -lxenvchan
endif
EXTRA_DIST += tests/run-program.sh tests/system/run.sh tests/system/lib.sh tests/system/dom0-init.sh \
	tests/system/dom0-lib.sh tests/system/checks.sh tests/system/program-checks.sh \
	tests/system/repl-checks.sh tests/system/export/lib/mylib.sld \
	tests/system/progs/hello.scm tests/system/progs/args.scm \
	tests/system/progs/files.scm tests/system/progs/uselib.scm \
	tests/system/progs/error.scm tests/system/progs/loop.scm \
	tests/system/progs/count.scm tests/system/progs/memory.scm \
	tests/system/progs/env.scm tests/system/progs/tcpclient.scm \
	tests/system/progs/tcpserver.scm tests/system/progs/stubborn.scm \
	tests/system/progs/stdin.scm

# `check` builds check_PROGRAMS (the echo client among them) first.
check-system: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS=tests/system/run.sh
.PHONY: check-system
