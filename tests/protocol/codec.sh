#!/bin/sh
# Runs the codec's unit tests (TAP).
exec timeout 60 "$top_builddir/tests/protocol/test_codec"
