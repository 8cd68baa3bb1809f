# guest/lang/num: the numbers module (numeric tower); sees the value layer only.
libplang_num_a_CFLAGS = $(FREESTANDING_CFLAGS)
libplang_num_a_CPPFLAGS = $(FREESTANDING_CPPFLAGS) $(LANG_NUM_INCLUDES)
libplang_num_a_SOURCES = \
	guest/lang/num/num.h guest/lang/num/num_int.h \
	guest/lang/num/num.c guest/lang/num/num_int.c guest/lang/num/num_text.c \
	guest/lang/num/num_prim.h guest/lang/num/num_prims.c guest/lang/num/num_fn.c \
	guest/lang/num/num_cmath.h guest/lang/num/num_cmath.c \
	guest/lang/num/bigint.h guest/lang/num/bigint.c
