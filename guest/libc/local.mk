# guest/libc: our freestanding C library, in two parts.
#
# libpcbase.a defines the mem*/str* functions under their standard names and
# is linked ONLY into the bare kernel (the hosted `p` uses glibc's).
# libpc.a holds everything else under pc_* names (math, formatting, float
# text conversion), so it links into both `p` and `p-guest` without clashing
# with glibc: link it after libplang.a.
noinst_LIBRARIES += libpcbase.a libpc.a

# The loops in string.c would otherwise be recognised and turned back into
# calls to memcpy/memset, i.e. into themselves.
libpcbase_a_CFLAGS = $(FREESTANDING_CFLAGS) -fno-tree-loop-distribute-patterns -fno-builtin
libpcbase_a_CPPFLAGS = $(FREESTANDING_CPPFLAGS)
libpcbase_a_SOURCES = guest/libc/string.c guest/libc/include/string.h

libpc_a_CFLAGS = $(FREESTANDING_CFLAGS)
libpc_a_CPPFLAGS = $(FREESTANDING_CPPFLAGS)
libpc_a_SOURCES = \
	guest/libc/include/math.h guest/libc/include/pc_math.h \
	guest/libc/include/pfmt.h guest/libc/include/pcfloat.h \
	guest/libc/include/stdlib.h \
	guest/libc/bn.h guest/libc/bn.c \
	guest/libc/dtoa.c guest/libc/strtod.c \
	guest/libc/pfmt.c guest/libc/strtol.c \
	guest/libc/math_round.c guest/libc/math_exp.c guest/libc/math_trig.c \
	guest/libc/math_pow.c guest/libc/math_misc.c guest/libc/math_hyp.c \
	guest/libc/math_explog.c guest/libc/math_fma.c guest/libc/math_gamma.c \
	guest/libc/math_bessel.c
