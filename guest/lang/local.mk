# guest/lang: the interpreter, built once as libplang.a and linked into both
# the hosted `p` and the bare `p-guest`.
noinst_LIBRARIES += libplang.a
libplang_a_CFLAGS = $(FREESTANDING_CFLAGS)
libplang_a_CPPFLAGS = $(FREESTANDING_CPPFLAGS)
libplang_a_SOURCES =
include $(top_srcdir)/guest/lang/num.mk
include $(top_srcdir)/guest/lang/text.mk
