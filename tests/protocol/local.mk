# tests/protocol: the codec's unit tests, the client through a real p-dom0d,
# end-to-end tests through p, hostile clients, fuzzing and the load test.
PROTO_TEST_LDADD = libphosted.a libpclient.a libprotocol.a libpunixsock.a
PROTO_TEST_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS) -I$(top_srcdir)/guest/hosted \
	-I$(top_srcdir)/guest/client

check_PROGRAMS += tests/protocol/test_codec tests/protocol/test_client tests/protocol/test_hostile \
	tests/protocol/test_launcher
tests_protocol_test_codec_SOURCES = tests/protocol/test_codec.c
tests_protocol_test_codec_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_codec_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_codec_LDADD = libprotocol.a
tests_protocol_test_client_SOURCES = tests/protocol/test_client.c
tests_protocol_test_client_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_client_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_client_LDADD = $(PROTO_TEST_LDADD)

tests_protocol_test_hostile_SOURCES = tests/protocol/test_hostile.c
tests_protocol_test_hostile_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_hostile_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_hostile_LDADD = tests/libptest.a $(PROTO_TEST_LDADD)

tests_protocol_test_launcher_SOURCES = tests/protocol/test_launcher.c tests/protocol/rawguest.h \
	tests/protocol/rawguest.c
tests_protocol_test_launcher_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_launcher_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_launcher_LDADD = tests/libptest.a libprotocol.a libpunixsock.a

PROTO_SH_TESTS = tests/protocol/codec.sh tests/protocol/launcher.sh tests/protocol/client.sh tests/protocol/hostile.sh \
	tests/protocol/e2e.sh tests/protocol/repl.sh tests/protocol/daemon.sh tests/protocol/restart.sh
TESTS += $(PROTO_SH_TESTS)
EXTRA_DIST += $(PROTO_SH_TESTS)

# libFuzzer targets, built with clang (the objects are compiled again with
# its instrumentation; `make fuzz` or `make check` builds them when clang is
# present) and run for a bounded time by fuzz.sh.
FUZZ_CC = clang
FUZZ_CFLAGS = -std=gnu11 -g -O1 $(WARN_CFLAGS) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_CPPFLAGS = -I$(top_builddir) -I$(top_srcdir)/protocol -I$(top_srcdir)/shared \
	-I$(top_srcdir)/dom0d
FUZZ_PROTO_SRC = $(top_srcdir)/protocol/px_codec.c $(top_srcdir)/protocol/px_msgs.c \
	$(top_srcdir)/protocol/px_quota.c \
	$(top_srcdir)/protocol/p9.c
FUZZ_DOM0D_SRC = $(filter %.c,$(addprefix $(top_srcdir)/,$(P_DOM0D_CORE) $(P_DOM0D_TRANSPORT) \
	$(P_DOM0D_SERVICES) $(P_DOM0D_CONTROL))) $(top_srcdir)/shared/unix_sock.c
tests/protocol/fuzz_decode: $(top_srcdir)/tests/protocol/fuzz_decode.c $(FUZZ_PROTO_SRC)
	$(AM_V_CCLD)if command -v $(FUZZ_CC) >/dev/null; then \
		$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) -o $@ $^; else rm -f $@; fi
tests/protocol/fuzz_dom0d: $(top_srcdir)/tests/protocol/fuzz_dom0d.c $(FUZZ_PROTO_SRC) $(FUZZ_DOM0D_SRC)
	$(AM_V_CCLD)if command -v $(FUZZ_CC) >/dev/null; then \
		$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) -o $@ $^; else rm -f $@; fi
fuzz: tests/protocol/fuzz_decode tests/protocol/fuzz_dom0d
.PHONY: fuzz
# Built just before fuzz.sh runs.
tests/protocol/fuzz.log: tests/protocol/fuzz_decode tests/protocol/fuzz_dom0d
CLEANFILES += tests/protocol/fuzz_decode tests/protocol/fuzz_dom0d tests/protocol/*.log
TESTS += tests/protocol/fuzz.sh
EXTRA_DIST += tests/protocol/fuzz.sh tests/protocol/fuzz_decode.c tests/protocol/fuzz_dom0d.c

# The load test (load.sh, which also prints a benchmark's numbers).
check_PROGRAMS += tests/protocol/load
tests_protocol_load_SOURCES = tests/protocol/load.c
tests_protocol_load_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_load_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_load_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
TESTS += tests/protocol/load.sh
EXTRA_DIST += tests/protocol/load.sh

# The 9P file server alone, frame by frame (no daemon, no transport).
check_PROGRAMS += tests/protocol/test_fs9p
tests_protocol_test_fs9p_SOURCES = tests/protocol/test_fs9p.c dom0d/services/fs9p.c \
	dom0d/core/fdbudget.c
tests_protocol_test_fs9p_CPPFLAGS = $(PROTO_TEST_CPPFLAGS) -I$(top_srcdir)/dom0d
tests_protocol_test_fs9p_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_fs9p_LDADD = libprotocol.a
TESTS += tests/protocol/test_fs9p

# Raw guests against a p-dom0d of each test's own (rawguest.c): the
# defences a hostile guest meets.
RAW_TESTS = tests/protocol/test_domid tests/protocol/test_listen tests/protocol/test_flood \
	tests/protocol/test_log tests/protocol/test_resolve tests/protocol/test_fdbudget \
	tests/protocol/test_quota tests/protocol/test_slowdns tests/protocol/test_replfd
check_PROGRAMS += $(RAW_TESTS)
TESTS += $(RAW_TESTS)
RAW_SRC = tests/protocol/rawguest.h tests/protocol/rawguest.c
tests_protocol_test_domid_SOURCES = tests/protocol/test_domid.c $(RAW_SRC)
tests_protocol_test_domid_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_domid_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
tests_protocol_test_domid_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_listen_SOURCES = tests/protocol/test_listen.c $(RAW_SRC)
tests_protocol_test_listen_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_listen_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
tests_protocol_test_listen_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_flood_SOURCES = tests/protocol/test_flood.c $(RAW_SRC)
tests_protocol_test_flood_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_flood_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
tests_protocol_test_flood_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_log_SOURCES = tests/protocol/test_log.c $(RAW_SRC)
tests_protocol_test_log_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_log_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
tests_protocol_test_log_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_resolve_SOURCES = tests/protocol/test_resolve.c $(RAW_SRC)
tests_protocol_test_resolve_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_resolve_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
tests_protocol_test_resolve_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_fdbudget_SOURCES = tests/protocol/test_fdbudget.c $(RAW_SRC)
tests_protocol_test_fdbudget_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_fdbudget_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
tests_protocol_test_fdbudget_LDFLAGS = -no-pie $(AM_LDFLAGS)

tests_protocol_test_quota_SOURCES = tests/protocol/test_quota.c $(RAW_SRC)
tests_protocol_test_quota_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_quota_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
tests_protocol_test_quota_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_slowdns_SOURCES = tests/protocol/test_slowdns.c tests/protocol/dnsstub.h \
	tests/protocol/dnsstub.c $(RAW_SRC)
tests_protocol_test_slowdns_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_slowdns_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
tests_protocol_test_slowdns_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_replfd_SOURCES = tests/protocol/test_replfd.c $(RAW_SRC)
tests_protocol_test_replfd_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_replfd_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
tests_protocol_test_replfd_LDFLAGS = -no-pie $(AM_LDFLAGS)
# The fairness benchmark: a light guest's latency while two guests flood
# (built with the tests, run by hand: top_builddir=. tests/protocol/fairness).
check_PROGRAMS += tests/protocol/fairness
tests_protocol_fairness_SOURCES = tests/protocol/fairness.c $(RAW_SRC)
tests_protocol_fairness_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_fairness_LDADD = tests/libptest.a libprotocol.a libpunixsock.a
tests_protocol_fairness_LDFLAGS = -no-pie $(AM_LDFLAGS)
