#!/bin/sh
# run-scm.sh FILE - runs one conformance file under the hosted p, with the
# file's directory as the export root so (include "harness.scm"), user
# libraries in lib/ and scratch files resolve beneath it.  p itself reads
# P_GC_STRESS from the environment; the harness scales heavy loops down then.
# A hang is a failure too: the run is cut off after P_TEST_TIMEOUT seconds.
file=$1
p=${top_builddir:-.}/p
if [ ! -x "$p" ]; then
	echo "Bail out! no p binary at $p"
	exit 1
fi
exec timeout "${P_TEST_TIMEOUT:-600}" "$p" --fs "$(dirname "$file")" --heap 64M "$file"
