# tests/bench: `make bench` runs the benchmarks under p and the installed
# peers (tests/bench/install-peers.sh) and prints times and ratios.  Not a
# test: nothing here is part of `make check`.
BENCHES += \
	tests/bench/ack.scm tests/bench/apply.scm tests/bench/bigfib.scm \
	tests/bench/bst.scm tests/bench/charset.scm tests/bench/chars.scm \
	tests/bench/chudnovsky.scm \
	tests/bench/cpstak.scm tests/bench/ctak.scm tests/bench/deriv.scm \
	tests/bench/destruc.scm tests/bench/div.scm tests/bench/dynwind.scm \
	tests/bench/equal.scm tests/bench/escape.scm tests/bench/fact.scm \
	tests/bench/fft.scm tests/bench/fib.scm tests/bench/fibc.scm \
	tests/bench/fibfp.scm tests/bench/fpsum.scm tests/bench/gcbench.scm \
	tests/bench/generator.scm tests/bench/geometry.scm \
	tests/bench/guard.scm tests/bench/handler.scm tests/bench/harmonic.scm \
	tests/bench/lines.scm \
	tests/bench/lists.scm tests/bench/mbrot.scm tests/bench/msort.scm \
	tests/bench/nbody.scm tests/bench/nqueens.scm tests/bench/numstr.scm \
	tests/bench/paraffins.scm tests/bench/param.scm tests/bench/peval.scm \
	tests/bench/pidigits.scm tests/bench/pnpoly.scm tests/bench/primes.scm \
	tests/bench/regexp.scm tests/bench/rewrite.scm tests/bench/sort.scm \
	tests/bench/string.scm tests/bench/strport.scm \
	tests/bench/tak.scm tests/bench/takl.scm tests/bench/threads.scm \
	tests/bench/triangle.scm tests/bench/utf8.scm tests/bench/values.scm \
	tests/bench/wc.scm tests/bench/windgen.scm
EXTRA_DIST += $(BENCHES) tests/bench/expected.txt tests/bench/run.sh \
	tests/bench/install-peers.sh tests/bench/prelude/chez.scm \
	tests/bench/prelude/chicken.scm tests/bench/prelude/guile.scm \
	tests/bench/prelude/p/charset.scm tests/bench/prelude/p/hashtab.scm \
	tests/bench/prelude/p/regexp.scm tests/bench/prelude/p/sort.scm \
	tests/bench/prelude/chez/hashtab.scm tests/bench/prelude/chez/sort.scm \
	tests/bench/prelude/guile/hashtab.scm tests/bench/prelude/guile/regexp.scm \
	tests/bench/prelude/guile/sort.scm tests/bench/prelude/chicken/regexp.scm \
	tests/bench/prelude/chicken/sort.scm tests/bench/prelude/gambit/hashtab.scm

bench: all
	top_builddir='$(abs_top_builddir)' $(SHELL) $(top_srcdir)/tests/bench/run.sh
.PHONY: bench

# tests/bench/paging: the benchmark of the founding claim on Xen in QEMU
# (p-guest against the hosted p in a swapping Linux domU); see its README.
EXTRA_DIST += tests/bench/paging/README.md tests/bench/paging/run.sh \
	tests/bench/paging/report.sh tests/bench/paging/dom0-job.sh \
	tests/bench/paging/domu-init.sh tests/bench/paging/block-hook.sh \
	tests/bench/paging/churn.scm
bench-paging: all tests/wait-connect$(EXEEXT)
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
		bash $(top_srcdir)/tests/bench/paging/run.sh
.PHONY: bench-paging
