# guest/lang/core: values, symbols, environments, errors, the VM, control,
# lists, vectors and start-up.
libplang_a_SOURCES += guest/lang/core/core.h \
	guest/lang/core/addrtab.h guest/lang/core/addrtab.c \
	guest/lang/core/symbol.c guest/lang/core/env.c guest/lang/core/error.c \
	guest/lang/core/vm.c guest/lang/core/control.c guest/lang/core/lists.c \
	guest/lang/core/vectors.c guest/lang/core/flonum.c guest/lang/core/main.c \
	guest/lang/core/srcpos.c guest/lang/core/disasm.c
