#!/bin/sh
# Runs the codec's unit tests (TAP).
exec "$top_builddir/tests/protocol/test_codec"
