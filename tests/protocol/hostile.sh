#!/bin/sh
# Hostile clients against one p-dom0d next to a well-behaved guest (TAP).
exec timeout 120 "$top_builddir/tests/protocol/test_hostile"
