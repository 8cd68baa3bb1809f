#!/bin/sh
# report.sh RESULTS ENV - turns the "PAGING: " lines of the benchmark's
# serial log (RESULTS, without the prefix) into the summary run.sh prints.
res=$1
. "$2"
# val PATTERN FIELD: field FIELD of the first line matching PATTERN.
val() { grep -a -m1 -- "$1" "$res" | awk -v f="$2" '{print $f}'; }
mib() { [ -n "$1" ] && awk -v b="$1" 'BEGIN{printf "%.1f", b / 1048576}' || echo "?"; }

pg_ms=$(val '^pguest out: churn: elapsed-ms' 5)
pg_pause=$(val '^pguest out: churn: max-pause-us' 5)
pg_gcs=$(val '^pguest out: churn: max-pause-us' 7)
pg_peak=$(val '^pguest err: gc: heap pages peak' 7)
pg_rc=$(val '^pguest status' 3)

# linux NAME LABEL: the line of one hosted run; sets lx_ms.
linux() {
	lx_ms=$(val "^$1 PAGING-DOMU-OUT: churn: elapsed-ms" 5)
	lx_pause=$(val "^$1 PAGING-DOMU-OUT: churn: max-pause-us" 5)
	lx_gcs=$(val "^$1 PAGING-DOMU-OUT: churn: max-pause-us" 7)
	lx_heap=$(val "^$1 PAGING-DOMU-OUT: churn: max-pause-us" 9)
	lx_major=$(val "^$1 PAGING-DOMU-ERR: .*Major" 8)
	lx_cg=$(val "^$1 PAGING-DOMU: cgroup memory.peak" 5)
	lx_swap=$(val "^$1 PAGING-DOMU: cgroup memory.peak" 7)
	lx_rc=$(val "^$1 PAGING-DOMU: status" 4)
	# (Not busybox time's "Maximum resident set size": it is four times
	# too large, counted in pages as if they were KiB.)
	printf '%-34s %10s %7s ms %5s  RAM %s MiB + swap %s MiB, heap %s MiB, %s major faults (status %s)\n' \
		"$2" "${lx_ms:-?}" "$([ -n "$lx_pause" ] && echo $((lx_pause / 1000)) || echo '?')" \
		"${lx_gcs:-?}" "$(mib "$lx_cg")" "$(mib "$lx_swap")" "$(mib "$lx_heap")" \
		"${lx_major:-?}" "${lx_rc:-?}"
}
# ratio LABEL A B: A / B
ratio() {
	if [ -n "$2" ] && [ -n "$3" ] && [ "$3" -gt 0 ]; then
		awk -v a="$2" -v b="$3" -v l="$1" 'BEGIN{printf "time ratio, %s: %.2f\n", l, a / b}'
	else
		echo "time ratio, $1: not available (a run failed; see the serial log)"
	fi
}
echo
echo "paging benchmark: churn.scm keeping $LIVE MB live for $ROUNDS rounds, $MEM MiB of RAM"
printf '%-34s %10s %10s %5s  %s\n' "" "time ms" "max pause" "GCs" "peak memory"
printf '%-34s %10s %7s ms %5s  heap pages %s MiB (status %s)\n' "p-guest (p-launch --mem $MEM)" \
	"${pg_ms:-?}" "$([ -n "$pg_pause" ] && echo $((pg_pause / 1000)) || echo '?')" "${pg_gcs:-?}" \
	"$(mib "$pg_peak")" "${pg_rc:-?}"
linux linux-swap "hosted p, Linux domU, swap"
swap_ms=$lx_ms
tight=$(grep -a -m1 '^linux-tight PAGING-DOMU: p --heap' "$res" | awk '{print $5}')
linux linux-tight "hosted p --heap ${tight:-?}, Linux, swap"
tight_ms=$lx_ms
ratio "hosted p in swapping Linux / p-guest" "$swap_ms" "$pg_ms"
ratio "hosted p with p-guest's heap limit in Linux / p-guest" "$tight_ms" "$pg_ms"
ns_oom=$(val '^linux-noswap PAGING-DOMU: oom_kill' 4)
ns_rc=$(val '^linux-noswap PAGING-DOMU: status' 4)
echo "hosted p in Linux without swap: status ${ns_rc:-?}, OOM kills in its cgroup: ${ns_oom:-?}" \
	"$([ "${ns_oom:-0}" -gt 0 ] 2>/dev/null && echo "(the OOM killer ended it, as expected)")"
big_rc=$(val '^pguest-big status' 3)
if grep -aq '^pguest-big err: .*heap exhausted' "$res"; then
	echo "p-guest with $BIG MB live in $MEM MiB: status $big_rc, a clean \"heap exhausted\" error (as expected)"
else
	echo "p-guest with $BIG MB live in $MEM MiB: status ${big_rc:-?}, no \"heap exhausted\" error seen"
fi
