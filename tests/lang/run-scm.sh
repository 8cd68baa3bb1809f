#!/bin/sh
# run-scm.sh FILE - runs one conformance file under the hosted p, with the
# file's directory as the export root so (include "harness.scm"), user
# libraries in lib/ and scratch files resolve beneath it.  p itself reads
# P_GC_STRESS from the environment; the harness scales heavy loops down then.
# A file that needs a larger heap says so on its first line (";; heap: 768M").
# A hang is a failure too: the run is cut off after P_TEST_TIMEOUT seconds.
file=$1
p=${top_builddir:-.}/p
if [ ! -x "$p" ]; then
	echo "Bail out! no p binary at $p"
	exit 1
fi
heap=$(sed -n '1s/^;; heap: \([0-9]*[KMG]\)$/\1/p' "$file")
exec timeout "${P_TEST_TIMEOUT:-600}" "$p" --fs "$(dirname "$file")" --heap "${heap:-64M}" "$file"
