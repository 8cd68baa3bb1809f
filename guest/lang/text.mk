# guest/lang/text.mk: the text part of the interpreter (characters, strings,
# bytevectors, reader, printer, ports, files, system, network).
libplang_a_SOURCES += guest/lang/unicode.c guest/lang/unicode_tables.c \
	guest/lang/string_obj.c guest/lang/string_prims.c guest/lang/char.c \
	guest/lang/bytevector.c guest/lang/port.c guest/lang/port_prims.c \
	guest/lang/port_io.c guest/lang/read.c guest/lang/write.c \
	guest/lang/write_idtab.c guest/lang/file.c guest/lang/system.c \
	guest/lang/net.c guest/lang/text_scheme.c
EXTRA_DIST += guest/lang/gen-unicode.py
