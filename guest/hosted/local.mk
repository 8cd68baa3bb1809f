# guest/hosted: the platform as a Linux process, and the `p` command.
noinst_LIBRARIES += libphosted.a
libphosted_a_SOURCES = guest/hosted/host.h guest/hosted/plat_host.c guest/hosted/plat_direct.c

bin_PROGRAMS += p
p_SOURCES = guest/hosted/main.c
p_LDFLAGS = -no-pie $(AM_LDFLAGS)
p_LDADD = libphosted.a libplang.a libpc.a -lm
