/*
 * test_pvclock.c - the guest clock's arithmetic (guest/kernel/pvclock.c):
 * TSC readings on both sides of the time-info stamp, including one that
 * wrapped below zero, and the monotonic clock over jitter, a re-based
 * system time and ordinary progress.  Prints TAP.
 */
#include "pvclock.h"
#include "tap.h"

int main(void)
{
	/* A 2.1 GHz TSC as Xen describes it: cycles >> 1, times 0.952. */
	struct pvclock_snapshot s = {
		.version = 2, .tsc_timestamp = 1000, .system_time = 5000000000ull,
		.mul = 0xF3CF3CF3u, .shift = -1,
	};
	uint64_t per_2100 = pvclock_scale(2100, &s);
	tap_ok(per_2100 >= 999 && per_2100 <= 1000, "2100 cycles of a 2.1 GHz TSC are 1 us");
	tap_ok(pvclock_ns(&s, 1000) == 5000000000ull, "a reading at the stamp is the stamp's time");
	uint64_t sec = pvclock_ns(&s, 1000 + 2100000000ull) - 5000000000ull;
	tap_ok(sec > 1000000000ull - 10 && sec < 1000000000ull + 10,
	   "a reading 2.1e9 cycles after the stamp is one second later");
	uint64_t wrapped = pvclock_ns(&s, (uint64_t)-500);
	tap_ok(wrapped <= 5000000000ull && 5000000000ull - wrapped < 1000,
	   "a TSC that wrapped just below zero reads just before the stamp, not 2^63 ns later");
	tap_ok(pvclock_ns(&s, 100) < 5000000000ull, "a reading before the stamp is earlier");
	struct pvclock_snapshot early = s;
	early.system_time = 10;
	tap_ok(pvclock_ns(&early, 0) == 0, "a reading before system time 0 stays at 0");
	struct pvclock_snapshot slow = { .tsc_timestamp = 0, .system_time = 0,
					 .mul = 0x80000000u, .shift = 2 };
	tap_ok(pvclock_ns(&slow, 1000) == 2000, "a positive shift scales up (500 MHz TSC)");

	struct pvclock_mono m = { 0 };
	tap_ok(pvclock_mono_step(&m, 2, 1000) == 1000, "the monotonic clock starts at the reading");
	tap_ok(pvclock_mono_step(&m, 2, 900) == 1000, "a step back within one version is held");
	tap_ok(pvclock_mono_step(&m, 4, 1500) == 1500, "forward readings pass through");
	tap_ok(pvclock_mono_step(&m, 4, 1400) == 1500, "a small step back across versions is held");
	uint64_t before = pvclock_mono_step(&m, 4, 9000000000ull);
	uint64_t after = pvclock_mono_step(&m, 6, 100);
	tap_ok(after == before, "Xen's time re-based to near 0 (restore): the clock carries on");
	tap_ok(pvclock_mono_step(&m, 6, 600) == before + 500,
	   "after a re-base the clock advances with the new system time");
	return tap_done();
}
