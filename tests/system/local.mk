# tests/system: real Xen 4.17 in QEMU (make check-system); see run.sh.
# The dom0 echo client proves the guest's vchan server before (and
# independently of) the pxen protocol.
if HAVE_XEN
check_PROGRAMS += tests/system/vchan-echo-client
tests_system_vchan_echo_client_SOURCES = tests/system/vchan-echo-client.c
tests_system_vchan_echo_client_LDADD = -lxenvchan
endif
EXTRA_DIST += tests/run-program.sh tests/system/run.sh tests/system/lib.sh tests/system/dom0-init.sh \
	tests/system/dom0-lib.sh tests/system/checks.sh tests/system/program-checks.sh \
	tests/system/repl-checks.sh tests/system/lifecycle-checks.sh tests/system/daemon-checks.sh \
	tests/system/suspend-checks.sh tests/system/progs/ticker.scm \
	tests/system/export/lib/mylib.sld \
	tests/system/progs/hello.scm tests/system/progs/args.scm \
	tests/system/progs/files.scm tests/system/progs/uselib.scm \
	tests/system/progs/error.scm tests/system/progs/loop.scm \
	tests/system/progs/count.scm tests/system/progs/memory.scm \
	tests/system/progs/env.scm tests/system/progs/tcpclient.scm \
	tests/system/progs/tcpserver.scm tests/system/progs/stubborn.scm \
	tests/system/progs/stdin.scm tests/system/progs/heaplimit.scm tests/system/progs/clock.scm \
	tests/system/progs/shutdown.scm tests/system/progs/quota.scm \
	tests/system/run-program/tee.scm

# `check` builds check_PROGRAMS (the echo client among them) first.
check-system: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS=tests/system/run.sh
.PHONY: check-system
