# guest/lang: the interpreter, built once as libplang.a and linked into both
# the hosted `p` and the bare `p-guest`.
noinst_LIBRARIES += libplang.a
libplang_a_CFLAGS = $(FREESTANDING_CFLAGS)
libplang_a_CPPFLAGS = $(FREESTANDING_CPPFLAGS)
libplang_a_SOURCES = \
	guest/lang/value.h guest/lang/platform.h guest/lang/p.h \
	guest/lang/core.h guest/lang/compile_int.h guest/lang/addrtab.h \
	guest/lang/addrtab.c \
	guest/lang/gc.c guest/lang/symbol.c guest/lang/error.c \
	guest/lang/env.c guest/lang/expand.c guest/lang/compile.c \
	guest/lang/include.c guest/lang/library.c guest/lang/eval.c \
	guest/lang/vm.c guest/lang/control.c guest/lang/lists.c \
	guest/lang/vectors.c guest/lang/flonum.c guest/lang/main.c
nodist_libplang_a_SOURCES = guest/lang/prelude.c

# The Scheme half of the core is compiled into the library as a string.
guest/lang/prelude.c: $(top_srcdir)/guest/lang/prelude.scm $(top_srcdir)/guest/lang/embed-scm.sh
	$(AM_V_GEN)mkdir -p guest/lang && \
	$(SHELL) $(top_srcdir)/guest/lang/embed-scm.sh prelude_scm \
		< $(top_srcdir)/guest/lang/prelude.scm > $@
CLEANFILES += guest/lang/prelude.c
EXTRA_DIST += guest/lang/prelude.scm guest/lang/embed-scm.sh

include $(top_srcdir)/guest/lang/num.mk
include $(top_srcdir)/guest/lang/text.mk
