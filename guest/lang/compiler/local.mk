# guest/lang/compiler: the expander, the compiler to bytecode, include,
# libraries, eval and the Scheme prelude.
libplang_a_SOURCES += guest/lang/compiler/compile_int.h \
	guest/lang/compiler/expand.c guest/lang/compiler/compile.c \
	guest/lang/compiler/emit.c guest/lang/compiler/scope.c \
	guest/lang/compiler/body.c guest/lang/compiler/derived.c \
	guest/lang/compiler/include.c guest/lang/compiler/library.c \
	guest/lang/compiler/eval.c
nodist_libplang_a_SOURCES += guest/lang/compiler/prelude.c guest/lang/compiler/repl.c

# The Scheme half of the core is compiled into the library as a string.
guest/lang/compiler/prelude.c: $(top_srcdir)/guest/lang/compiler/prelude.scm \
		$(top_srcdir)/guest/lang/compiler/embed-scm.sh
	$(AM_V_GEN)mkdir -p guest/lang/compiler && \
	$(SHELL) $(top_srcdir)/guest/lang/compiler/embed-scm.sh prelude_scm \
		< $(top_srcdir)/guest/lang/compiler/prelude.scm > $@
guest/lang/compiler/repl.c: $(top_srcdir)/guest/lang/compiler/repl.scm \
		$(top_srcdir)/guest/lang/compiler/embed-scm.sh
	$(AM_V_GEN)mkdir -p guest/lang/compiler && \
	$(SHELL) $(top_srcdir)/guest/lang/compiler/embed-scm.sh repl_scm \
		< $(top_srcdir)/guest/lang/compiler/repl.scm > $@
CLEANFILES += guest/lang/compiler/prelude.c guest/lang/compiler/repl.c
EXTRA_DIST += guest/lang/compiler/prelude.scm guest/lang/compiler/repl.scm \
	guest/lang/compiler/embed-scm.sh
