#!/bin/sh
# The launcher control socket of p-dom0d, without Xen (TAP).
exec timeout 60 "$top_builddir/tests/protocol/test_launcher"
