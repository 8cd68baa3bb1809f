/*
 * test_gc.c - the collector: cyclic data and big vectors survive many
 * collections, heap exhaustion raises a condition the program survives,
 * the stress mode and statistics work, and freed space goes back to the
 * platform.  White-box: uses core.h to drive collections directly.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core.h"
#include "host.h"
#include "p.h"
#include "tap.h"

/* A ring of n pairs whose cars are vectors #(i ring-head). */
static val make_ring(P *p, long n)
{
	val head = p_cons(p, P_FALSE, P_NIL);
	val tail = head;
	for (long i = 0; i < n; i++) {
		val v = p_make_vector(p, 2, P_FIX(i));
		val c = p_cons(p, v, P_NIL);
		P_CDR(tail) = c;
		tail = c;
	}
	P_CDR(tail) = head;
	for (val c = P_CDR(head); c != head; c = P_CDR(c))
		P_VEC(P_CAR(c))[1] = head;
	return head;
}

static int ring_ok(val head, long n)
{
	long i = 0;
	for (val c = P_CDR(head); c != head; c = P_CDR(c), i++) {
		if (!P_IS_PAIR(c) || !P_IS_VECTOR(P_CAR(c)))
			return 0;
		if (P_VEC(P_CAR(c))[0] != P_FIX(i) || P_VEC(P_CAR(c))[1] != head)
			return 0;
		if (i > n)
			return 0;
	}
	return i == n;
}

/* Evaluates a Scheme expression in the interaction environment. */
static val eval_str(P *p, const char *src)
{
	val port = p_open_input_string(p, p_string_from_utf8(p, src, strlen(src)));
	val form = p_read_datum(p, port);
	return vm_run(p, compile_toplevel(p, form, p->roots[R_INTERACTION]));
}

int main(void)
{
	static char name[] = "test_gc";
	static char *argv[] = { name, NULL };
	struct host_config cfg = { .heap_limit = 64u << 20, .argc = 1, .argv = argv };
	if (host_setup(&cfg) < 0) {
		printf("Bail out! cannot set up the hosted platform\n");
		return 1;
	}
	struct p_run run = { .heap_bytes = cfg.heap_limit };
	P *p = p_boot(&run);
	/* P_GC_STRESS would make filling the heap quadratic; stress mode is
	 * tested explicitly below */
	p->gc_stress = 0;

	/* cyclic structure across collections */
	p->roots[R_TMP0] = make_ring(p, 5000);
	uint64_t before = p->gc_count;
	for (int i = 0; i < 50; i++) {
		p_cons(p, P_FIX(i), P_NIL);	/* garbage between collections */
		gc_collect(p);
	}
	tap_ok(p->gc_count == before + 50, "50 collections ran");
	tap_ok(ring_ok(p->roots[R_TMP0], 5000), "a cyclic structure survives 50 collections");

	/* big vectors */
	val big = p_make_vector(p, 2000000, P_FALSE);
	for (size_t i = 0; i < P_VEC_LEN(big); i++)
		P_VEC(big)[i] = P_FIX(i * 3);
	p->roots[R_TMP1] = big;
	gc_collect(p);
	gc_collect(p);
	big = p->roots[R_TMP1];
	int big_ok = P_IS_VECTOR(big) && P_VEC_LEN(big) == 2000000;
	for (size_t i = 0; big_ok && i < P_VEC_LEN(big); i += 997)
		big_ok = P_VEC(big)[i] == P_FIX(i * 3);
	tap_ok(big_ok, "a 2M-element vector survives collections intact");
	tap_ok(ring_ok(p->roots[R_TMP0], 5000), "the ring is still intact next to it");

	/* freed space is kept for reuse, and goes back to the platform once
	 * the heap has stayed small for a few full collections */
	size_t held = p->in_use;
	p->roots[R_TMP1] = P_FALSE;
	gc_collect_full(p);
	tap_ok(p->in_use < held, "dropping the vector shrinks the heap");
	tap_ok(p->pooled + p->cached >= (held - p->in_use) / 2, "the freed pages are kept for reuse at first");
	for (int i = 0; i < 8; i++)
		gc_collect_full(p);
	tap_ok(p->in_use + p->pooled + p->cached < held, "a heap that stays small gives its pages back");

	/* generations: a young object reachable only from an old one through
	 * a store with the write barrier survives minor collections */
	val old = p_make_vector(p, 3, P_FALSE);
	p->roots[R_TMP1] = old;
	gc_collect(p);
	old = p->roots[R_TMP1];
	uint64_t majors = p->major.count;
	P_SET_SLOT(old, 1, p_cons(p, P_FIX(42), P_NIL));
	P_SET_SLOT(old, 2, p_make_vector(p, 5000, P_FIX(7)));	/* a large one */
	for (int i = 0; i < 20; i++) {
		p_cons(p, P_FIX(i), P_NIL);
		gc_collect(p);
	}
	old = p->roots[R_TMP1];
	tap_ok(p->major.count == majors, "collections of the nursery alone ran");
	tap_ok(P_IS_PAIR(P_VEC(old)[1]) && P_CAR(P_VEC(old)[1]) == P_FIX(42) &&
	       P_IS_VECTOR(P_VEC(old)[2]) && P_VEC(P_VEC(old)[2])[4999] == P_FIX(7),
	       "young objects stored into an old one survive minor collections");
	gc_collect_full(p);
	old = p->roots[R_TMP1];
	tap_ok(P_CAR(P_VEC(old)[1]) == P_FIX(42), "and full ones");
	tap_ok(p->minor.count >= 20 && p->major.count > majors && p->minor.bytes > 0 &&
	       p->major.bytes > 0 && p->peak >= p->in_use, "per-generation statistics are kept");

	/* the verifier catches a store that missed the barrier */
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		dup2(fd, 2);
		p->gc_verify = 1;
		P_VEC(old)[0] = p_cons(p, P_FIX(1), P_NIL);	/* no barrier */
		gc_collect(p);
		_exit(0);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	tap_ok(pid > 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0),
	       "the heap verifier stops a program whose store missed the write barrier");
	p->roots[R_TMP1] = P_FALSE;

	/* heap exhaustion from C is a condition, not a crash */
	int raised = 0;
	p->in_vm = 1;
	if (__builtin_setjmp(p->jb) == 0) {
		for (;;) {
			val v = p_make_vector(p, 100000, P_FALSE);
			P_VEC(v)[0] = p->roots[R_TMP2];
			p->roots[R_TMP2] = v;
		}
	} else {
		raised = P_HAS_TYPE(p->pending, T_ERROR) &&
			 P_SLOTS(p->pending)[ERR_KIND] == P_FIX(PE_HEAP);
	}
	p->in_vm = 0;
	p->pending = P_FALSE;
	tap_ok(raised, "filling the heap raises a heap-exhausted condition");
	p->roots[R_TMP2] = P_FALSE;
	gc_collect(p);
	tap_ok(!p->in_reserve, "the reserve is released once memory is free again");
	tap_ok(P_IS_VECTOR(p_make_vector(p, 100000, P_FALSE)), "allocation works after exhaustion");
	tap_ok(ring_ok(p->roots[R_TMP0], 5000), "live data survived the exhaustion");

	/* the same through Scheme: caught by guard, program goes on */
	val r = eval_str(p, "(guard (e ((error-object? e) (error-object-message e)))"
			    " (let loop ((acc '())) (loop (cons (make-vector 1000) acc))))");
	tap_ok(P_IS_STRING(r) && p_string_length(r) == 14, "Scheme code catches heap exhaustion with guard");
	r = eval_str(p, "(guard (e (#t 'caught)) (let f ((n 0)) (+ 1 (f (+ n 1)))))");
	tap_ok(r == sym_intern_cstr(p, "caught"), "runaway recursion is caught as heap exhaustion");
	r = eval_str(p, "(length (let build ((k 100000)) (if (= k 0) '() (cons k (build (- k 1))))))");
	tap_ok(r == P_FIX(100000), "deep non-tail recursion works afterwards");

	/* stress mode: a collection at every allocating safe point */
	p->gc_stress = 1;
	before = p->gc_count;
	r = eval_str(p, "(let loop ((i 0) (acc '())) (if (= i 2000) (apply + acc)"
			" (loop (+ i 1) (cons i acc))))");
	p->gc_stress = 0;
	tap_ok(r == P_FIX(1999000), "stress mode computes the right result");
	tap_ok(p->gc_count - before >= 2000, "stress mode collects at every allocation");
	tap_ok(p->major.count > 0 && p->minor.count > p->major.count,
	       "stress mode collects the whole heap every few collections");

	/* statistics */
	r = eval_str(p, "(cdr (assq 'collections (gc-stats)))");
	tap_ok(P_IS_FIX(r) && (uint64_t)P_FIXVAL(r) == p->gc_count, "gc-stats reports the collection count");
	r = eval_str(p, "(>= (cdr (assq 'max-pause-ns (gc-stats))) 0)");
	tap_ok(r == P_TRUE, "gc-stats reports pauses");

	return tap_done();
}
