#!/bin/sh
# Load test and benchmark of p-dom0d (prints numbers; not a timed test):
# 1000 concurrent streams over one guest connection, then 50 guests at once.
# Run from the build tree: tests/protocol/load.sh [streams bytes guests secs]
top_builddir=${top_builddir:-.}
ulimit -n 8192 2>/dev/null
exec "$top_builddir/tests/protocol/load" "$top_builddir/p-dom0d" "$@"
