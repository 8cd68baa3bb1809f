# tests/protocol: the codec's unit tests, the client through a real p-dom0d,
# end-to-end tests through p, hostile clients, fuzzing and the load test.
PROTO_TEST_LDADD = libphosted.a libpclient.a libprotocol.a
PROTO_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/guest/hosted -I$(top_srcdir)/guest/client \
	-I$(top_srcdir)/tests/protocol

check_PROGRAMS += tests/protocol/test_codec tests/protocol/test_client tests/protocol/test_hostile
tests_protocol_test_codec_SOURCES = tests/protocol/test_codec.c tests/protocol/tap.h
tests_protocol_test_codec_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_codec_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_codec_LDADD = libprotocol.a
tests_protocol_test_client_SOURCES = tests/protocol/test_client.c tests/protocol/tap.h
tests_protocol_test_client_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_client_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_client_LDADD = $(PROTO_TEST_LDADD)

tests_protocol_test_hostile_SOURCES = tests/protocol/test_hostile.c tests/protocol/tap.h
tests_protocol_test_hostile_CPPFLAGS = $(PROTO_TEST_CPPFLAGS)
tests_protocol_test_hostile_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_protocol_test_hostile_LDADD = $(PROTO_TEST_LDADD)

PROTO_SH_TESTS = tests/protocol/codec.sh tests/protocol/client.sh tests/protocol/hostile.sh
TESTS += $(PROTO_SH_TESTS)
EXTRA_DIST += $(PROTO_SH_TESTS)
