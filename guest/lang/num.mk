# guest/lang/num.mk: the numbers module (numeric tower) in libplang.a.
libplang_a_SOURCES += \
	guest/lang/num.h guest/lang/num_int.h \
	guest/lang/num.c guest/lang/num_int.c guest/lang/num_text.c \
	guest/lang/num_prim.h guest/lang/num_prims.c guest/lang/num_fn.c \
	guest/lang/bigint.h guest/lang/bigint.c
