#!/bin/sh
# install-peers.sh - installs the Scheme implementations `make bench` compares
# p with, from Debian's packages.  Not part of tests/install-deps.sh: the test
# suite does not run benchmarks.
set -eu
pkgs="chezscheme gambc chicken-bin guile-3.0"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing
