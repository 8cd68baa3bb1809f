# guest/lang/text.mk: the text part of the interpreter (characters, strings,
# bytevectors, reader, printer, ports, files, system, network).
libplang_a_SOURCES += guest/lang/unicode.c guest/lang/unicode_tables.c \
	guest/lang/string_obj.c guest/lang/string_prims.c guest/lang/char.c \
	guest/lang/bytevector.c
EXTRA_DIST += guest/lang/gen-unicode.py
