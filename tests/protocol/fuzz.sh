#!/bin/sh
# Runs the libFuzzer targets for a bounded time each (FUZZ_SECONDS, default
# 30): the protocol decoders and p-dom0d's request handling.  Needs clang;
# the targets are built by `make fuzz`.  TAP.
secs=${FUZZ_SECONDS:-30}
dir="$top_builddir/tests/protocol"
n=0
for t in fuzz_decode fuzz_dom0d; do
	n=$((n + 1))
	if [ ! -x "$dir/$t" ]; then
		echo "ok $n - $t # SKIP not built (no clang)"
		continue
	fi
	corpus=$(mktemp -d /tmp/pxen-corpus.XXXXXX)
	log="$dir/$t.log"
	if (cd "$corpus" && ASAN_OPTIONS=detect_leaks=1 "$dir/$t" -max_total_time="$secs" \
		-max_len=8192 -timeout=10 -rss_limit_mb=2048 "$corpus" >"$log" 2>&1); then
		echo "ok $n - $t: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log"), no crash, leak or hang"
	else
		echo "not ok $n - $t found a problem (see $log)"
		grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/# /'
	fi
	rm -rf "$corpus"
done
rm -rf /tmp/pxen-fuzz-* 2>/dev/null
echo "1..$n"
