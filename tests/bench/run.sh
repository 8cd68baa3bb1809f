#!/bin/sh
# run.sh [-n RUNS] [BENCH...] - runs the benchmarks under p and under each
# installed peer (Petite Chez, Gambit gsi, CHICKEN csi, Guile 3, TinyScheme),
# checks every result line against expected.txt, and prints the best wall
# time of RUNS runs (default 3), the ratio p/peer per benchmark and the
# geometric mean of those ratios per peer.  A peer that is not installed is
# skipped; a wrong result, an error or a timeout (BENCH_TIMEOUT seconds,
# default 120) is shown instead of a time and left out of the means.
# Timing is by wall clock around the whole process, start-up included; a run
# slower than 10 s is not repeated (TinyScheme takes minutes per benchmark).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top_builddir=${top_builddir:-$(pwd)}
runs=${BENCH_RUNS:-3}
limit=${BENCH_TIMEOUT:-120}
if [ "${1:-}" = "-n" ]; then
	runs=$2
	shift 2
fi
if [ $# -gt 0 ]; then
	benches=$*
else
	benches=$(cd "$here" && ls *.scm | sed 's/\.scm$//')
fi

# name|command|how it runs (one line per implementation)
impls="p|$top_builddir/p|P byte-code VM (this tree)
chez|petite --script|Petite Chez Scheme (interpreter)
gambit|gsi|Gambit gsi (interpreter)
chicken|csi -s|CHICKEN csi (interpreter)
guile|guile --no-auto-compile|Guile 3 without .go compilation (its evaluator is itself compiled and JIT-compiled)
tinyscheme|tinyscheme|TinyScheme (interpreter)"

if [ ! -x "$top_builddir/p" ]; then
	echo "run.sh: no p at $top_builddir/p (build first, or set top_builddir)" >&2
	exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/p-bench.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
results=$work/results
: >"$results"

now_ns() { date +%s%N; }

present=
echo "$impls" | while IFS='|' read -r name cmd what; do
	prog=${cmd%% *}
	if command -v "$prog" >/dev/null 2>&1 || [ -x "$prog" ]; then
		echo "using $name: $what"
	else
		echo "skipping $name: $prog is not installed (tests/bench/install-peers.sh installs it)"
	fi
done
present=$(echo "$impls" | while IFS='|' read -r name cmd what; do
	prog=${cmd%% *}
	if command -v "$prog" >/dev/null 2>&1 || [ -x "$prog" ]; then printf '%s ' "$name"; fi
done)
echo "best of $runs runs; times in seconds"
echo

for b in $benches; do
	src=$here/$b.scm
	if [ ! -f "$src" ]; then
		echo "run.sh: no benchmark $src" >&2
		exit 1
	fi
	prefix=$(sed -n 's/^ *(display "\(.*\) = ").*/\1 =/p' "$src" | head -1)
	want=$(awk -v p="$prefix" 'index($0, p) == 1' "$here/expected.txt")
	echo "$impls" | while IFS='|' read -r name cmd what; do
		case " $present " in *" $name "*) ;; *) continue ;; esac
		input=$src
		if [ -f "$here/prelude/$name.scm" ]; then
			cat "$here/prelude/$name.scm" "$src" >"$work/$b-$name.scm"
			input=$work/$b-$name.scm
		fi
		best=
		status=ok
		i=0
		while [ $i -lt "$runs" ]; do
			i=$((i + 1))
			start=$(now_ns)
			timeout "$limit" $cmd "$input" >"$work/out" 2>&1 </dev/null
			rc=$?
			end=$(now_ns)
			got=$(grep -v '^$' "$work/out" | tail -1)
			if [ $rc = 124 ]; then status=timeout; break; fi
			if [ $rc != 0 ]; then status=error; break; fi
			if [ "$got" != "$want" ]; then status=wrong; break; fi
			t=$((end - start))
			if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
			if [ "$t" -gt 10000000000 ]; then break; fi
		done
		if [ $status = ok ]; then
			echo "$b $name $best" >>"$results"
		else
			echo "$b $name $status" >>"$results"
			printf '%s under %s: %s; last output line: %s\n' "$b" "$name" "$status" "$got" >>"$work/problems"
		fi
	done
	printf '.' >&2
done
echo >&2

awk -v impls="$present" -v benches="$benches" '
{ r[$1 " " $2] = $3 }
END {
	ni = split(impls, I, " "); nb = split(benches, B, " ")
	printf "%-12s", "time"
	for (j = 1; j <= ni; j++) printf " %10s", I[j]
	printf "\n"
	for (i = 1; i <= nb; i++) {
		printf "%-12s", B[i]
		for (j = 1; j <= ni; j++) {
			v = r[B[i] " " I[j]]
			if (v ~ /^[0-9]+$/) printf " %10.3f", v / 1e9; else printf " %10s", v
		}
		printf "\n"
	}
	printf "\n%-12s", "p/peer"
	for (j = 2; j <= ni; j++) printf " %10s", I[j]
	printf "\n"
	for (i = 1; i <= nb; i++) {
		printf "%-12s", B[i]
		pv = r[B[i] " p"]
		for (j = 2; j <= ni; j++) {
			v = r[B[i] " " I[j]]
			if (pv ~ /^[0-9]+$/ && v ~ /^[0-9]+$/ && v > 0) {
				x = pv / v; printf " %10.2f", x; lsum[j] += log(x); cnt[j]++
			} else printf " %10s", "-"
		}
		printf "\n"
	}
	printf "%-12s", "geomean"
	for (j = 2; j <= ni; j++)
		if (cnt[j] > 0) printf " %10.2f", exp(lsum[j] / cnt[j]); else printf " %10s", "-"
	printf "\n%-12s", "(of n)"
	for (j = 2; j <= ni; j++) printf " %10d", cnt[j]
	printf "\n\nratio < 1: p is faster than the peer\n"
}' "$results"
if [ -f "$work/problems" ]; then
	echo
	cat "$work/problems"
fi
if grep -q '^[^ ]* p [a-z]' "$results"; then
	echo "run.sh: p failed a benchmark" >&2
	exit 1
fi
exit 0
