# shared: code both sides compile: the vchan page layout and ring
# arithmetic.  Freestanding, so the bare guest links it as is.
noinst_LIBRARIES += libpshared.a
libpshared_a_CFLAGS = $(FREESTANDING_CFLAGS)
libpshared_a_CPPFLAGS = $(FREESTANDING_CPPFLAGS)
libpshared_a_SOURCES = shared/vring.c shared/vring.h shared/vchan_layout.h

# Unix stream sockets by path, for the hosted programs (p-dom0d's
# listeners; p, p-launch and p-repl connecting to them).
noinst_LIBRARIES += libpunixsock.a
libpunixsock_a_SOURCES = shared/unix_sock.h shared/unix_sock.c
