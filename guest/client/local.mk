# guest/client: the pxen protocol client, linked into both p and p-guest.
noinst_LIBRARIES += libpclient.a
libpclient_a_CFLAGS = $(FREESTANDING_CFLAGS)
libpclient_a_CPPFLAGS = $(FREESTANDING_CPPFLAGS)
libpclient_a_SOURCES = guest/client/transport.h guest/client/client.h \
	guest/client/client_int.h guest/client/client_core.c \
	guest/client/client_streams.c guest/client/client_files.c \
	guest/client/client_net.c guest/client/client_plat.c
