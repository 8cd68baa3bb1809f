# tests/unit/repl.mk: the terminal side of the REPL that needs no terminal.
# Where the line editor sees typed data end (dom0d/repl-client/form_scan.c).
check_PROGRAMS += tests/unit/test_form_scan
tests_unit_test_form_scan_SOURCES = tests/unit/test_form_scan.c \
	dom0d/repl-client/form_scan.c
tests_unit_test_form_scan_CPPFLAGS = $(AM_CPPFLAGS) $(TEST_CPPFLAGS) \
	-I$(top_srcdir)/dom0d/repl-client
TESTS += tests/unit/test_form_scan
