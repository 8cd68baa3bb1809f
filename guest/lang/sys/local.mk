# guest/lang/sys: files, the system interface and the network, through
# platform.h; sees the value layer and the text module's headers only.
libplang_sys_a_CFLAGS = $(FREESTANDING_CFLAGS)
libplang_sys_a_CPPFLAGS = $(FREESTANDING_CPPFLAGS) $(LANG_SYS_INCLUDES)
libplang_sys_a_SOURCES = guest/lang/sys/file.c guest/lang/sys/system.c \
	guest/lang/sys/net.h guest/lang/sys/net.c
