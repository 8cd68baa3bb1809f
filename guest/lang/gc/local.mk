# guest/lang/gc: the collector (its interface is in core/core.h).
libplang_a_SOURCES += guest/lang/gc/gc.c guest/lang/gc/space.c guest/lang/gc/collect.c \
	guest/lang/gc/verify.c guest/lang/gc/gc_int.h
