# guest/lang: the interpreter, built once as libplang.a and linked into both
# the hosted `p` and the bare `p-guest`.
#
# Its folders are its layers.  include/ is the value layer (value.h, the
# platform interface, the embedding API) that every part and every user of
# the interpreter sees.  core/ (values, VM, control, start-up), gc/ and
# compiler/ share the VM's internals (core.h, compile_int.h); num/, text/
# and sys/ are built without that include path, so the compiler refuses any
# reach into the VM from them: they see only the value layer and the public
# headers of the modules below them (sys -> text -> num).
LANG_CORE_INCLUDES = -I$(top_srcdir)/guest/lang/core -I$(top_srcdir)/guest/lang/compiler
LANG_NUM_INCLUDES = -I$(top_srcdir)/guest/lang/num
LANG_TEXT_INCLUDES = -I$(top_srcdir)/guest/lang/text $(LANG_NUM_INCLUDES)
LANG_SYS_INCLUDES = -I$(top_srcdir)/guest/lang/sys $(LANG_TEXT_INCLUDES)

noinst_LIBRARIES += libplang.a
libplang_a_CFLAGS = $(FREESTANDING_CFLAGS)
libplang_a_CPPFLAGS = $(FREESTANDING_CPPFLAGS) $(LANG_CORE_INCLUDES) $(LANG_TEXT_INCLUDES)
libplang_a_SOURCES = guest/lang/include/value.h guest/lang/include/platform.h \
	guest/lang/include/p.h guest/lang/include/args.h
nodist_libplang_a_SOURCES =
# The modules without the VM's include path are compiled as libraries of
# their own (never built as archives) whose objects go into libplang.a.
EXTRA_LIBRARIES = libplang_num.a libplang_text.a libplang_sys.a
libplang_a_LIBADD = $(libplang_num_a_OBJECTS) $(libplang_text_a_OBJECTS) \
	$(libplang_sys_a_OBJECTS)
libplang_a_DEPENDENCIES = $(libplang_a_LIBADD)

include $(top_srcdir)/guest/lang/core/local.mk
include $(top_srcdir)/guest/lang/gc/local.mk
include $(top_srcdir)/guest/lang/compiler/local.mk
include $(top_srcdir)/guest/lang/num/local.mk
include $(top_srcdir)/guest/lang/text/local.mk
include $(top_srcdir)/guest/lang/sys/local.mk
include $(top_srcdir)/guest/lang/lib/local.mk
