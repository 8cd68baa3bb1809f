# tests/bench: `make bench` runs the benchmarks under p and the installed
# peers (tests/bench/install-peers.sh) and prints times and ratios.  Not a
# test: nothing here is part of `make check`.
BENCHES += \
	tests/bench/ack.scm tests/bench/cpstak.scm tests/bench/ctak.scm \
	tests/bench/deriv.scm tests/bench/destruc.scm tests/bench/fib.scm \
	tests/bench/fpsum.scm tests/bench/gcbench.scm tests/bench/mbrot.scm \
	tests/bench/nqueens.scm tests/bench/paraffins.scm tests/bench/peval.scm \
	tests/bench/primes.scm tests/bench/string.scm tests/bench/tak.scm
EXTRA_DIST += $(BENCHES) tests/bench/expected.txt tests/bench/run.sh \
	tests/bench/install-peers.sh

bench: all
	top_builddir='$(abs_top_builddir)' $(SHELL) $(top_srcdir)/tests/bench/run.sh
.PHONY: bench
