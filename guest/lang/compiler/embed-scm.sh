#!/bin/sh
# embed-scm.sh NAME < file.scm > file.c: the Scheme text as a C string NAME.
echo "/* Generated from Scheme source by embed-scm.sh: do not edit. */"
echo "const char $1[] ="
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/'
echo ";"
