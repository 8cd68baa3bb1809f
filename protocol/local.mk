# protocol: the wire format shared by the guest client and p-dom0d, built
# freestanding because it links into both p and p-guest.
noinst_LIBRARIES += libprotocol.a
libprotocol_a_CFLAGS = $(FREESTANDING_CFLAGS)
libprotocol_a_CPPFLAGS = $(FREESTANDING_CPPFLAGS)
libprotocol_a_SOURCES = protocol/px_wire.h protocol/px_codec.h protocol/px_codec.c \
	protocol/px_msgs.h protocol/px_msgs.c protocol/px_quota.h protocol/px_quota.c \
	protocol/p9.h protocol/p9.c
EXTRA_DIST += protocol/PROTOCOL.md
