#!/bin/sh
# embed-lib.sh SRCDIR FILE... > lib_sources.c: the library sources FILE (paths
# under SRCDIR such as srfi/1.sld) as one table of C strings, lib_sources.
# A file srfi/1.sld defines the library (srfi 1); each line of it reading
# ";;; also-named: (scheme list)" adds another name for the same library.
# Whole-line comments are blanked to keep the image small while errors
# still cite the right line, so no string literal in a library may span a
# line that starts with ";".
srcdir=$1
shift
echo "/* Generated from guest/lang/lib by embed-lib.sh: do not edit. */"
echo '#include "lib_sources.h"'
i=0
for f in "$@"; do
	echo "static const char text$i[] ="
	sed -e 's/^[[:space:]]*;.*$//' -e 's/^[[:space:]]*$//' \
	    -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/' "$srcdir/$f"
	echo ";"
	i=$((i + 1))
done
echo "const struct lib_source lib_sources[] = {"
i=0
for f in "$@"; do
	name=$(echo "$f" | sed -e 's/\.sld$//' -e 's|/| |g')
	echo "	{ \"$name\", \"$f\", 0, text$i },"
	sed -n 's/^;;; also-named: (\(.*\))[[:space:]]*$/\1/p' "$srcdir/$f" |
	while read -r alias; do
		echo "	{ \"$alias\", \"$f\", \"$name\", 0 },"
	done
	i=$((i + 1))
done
echo "	{ 0, 0, 0, 0 },"
echo "};"
