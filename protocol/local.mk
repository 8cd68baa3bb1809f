# protocol: the wire format shared by the guest client and p-dom0d.
EXTRA_DIST += protocol/PROTOCOL.md
