# tests: every suite adds its tests to TESTS; LANG_TESTS is the subset that
# the GC-stress run repeats.
LANG_TESTS =
include $(top_srcdir)/tests/unit/core.mk
include $(top_srcdir)/tests/unit/num.mk
include $(top_srcdir)/tests/unit/text.mk
include $(top_srcdir)/tests/lang/local.mk
include $(top_srcdir)/tests/bench/local.mk
include $(top_srcdir)/tests/protocol/local.mk
include $(top_srcdir)/tests/system/local.mk

check-lang: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS="$(LANG_TESTS)"
.PHONY: check-lang
