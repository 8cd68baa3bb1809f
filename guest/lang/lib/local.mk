# guest/lang/lib: the standard libraries beyond R7RS-small, written in
# Scheme and embedded in the interpreter as one generated table.
LIB_SCM = \
	srfi/1.sld srfi/2.sld srfi/8.sld srfi/9.sld srfi/11.sld srfi/14.sld srfi/16.sld \
	srfi/23.sld srfi/26.sld srfi/28.sld srfi/31.sld srfi/39.sld \
	srfi/41.sld srfi/41/derived.sld srfi/41/primitive.sld srfi/48.sld \
	srfi/64.sld srfi/69.sld srfi/87.sld srfi/98.sld srfi/101.sld \
	srfi/111.sld srfi/113.sld srfi/115.sld srfi/116.sld srfi/117.sld srfi/125.sld \
	srfi/127.sld srfi/128.sld srfi/132.sld srfi/133.sld srfi/134.sld \
	srfi/135.sld srfi/141.sld srfi/143.sld srfi/144.sld srfi/145.sld srfi/151.sld \
	srfi/152.sld srfi/158.sld
libplang_a_CPPFLAGS += -I$(top_srcdir)/guest/lang/lib
libplang_a_SOURCES += guest/lang/lib/lib_sources.h \
	guest/lang/lib/hashtab.h guest/lang/lib/hashtab.c \
	guest/lang/lib/charset.h guest/lang/lib/charset.c \
	guest/lang/lib/flonum.h guest/lang/lib/flonum.c
nodist_libplang_a_SOURCES += guest/lang/lib/lib_sources.c

guest/lang/lib/lib_sources.c: $(addprefix $(top_srcdir)/guest/lang/lib/,$(LIB_SCM)) \
		$(top_srcdir)/guest/lang/lib/embed-lib.sh
	$(AM_V_GEN)mkdir -p guest/lang/lib && \
	$(SHELL) $(top_srcdir)/guest/lang/lib/embed-lib.sh \
		$(top_srcdir)/guest/lang/lib $(LIB_SCM) > $@
CLEANFILES += guest/lang/lib/lib_sources.c
EXTRA_DIST += guest/lang/lib/embed-lib.sh \
	$(addprefix guest/lang/lib/,$(LIB_SCM))
