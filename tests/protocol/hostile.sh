#!/bin/sh
# Hostile clients against one p-dom0d next to a well-behaved guest (TAP).
exec "$top_builddir/tests/protocol/test_hostile"
