#!/bin/sh
# run.sh [-n RUNS] [BENCH...] - runs the benchmarks under p and under each
# installed peer (Petite Chez, Gambit gsi, CHICKEN csi, Guile 3),
# checks every result line against expected.txt, and prints the best wall
# time of RUNS runs (default 3), the ratio p/peer per benchmark and the
# geometric means of those ratios per category and overall.  A peer that is
# not installed is skipped; a wrong result, an error or a timeout
# (BENCH_TIMEOUT seconds, default 120) is shown instead of a time and left
# out of the means.
#
# Each benchmark's first line names its category (";; category: NAME").
# The runs of one benchmark are interleaved: run 1 of every implementation,
# then run 2 of every one, and so on, so that a burst of load on the machine
# hits all of them alike.  A run slower than 10 s is not repeated.
# BENCH_PEERS="chez guile" limits the peers to those named.
#
# BENCH_CLOCK=cpu times each run by its user plus system CPU time (of the
# process and the children it waits for, through /usr/bin/time) instead
# of the wall clock: on a machine other work loads, the wall clock
# mostly measures waiting for a core.
#
# P_BASELINE=/path/to/other/p adds that build of p as the pseudo-peer
# p-base (e.g. the build before a change), timed in the same interleaved
# runs; its geometric means against the real peers are printed too.
#
# prelude/NAME.scm, when present, is prepended to every benchmark run by
# implementation NAME: it supplies R7RS names that peer lacks.
# prelude/NAME/BENCH.scm is prepended to benchmark BENCH alone: the library
# benchmarks name their operations neutrally (ht-set!, ...) and these
# preludes bind them to each implementation's own library (for p, the
# SRFI ones, imported).
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
impls="p|$top_builddir/p|P byte-code VM (this tree)"
if [ -n "${P_BASELINE:-}" ]; then
	impls="$impls
p-base|$P_BASELINE|P baseline build"
fi
impls="$impls
chez|petite --script|Petite Chez Scheme (interpreter)
gambit|gsi|Gambit gsi (interpreter)
chicken|csi -s|CHICKEN csi (interpreter)
guile|guile --no-auto-compile|Guile 3 without .go compilation (its evaluator is itself compiled and JIT-compiled)"

if [ ! -x "$top_builddir/p" ]; then
	echo "run.sh: no p at $top_builddir/p (build first, or set top_builddir)" >&2
	exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/p-bench.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
# One line per finished run: BENCH IMPL NANOSECONDS, or BENCH IMPL STATUS.
results=$work/results
: >"$results"

now_ns() { date +%s%N; }

clock=${BENCH_CLOCK:-wall}
case $clock in
wall) ;;
cpu)
	if [ ! -x /usr/bin/time ]; then
		echo "run.sh: BENCH_CLOCK=cpu needs /usr/bin/time" >&2
		exit 1
	fi ;;
*)
	echo "run.sh: BENCH_CLOCK is wall or cpu, not $clock" >&2
	exit 1 ;;
esac

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
	case "$name" in p | p-base) ;; *)
		case " ${BENCH_PEERS:-$name} " in *" $name "*) ;; *) continue ;; esac ;;
	esac
	if command -v "$prog" >/dev/null 2>&1 || [ -x "$prog" ]; then printf '%s ' "$name"; fi
done)
echo "best of $runs interleaved runs; times in seconds ($clock clock)"
echo

categories=
for b in $benches; do
	src=$here/$b.scm
	if [ ! -f "$src" ]; then
		echo "run.sh: no benchmark $src" >&2
		exit 1
	fi
	category=$(sed -n '1s/^;; category: *\([a-z0-9-]*\).*/\1/p' "$src")
	categories="$categories $b=${category:-none}"
	prefix=$(sed -n 's/^ *(display "\(.*\) = ").*/\1 =/p' "$src" | head -1)
	want=$(awk -v p="$prefix" 'index($0, p) == 1' "$here/expected.txt")
	# done/NAME marks an implementation whose runs of this benchmark are over.
	rm -rf "$work/done"
	mkdir "$work/done"
	i=0
	while [ $i -lt "$runs" ]; do
		i=$((i + 1))
		echo "$impls" | while IFS='|' read -r name cmd what; do
			case " $present " in *" $name "*) ;; *) continue ;; esac
			[ -e "$work/done/$name" ] && continue
			input=$src
			pre=
			for f in "$here/prelude/$name.scm" "$here/prelude/$name/$b.scm"; do
				[ -f "$f" ] && pre="$pre $f"
			done
			if [ -n "$pre" ]; then
				input=$work/$b-$name.scm
				[ -f "$input" ] || cat $pre "$src" >"$input"
			fi
			start=$(now_ns)
			# stderr apart: Guile warns there about the R7RS prelude
			if [ "$clock" = cpu ]; then
				/usr/bin/time -f '%U %S' -o "$work/cpu" \
					timeout "$limit" $cmd "$input" >"$work/out" 2>"$work/err" </dev/null
			else
				timeout "$limit" $cmd "$input" >"$work/out" 2>"$work/err" </dev/null
			fi
			rc=$?
			end=$(now_ns)
			got=$(grep -v '^$' "$work/out" | tail -1)
			[ -n "$got" ] || got=$(grep -v '^$' "$work/err" | tail -1)
			status=ok
			if [ $rc = 124 ]; then
				status=timeout
			elif [ $rc != 0 ]; then
				status=error
			elif [ "$got" != "$want" ]; then
				status=wrong
			fi
			if [ $status != ok ]; then
				echo "$b $name $status" >>"$results"
				printf '%s under %s: %s; last output line: %s\n' "$b" "$name" "$status" "$got" >>"$work/problems"
				: >"$work/done/$name"
				continue
			fi
			t=$((end - start))
			if [ "$clock" = cpu ]; then
				t=$(awk '{ printf "%.0f", ($1 + $2) * 1e9 }' "$work/cpu")
			fi
			echo "$b $name $t" >>"$results"
			if [ "$t" -gt 10000000000 ]; then : >"$work/done/$name"; fi
		done
	done
	printf '.' >&2
done
echo >&2

awk -v impls="$present" -v benches="$benches" -v categories="$categories" '
# Sums the logs of the ratios of subject s to every other implementation, per
# category and overall; prints the per-benchmark ratios when show is set.
function ratios(s, show,    i, j, x, pv, v) {
	if (show) {
		printf "\n%-12s %-8s", s "/peer", ""
		for (j = 1; j <= ni; j++) if (I[j] != s) printf " %10s", I[j]
		printf "\n"
	}
	for (i = 1; i <= nb; i++) {
		if (show) printf "%-12s %-8s", B[i], cat[B[i]]
		pv = best[B[i] " " s]
		for (j = 1; j <= ni; j++) {
			if (I[j] == s) continue
			v = best[B[i] " " I[j]]
			if (pv != "" && v != "" && v > 0) {
				x = pv / v
				if (show) printf " %10.2f", x
				lsum[s, I[j], cat[B[i]]] += log(x); cnt[s, I[j], cat[B[i]]]++
				lsum[s, I[j], "overall"] += log(x); cnt[s, I[j], "overall"]++
			} else if (show) printf " %10s", "-"
		}
		if (show) printf "\n"
	}
}
function means(s,    c, j, k) {
	printf "\ngeometric means of %s/peer (number of benchmarks)\n%-21s", s, "category"
	for (j = 1; j <= ni; j++) if (I[j] != s) printf " %10s", I[j]
	printf "\n"
	for (k = 1; k <= nc + 1; k++) {
		c = k <= nc ? C[k] : "overall"
		printf "%-21s", c
		for (j = 1; j <= ni; j++) {
			if (I[j] == s) continue
			if (cnt[s, I[j], c] > 0)
				printf " %10s", sprintf("%.2f (%d)", exp(lsum[s, I[j], c] / cnt[s, I[j], c]), cnt[s, I[j], c])
			else printf " %10s", "-"
		}
		printf "\n"
	}
}
{
	key = $1 " " $2
	if ($3 ~ /^[0-9]+$/) {
		if (!(key in failed) && (best[key] == "" || $3 + 0 < best[key] + 0)) best[key] = $3
	} else { failed[key] = $3; delete best[key] }
}
END {
	ni = split(impls, I, " "); nb = split(benches, B, " ")
	n = split(categories, pairs, " ")
	for (k = 1; k <= n; k++) {
		split(pairs[k], kv, "="); cat[kv[1]] = kv[2]
		if (!(kv[2] in seen)) { seen[kv[2]] = 1; C[++nc] = kv[2] }
	}
	printf "%-12s %-8s", "time", "category"
	for (j = 1; j <= ni; j++) printf " %10s", I[j]
	printf "\n"
	for (i = 1; i <= nb; i++) {
		printf "%-12s %-8s", B[i], cat[B[i]]
		for (j = 1; j <= ni; j++) {
			key = B[i] " " I[j]
			if (key in failed) printf " %10s", failed[key]
			else if (best[key] != "") printf " %10.3f", best[key] / 1e9
			else printf " %10s", "-"
		}
		printf "\n"
	}
	ratios("p", 1)
	means("p")
	if (index(" " impls " ", " p-base ")) {
		ratios("p-base", 0)
		means("p-base")
	}
	printf "\nratio < 1: p is faster than the peer\n"
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
