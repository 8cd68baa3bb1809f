# tests/lang: R7RS conformance files (TAP, run under p by run-scm.sh) and the
# command-line and REPL checks.  LANG_TESTS is what the GC-stress run repeats.
LANG_CONFORMANCE = \
	tests/lang/4.1-primitive-expressions.scm \
	tests/lang/4.2-derived-expressions.scm \
	tests/lang/4.3-macros.scm \
	tests/lang/5-program-structure.scm \
	tests/lang/6.1-equivalence.scm \
	tests/lang/6.2-numbers.scm \
	tests/lang/6.2-complex.scm \
	tests/lang/6.3-booleans.scm \
	tests/lang/6.4-pairs-lists.scm \
	tests/lang/6.5-symbols.scm \
	tests/lang/6.6-characters.scm \
	tests/lang/6.7-strings.scm \
	tests/lang/6.8-vectors.scm \
	tests/lang/6.9-bytevectors.scm \
	tests/lang/6.10-control.scm \
	tests/lang/6.11-exceptions.scm \
	tests/lang/6.12-eval.scm \
	tests/lang/6.13-io.scm \
	tests/lang/6.14-system.scm \
	tests/lang/tail-calls.scm \
	tests/lang/continuations.scm \
	tests/lang/deep-recursion.scm \
	tests/lang/errors.scm \
	tests/lang/arguments.scm \
	tests/lang/nesting.scm \
	tests/lang/deep-data.scm \
	tests/lang/lexical.scm \
	tests/lang/fast-paths.scm
# The libraries embedded from guest/lang/lib, one file each.
LANG_LIBRARY_TESTS = \
	tests/lang/srfi-1-lists.scm \
	tests/lang/srfi-2-and-let.scm \
	tests/lang/srfi-8-receive.scm \
	tests/lang/srfi-9-records.scm \
	tests/lang/srfi-11-let-values.scm \
	tests/lang/srfi-14-char-sets.scm \
	tests/lang/srfi-16-case-lambda.scm \
	tests/lang/srfi-23-error.scm \
	tests/lang/srfi-26-cut.scm \
	tests/lang/srfi-28-format.scm \
	tests/lang/srfi-31-rec.scm \
	tests/lang/srfi-39-parameters.scm \
	tests/lang/srfi-41-streams.scm \
	tests/lang/srfi-48-format.scm \
	tests/lang/srfi-64-testing.scm \
	tests/lang/srfi-69-hash-tables.scm \
	tests/lang/srfi-87-case.scm \
	tests/lang/srfi-98-environment.scm \
	tests/lang/srfi-101-rlists.scm \
	tests/lang/srfi-111-boxes.scm \
	tests/lang/srfi-113-sets-bags.scm \
	tests/lang/srfi-115-regexp.scm \
	tests/lang/srfi-116-ilists.scm \
	tests/lang/srfi-117-list-queues.scm \
	tests/lang/srfi-125-hash-tables.scm \
	tests/lang/srfi-127-lseqs.scm \
	tests/lang/srfi-128-comparators.scm \
	tests/lang/srfi-132-sort.scm \
	tests/lang/srfi-133-vectors.scm \
	tests/lang/srfi-134-ideques.scm \
	tests/lang/srfi-135-texts.scm \
	tests/lang/srfi-141-division.scm \
	tests/lang/srfi-143-fixnums.scm \
	tests/lang/srfi-144-flonums.scm \
	tests/lang/srfi-145-assume.scm \
	tests/lang/srfi-151-bitwise.scm \
	tests/lang/srfi-152-strings.scm \
	tests/lang/srfi-158-generators.scm
LANG_SHELL_CHECKS = tests/lang/repl.sh tests/lang/cli.sh tests/lang/disassemble.sh \
	tests/lang/error-sites.sh tests/lang/heap-live.sh

# The REPL on a pseudo-terminal (tmux): timing-bound, so not under GC stress.
LANG_TTY_CHECKS = tests/lang/repl-tty.sh

TESTS += $(LANG_CONFORMANCE) $(LANG_LIBRARY_TESTS) $(LANG_SHELL_CHECKS) $(LANG_TTY_CHECKS)
LANG_TESTS += $(LANG_CONFORMANCE) $(LANG_LIBRARY_TESTS) $(LANG_SHELL_CHECKS)
EXTRA_DIST += $(LANG_CONFORMANCE) $(LANG_LIBRARY_TESTS) $(LANG_SHELL_CHECKS) $(LANG_TTY_CHECKS) \
	tests/lang/run-scm.sh tests/lang/harness.scm \
	tests/lang/lib/pxtest/stack.sld tests/lang/lib/pxtest/stack-impl.scm \
	tests/lang/lib/pxtest/util.sld \
	tests/lang/inc/defs.scm tests/lang/inc/upper.scm tests/lang/inc/body.scm \
	tests/lang/progs/heap-live.scm
EXTRA_DIST += tests/examples/hello.scm tests/examples/wordfreq.scm tests/examples/poem.txt
