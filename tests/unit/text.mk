# Unit tests of the text module (strings, reader, printer).  They link the
# interpreter library with the hosted platform and run under the sanitizers
# when the tree is configured with them.
TEXT_UNIT_TESTS = tests/unit/test_string tests/unit/test_read tests/unit/test_write \
	tests/unit/test_read_ports
check_PROGRAMS += $(TEXT_UNIT_TESTS)
TESTS += $(TEXT_UNIT_TESTS)
TEXT_UNIT_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS) $(LANG_CORE_INCLUDES) $(LANG_TEXT_INCLUDES) \
	-I$(top_srcdir)/guest/hosted -I$(top_srcdir)/guest/client
TEXT_UNIT_LDADD = $(HOSTED_P_LIBS)
tests_unit_test_string_SOURCES = tests/unit/test_string.c tests/unit/test_string_fixture.h
tests_unit_test_string_CPPFLAGS = $(TEXT_UNIT_CPPFLAGS)
tests_unit_test_string_LDADD = $(TEXT_UNIT_LDADD)
tests_unit_test_string_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_unit_test_read_SOURCES = tests/unit/test_read.c tests/unit/test_string_fixture.h
tests_unit_test_read_CPPFLAGS = $(TEXT_UNIT_CPPFLAGS)
tests_unit_test_read_LDADD = $(TEXT_UNIT_LDADD)
tests_unit_test_read_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_unit_test_write_SOURCES = tests/unit/test_write.c tests/unit/test_string_fixture.h
tests_unit_test_write_CPPFLAGS = $(TEXT_UNIT_CPPFLAGS)
tests_unit_test_write_LDADD = $(TEXT_UNIT_LDADD)
tests_unit_test_write_LDFLAGS = -no-pie $(AM_LDFLAGS)
tests_unit_test_read_ports_SOURCES = tests/unit/test_read_ports.c tests/unit/test_string_fixture.h
tests_unit_test_read_ports_CPPFLAGS = $(TEXT_UNIT_CPPFLAGS)
tests_unit_test_read_ports_LDADD = $(TEXT_UNIT_LDADD)
tests_unit_test_read_ports_LDFLAGS = -no-pie $(AM_LDFLAGS)
