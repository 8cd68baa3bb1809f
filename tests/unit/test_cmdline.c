/*
 * test_cmdline.c - the guest command line is a contract between p-launch
 * (dom0d/launch/p-launch-cmdline.c writes it) and the kernel (guest/kernel/
 * cmdline.c reads it).  Encodes argument lists with awkward bytes, decodes
 * them with the kernel's parser and compares; checks the parser's errors.
 * Prints TAP.
 */
#include <stdio.h>
#include <string.h>
#include "cmdline.h"
#include "p-launch.h"
#include "tap.h"

/* launch_opts holds argv as main() gets it, as mutable strings: copies of
 * the words into static storage. */
static char **mutable_words(int n, const char *const *words)
{
	static char store[4096];
	static char *ptrs[16];
	size_t at = 0;

	for (int i = 0; i < n; i++) {
		size_t len = strlen(words[i]) + 1;
		memcpy(store + at, words[i], len);
		ptrs[i] = store + at;
		at += len;
	}
	return ptrs;
}

static int roundtrip(int argc, const char *const *words, int nenv, const char **env,
		     int repl)
{
	char **argv = mutable_words(argc, words);
	struct launch_opts o = { .argc = argc, .argv = argv, .nenv = nenv, .repl = repl,
				 .bootstats = 1 };
	for (int i = 0; i < nenv; i++)
		o.env[i] = env[i];
	static char line[8000];
	static struct boot_args b;
	const char *why = NULL;
	if (launch_cmdline(&o, line, sizeof line) < 0)
		return 0;
	if (cmdline_parse(line, &b, &why) < 0)
		return 0;
	if (b.argc != argc || b.envc != nenv || b.repl != repl || !b.bootstats || b.crashtest)
		return 0;
	for (int i = 0; i < argc; i++)
		if (strcmp(b.argv[i], argv[i]))
			return 0;
	for (int i = 0; i < nenv; i++)
		if (strcmp(b.env[i], env[i]))
			return 0;
	return 1;
}

int main(void)
{
	const char *plain[] = { "prog.scm", "a", "b" };
	tap_ok(roundtrip(3, plain, 0, NULL, 0), "plain arguments round-trip");
	const char *odd[] = { "dir with space/prog.scm", "", "100%", "--", "a=b", "tab\there",
			"new\nline", "\xc3\xa9t\xc3\xa9", "%_", "'\"\\" };
	tap_ok(roundtrip(10, odd, 0, NULL, 0),
	   "spaces, empty words, %%, --, control bytes, UTF-8 and quotes round-trip");
	const char *env[] = { "HOME=/", "GREETING=hi there", "EMPTY=" };
	tap_ok(roundtrip(1, plain, 3, env, 0), "environment variables round-trip");
	tap_ok(roundtrip(0, NULL, 0, NULL, 1), "a REPL with no program");

	struct boot_args b;
	const char *why = NULL;
	tap_ok(cmdline_parse("bootstats -- x%4", &b, &why) < 0 && why && strstr(why, "escape"),
	   "a truncated %%XX escape is refused with a reason");
	why = NULL;
	tap_ok(cmdline_parse("heap=12x -- p", &b, &why) < 0 && why && strstr(why, "heap"),
	   "a malformed heap= is refused with a reason");
	tap_ok(cmdline_parse("heap=1048576 futureoption -- p", &b, &why) == 0 && b.heap == 1048576 &&
	   b.argc == 1, "heap= is read and unknown options are ignored");
	tap_ok(cmdline_parse(NULL, &b, &why) == 0 && b.argc == 0, "no command line at all");
	static char big[20000];
	memset(big, 'a', sizeof big - 1);
	tap_ok(cmdline_parse(big, &b, &why) < 0, "an over-long command line is refused");

	{
		struct launch_opts g = { .argc = 1, .argv = mutable_words(1, plain), .gc_stats = 1,
					 .heap_bytes = 48ull << 20 };
		static char line[8000];
		struct boot_args gb;
		tap_ok(launch_cmdline(&g, line, sizeof line) == 0 &&
		       cmdline_parse(line, &gb, &why) == 0 && gb.gcstats &&
		       gb.heap == (48ull << 20) && !gb.gcstress && gb.argc == 1,
		       "p-launch --heap and --gc-stats reach the kernel as heap= and gcstats");
	}

	struct launch_opts o = { .argc = 1, .argv = mutable_words(1, plain) };
	char small[8];
	tap_ok(launch_cmdline(&o, small, sizeof small) < 0, "p-launch refuses a line that does not fit");
	return tap_done();
}
