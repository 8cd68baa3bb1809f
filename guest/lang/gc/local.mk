# guest/lang/gc: the collector (its interface is in core/core.h).
libplang_a_SOURCES += guest/lang/gc/gc.c
